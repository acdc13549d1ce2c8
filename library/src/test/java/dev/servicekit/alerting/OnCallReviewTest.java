package dev.servicekit.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TestEnvironments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The findings of the third on-call review (issue 19), each on the synthesized JSON of a worker and a web
 * service in prod: what was wrong, asserted as it must be now.
 */
class OnCallReviewTest {
    private static final Synthesized OUT = Synthesized.of(Catalogs.workerAndWeb(), TestEnvironments.context());
    private static final String TARGETS = "{targetgroup:${lower(aws_lb_target_group.checkout_target_group.arn_suffix)},"
            + "loadbalancer:${lower(aws_lb.checkout_lb.arn_suffix)}}";
    private static final String LOAD_BALANCER = "{loadbalancer:${lower(aws_lb.checkout_lb.arn_suffix)}}";

    private static JsonNode monitor(String env, String service, String kind) {
        return OUT.resource(env, "datadog_monitor", service + "_monitor_" + kind);
    }

    private static String id(String service, String kind) {
        return "${datadog_monitor." + service + "_monitor_" + kind + ".id}";
    }

    private static JsonNode outage(String env, String service) {
        return OUT.resource(env, "datadog_monitor", service + "_outage");
    }

    /** Finding 1: a worker that dead-letters every message pages; a trickle of dead letters only notifies. */
    @Test
    void aDeadLetterFloodIsAPagingSymptomAndTheTrickleANotification() {
        JsonNode flood = monitor("prod", "billing-worker", "dead_letter_flood");
        assertThat(flood.path("query").asText()).isEqualTo("sum(last_30m):monotonic_diff(default_zero("
                + "max:aws.sqs.approximate_number_of_messages_visible{queuename:prod-billing-worker-dlq})) - "
                + "default_zero(sum:aws.sqs.number_of_messages_deleted{queuename:prod-billing-worker}) > 10");
        assertThat(flood.path("tags").toString()).contains("severity:symptom");
        assertThat(outage("prod", "billing-worker").path("query").asText())
                .contains(id("billing-worker", "dead_letter_flood"));
        assertThat(monitor("prod", "billing-worker", "dead_letter_arrivals").path("tags").toString())
                .contains("severity:cause");
        assertThat(outage("prod", "billing-worker").path("query").asText())
                .doesNotContain(id("billing-worker", "dead_letter_arrivals"));
    }

    /** Finding 2: latency and error-budget burn page only with enough traffic. */
    @Test
    void everyPagingRatioAndPercentileNeedsATrafficFloor() {
        assertThat(monitor("prod", "checkout", "traffic_floor").path("query").asText()).isEqualTo(
                "sum(last_1h):default_zero(sum:aws.applicationelb.request_count" + TARGETS + ".as_count()) + "
                        + "default_zero(sum:aws.applicationelb.httpcode_elb_5xx" + LOAD_BALANCER + ".as_count()) < 600");
        assertThat(monitor("prod", "checkout", "traffic_floor").path("tags").toString()).contains("severity:part");
        String query = outage("prod", "checkout").path("query").asText();
        assertThat(query).contains("((" + id("checkout", "latency") + " || " + id("checkout", "slo_fast_burn") + " || "
                + id("checkout", "slo_slow_burn") + ") && !" + id("checkout", "traffic_floor") + ")");
        for (String floored : List.of("latency", "slo_fast_burn", "slo_slow_burn")) {
            assertThat(query.split(java.util.regex.Pattern.quote(id("checkout", floored)), -1)).as(floored + " once")
                    .hasSize(2);
        }
        assertThat(monitor("prod", "checkout", "error_rate").path("query").asText()).as("a ratio keeps its floor")
                .contains(" + 50) * 100 > 5");
    }

    /** Finding 3: a 502 or 504 is in RequestCount already; only the ELB's other 5xx are added to the total. */
    @Test
    void theLoadBalancers502And504AreNotCountedTwice() {
        String requests = "default_zero(sum:aws.applicationelb.request_count" + TARGETS + ".as_count())";
        String elb = "default_zero(sum:aws.applicationelb.httpcode_elb_5xx" + LOAD_BALANCER + ".as_count())";
        String elb502 = "default_zero(sum:aws.applicationelb.httpcode_elb_502" + LOAD_BALANCER + ".as_count())";
        String elb504 = "default_zero(sum:aws.applicationelb.httpcode_elb_504" + LOAD_BALANCER + ".as_count())";
        String target5xx = "default_zero(sum:aws.applicationelb.httpcode_target_5xx" + TARGETS + ".as_count())";
        JsonNode slo = OUT.resource("prod", "datadog_service_level_objective", "checkout_slo");
        assertThat(slo.path("query").path("denominator").asText())
                .isEqualTo(requests + " + " + elb + " - " + elb502 + " - " + elb504);
        assertThat(slo.path("query").path("numerator").asText())
                .isEqualTo(requests + " - " + target5xx + " - " + elb502 + " - " + elb504);
        assertThat(monitor("prod", "checkout", "error_rate").path("query").asText()).isEqualTo("sum(last_10m):("
                + target5xx + " + " + elb + ") / (" + requests + " + " + elb + " - " + elb502 + " - " + elb504
                + " + 50) * 100 > 5");
    }

    /** Finding 4: with no target registered, AWS reports no HealthyHostCount at all: missing data must notify. */
    @Test
    void noHealthyTargetsNotifiesWhenNoTargetIsRegistered() {
        JsonNode monitor = monitor("prod", "checkout", "no_healthy_targets");
        assertThat(monitor.path("notify_no_data").asBoolean()).isTrue();
        assertThat(monitor.path("no_data_timeframe").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(monitor.path("message").asText()).contains("{{#is_no_data}}", "no target is registered");
    }

    /** Finding 5: a burn-rate alert has no {{value}}; it has the two windows' burn rates. */
    @Test
    void burnRateMessagesShowBothWindowsBurnRates() {
        for (String kind : List.of("slo_fast_burn", "slo_slow_burn", "slo_steady_burn")) {
            String message = monitor("prod", "checkout", kind).path("message").asText();
            assertThat(message).as(kind).contains("{{long_window_burn_rate}}", "{{short_window_burn_rate}}")
                    .doesNotContain("{{value}}");
        }
    }

    /**
     * Finding 6: the SRE workbook's tiers, 14.4x over 1 h and 6x over 6 h page; Datadog's 3x over 24 h (its long
     * windows stop at 48 h, so not the workbook's 3 days) is a ticket. Short windows outlast the AWS metrics'
     * 15-minute delay.
     */
    @Test
    void burnRateTiersFollowTheWorkbookWithShortWindowsLongerThanTheMetricDelay() {
        String slo = "burn_rate(\"${datadog_service_level_objective.checkout_slo.id}\").over(\"30d\")";
        assertThat(monitor("prod", "checkout", "slo_fast_burn").path("query").asText())
                .isEqualTo(slo + ".long_window(\"1h\").short_window(\"20m\") > 14.4");
        assertThat(monitor("prod", "checkout", "slo_slow_burn").path("query").asText())
                .isEqualTo(slo + ".long_window(\"6h\").short_window(\"30m\") > 6");
        assertThat(monitor("prod", "checkout", "slo_steady_burn").path("query").asText())
                .isEqualTo(slo + ".long_window(\"24h\").short_window(\"2h\") > 3");
        assertThat(monitor("stage", "checkout", "slo_steady_burn").path("query").asText()).endsWith(" > 2.8");
        String outage = outage("prod", "checkout").path("query").asText();
        assertThat(outage).contains(id("checkout", "slo_fast_burn"), id("checkout", "slo_slow_burn"))
                .doesNotContain(id("checkout", "slo_steady_burn"));
        assertThat(monitor("prod", "checkout", "slo_steady_burn").path("tags").toString()).contains("severity:cause");
    }

    /** Finding 8: one outage, one incident: only the service's outage composite (and the dead-man's switch) page. */
    @Test
    void onlyTheOutageCompositeAndTheDeadMansSwitchPage() {
        for (String service : List.of("billing-worker", "checkout")) {
            List<String> paging = new ArrayList<>();
            OUT.stack("prod").path("resource").path("datadog_monitor").fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith(service + "_")
                        && entry.getValue().path("message").asText().contains(TestEnvironments.PROD_PAGE)) {
                    paging.add(entry.getKey());
                }
            });
            OUT.stack("prod").path("resource").path("datadog_synthetics_test").fields().forEachRemaining(entry -> {
                if (entry.getValue().path("message").asText().contains(TestEnvironments.PROD_PAGE)) {
                    paging.add(entry.getKey());
                }
            });
            assertThat(paging).as(service).containsExactlyInAnyOrder(service + "_outage",
                    service + "_monitor_service_reporting");
            JsonNode outage = outage("prod", service);
            assertThat(outage.path("type").asText()).isEqualTo("composite");
            assertThat(outage.path("renotify_interval").asInt()).isEqualTo(60);
            OUT.stack("prod").path("resource").path("datadog_monitor").fields().forEachRemaining(entry -> {
                boolean symptom = entry.getValue().path("tags").toString().contains("severity:symptom");
                if (entry.getKey().startsWith(service + "_monitor_") && symptom
                        && !entry.getKey().endsWith("service_reporting")) {
                    assertThat(outage.path("query").asText()).as(entry.getKey())
                            .contains("${datadog_monitor." + entry.getKey() + ".id}");
                    assertThat(entry.getValue().path("message").asText()).as(entry.getKey())
                            .contains(TestEnvironments.PROD_CHAT).contains("[prod] " + service + ": service failing");
                }
            });
        }
        assertThat(outage("prod", "checkout").path("query").asText())
                .contains("${datadog_synthetics_test.checkout_synthetics.monitor_id}");
    }

    /** Finding 9: the smaller ones. */
    @Test
    void anIdleDeadLetterQueueHasABaseline() {
        assertThat(monitor("prod", "billing-worker", "dead_letter_arrivals").path("query").asText()).isEqualTo(
                "change(max(last_15m),last_15m):default_zero(max:aws.sqs.approximate_number_of_messages_visible"
                        + "{queuename:prod-billing-worker-dlq}) > 0");
    }

    @Test
    void eventMonitorsHaveNoEvaluationDelay() {
        for (String kind : List.of("tasks_fail_to_start", "deployment_rolled_back")) {
            assertThat(monitor("prod", "billing-worker", kind).has("evaluation_delay")).as(kind).isFalse();
        }
    }

    @Test
    void everyProdPageLinksARunbookAndAPagingLineWithoutOneIsRefused() {
        for (String service : List.of("billing-worker", "checkout")) {
            assertThat(outage("prod", service).path("message").asText())
                    .contains("Runbook: " + TestEnvironments.PROD_RUNBOOK);
            assertThat(monitor("prod", service, "service_reporting").path("message").asText())
                    .contains("Runbook: " + TestEnvironments.PROD_RUNBOOK);
        }
        Map<String, Object> localProd = Map.of("servicekit", Map.of(
                "stage", Map.of("page", TestEnvironments.STAGE_CHAT, "notify", TestEnvironments.STAGE_CHAT),
                "prod", Map.of("page", TestEnvironments.PROD_PAGE, "notify", TestEnvironments.PROD_CHAT, "localState", true)));
        assertThatThrownBy(() -> Synthesized.exactly(Catalog.of(Catalogs.worker()), localProd))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod/billing-worker: runbook: ");
        Synthesized lineRunbook = Synthesized.exactly(Catalog.of(Catalogs.worker().runbook("https://wiki.example.com/b")),
                localProd);
        assertThat(lineRunbook.resource("prod", "datadog_monitor", "billing-worker_outage").path("message").asText())
                .contains("Runbook: https://wiki.example.com/b");
    }

    @Test
    void runningTasksDoesNotWarnOnEveryScaleOut() {
        assertThat(monitor("prod", "checkout", "running_tasks").path("monitor_thresholds").has("warning")).isFalse();
    }

    @Test
    void messagesSayWhatTheValueIsOverTheWindowNotNow() {
        OUT.stack("prod").path("resource").path("datadog_monitor").forEach(monitor ->
                assertThat(monitor.path("message").asText()).as(monitor.path("name").asText())
                        .doesNotContain("now {{value}}").doesNotContain("{{value}} now"));
        assertThat(monitor("prod", "billing-worker", "oldest_message").path("message").asText())
                .contains("lowest in the last 15 minutes: {{value}} s");
    }

    @Test
    void monitorsTagTheOwnerAsTheAwsResourcesDo() {
        assertThat(monitor("prod", "billing-worker", "cpu").path("tags").toString()).contains("\"owner:payments\"")
                .doesNotContain("team:");
        assertThat(OUT.resource("prod", "aws_sqs_queue", "billing-worker_queue").path("tags").path("owner").asText())
                .isEqualTo("payments");
    }
}
