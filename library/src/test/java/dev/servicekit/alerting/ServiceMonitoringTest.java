package dev.servicekit.alerting;

import dev.servicekit.support.TestEnvironments;
import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.Rules;
import dev.servicekit.validation.CatalogValidator;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service's Datadog monitors, SLO, synthetics test and dashboard, per environment. */
class ServiceMonitoringTest {
    private static final List<String> QUEUE = List.of("queue_backlog", "queue_backlog_level", "queue_backlog_draining",
            "oldest_message", "queue_near_retention", "no_consumers", "dead_letter_flood", "dead_letter_arrivals", "dead_letter_age");
    private static final List<String> TASKS = List.of("cpu", "memory", "running_tasks", "tasks_missing",
            "tasks_fail_to_start", "deployment_rolled_back", "service_reporting");
    private static final List<String> LOAD_BALANCER = List.of("latency", "error_rate", "no_healthy_targets",
            "unhealthy_targets", "target_connection_errors", "slo_fast_burn", "slo_slow_burn", "slo_steady_burn",
            "traffic_floor");
    private static final Pattern COMPARISON = Pattern.compile(" (?:[<>]=?) (-?[0-9.]+)$");
    private static final Pattern BLOCK = Pattern.compile("\\{\\{#(is_[a-z_]+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);

    private final Synthesized out = Catalogs.workerAndWebSynthesized();

    private JsonNode monitor(String env, String service, String kind) {
        return out.resource(env, "datadog_monitor", service + "_monitor_" + kind);
    }

    @Test
    void everyServiceGetsTheMonitorsOfItsParts() {
        Synthesized internal = Synthesized.of(Catalog.of(Service.web("inside", "nginx:1.27", 80).internal()));
        for (String env : List.of("stage", "prod")) {
            assertThat(kinds(out, env, "billing-worker")).as("a worker").containsExactlyInAnyOrderElementsOf(
                    concat(QUEUE, TASKS));
            assertThat(kinds(out, env, "checkout")).as("a web service with a queue")
                    .containsExactlyInAnyOrderElementsOf(concat(concat(QUEUE, TASKS), LOAD_BALANCER));
            assertThat(kinds(internal, env, "inside")).as("an internal web service without a queue")
                    .containsExactlyInAnyOrderElementsOf(concat(TASKS, LOAD_BALANCER));
            assertThat(out.has(env, "datadog_synthetics_test", "checkout_synthetics"))
                    .as("an internet-facing web service is called from outside").isTrue();
            assertThat(internal.stack(env).path("resource").has("datadog_synthetics_test")).isFalse();
            assertThat(out.has(env, "datadog_service_level_objective", "checkout_slo")).isTrue();
            assertThat(internal.has(env, "datadog_service_level_objective", "inside_slo")).isTrue();
            assertThat(out.stack(env).path("resource").path("datadog_service_level_objective").has("billing-worker_slo"))
                    .isFalse();
            assertThat(out.has(env, "datadog_dashboard_json", "billing-worker_dashboard")).isTrue();
        }
    }

    /**
     * SQS expires a dead letter by the time it was first sent, but the metric's age counts from its arrival in the
     * dead-letter queue: 100 % is the dead-letter retention less the queue's, from the line's queue options.
     */
    @Test
    void deadLetterAgeIsMeasuredAgainstTheTimeADeadLetterIsSurelyKept() {
        Synthesized custom = Synthesized.of(Catalog.of(Service.worker("w", "nginx:1.27")
                .queue(q -> q.retentionSeconds(86_400).deadLetterRetentionSeconds(604_800))));
        assertThat(custom.resource("prod", "datadog_monitor", "w_monitor_dead_letter_age").path("query").asText())
                .contains("/ 518400 * 100 > ");
    }

    /**
     * The issue's bar: in prod, the page handle appears only inside alert (or, for the dead-man's switch, no-data)
     * blocks of the monitors that page, the service's outage composite and its dead-man's switch; every symptom
     * notifies the chat handle, never pages.
     */
    @Test
    void inProdOnlyTheOutageInAlertPagesAndNothingElseReachesThePageHandle() {
        String page = "@pagerduty-servicekit-prod";
        int pagers = 0;
        int symptoms = 0;
        for (JsonNode monitor : notifying("prod")) {
            String message = monitor.path("message").asText();
            String tags = monitor.path("tags").toString();
            boolean pages = tags.contains("severity:outage") || monitor.path("name").asText().endsWith("no data from the service");
            StringBuilder outside = new StringBuilder();
            Matcher block = BLOCK.matcher(message);
            int last = 0;
            while (block.find()) {
                outside.append(message, last, block.start());
                last = block.end();
                String state = block.group(1);
                boolean alertBlock = List.of("is_alert", "is_alert_recovery", "is_no_data", "is_no_data_recovery")
                        .contains(state);
                assertThat(block.group(2).contains(page)).as(monitor.path("name").asText() + ": " + state)
                        .isEqualTo(pages && alertBlock && block.group(2).startsWith("@"));
            }
            outside.append(message.substring(last));
            assertThat(outside.toString()).as(monitor.path("name").asText() + ": outside any block")
                    .doesNotContain(page);
            if (pages) {
                pagers++;
                assertThat(priority(monitor)).isEqualTo(1);
            } else {
                symptoms += tags.contains("severity:symptom") ? 1 : 0;
                assertThat(message).as("a symptom or a cause notifies the chat handle").endsWith("\n@slack-servicekit-prod");
                assertThat(priority(monitor)).isEqualTo(3);
            }
        }
        assertThat(pagers).as("an outage composite and a dead-man's switch per service").isEqualTo(4);
        assertThat(symptoms).isGreaterThan(10);
        for (JsonNode monitor : notifying("stage")) {
            assertThat(monitor.path("message").asText()).as("stage never pages").doesNotContain("@pagerduty")
                    .contains("@slack-servicekit-stage");
        }
    }

    @Test
    void namesTagsAndPrioritiesFollowTheEnvironmentAndTheSeverity() {
        JsonNode backlog = monitor("prod", "billing-worker", "queue_backlog");
        assertThat(backlog.path("name").asText()).isEqualTo("[prod] billing-worker: queue backing up");
        assertThat(backlog.path("tags").toString()).isEqualTo("[\"service:billing-worker\",\"env:prod\","
                + "\"environment:prod\",\"owner:payments\",\"managed-by:servicekit\",\"severity:cause\"]");
        assertThat(monitor("prod", "billing-worker", "cpu").path("tags").toString()).contains("\"severity:cause\"");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("tags").toString())
                .contains("\"severity:part\"");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("priority").asInt()).isEqualTo(5);
        assertThat(monitor("stage", "billing-worker", "queue_backlog").path("priority").asInt()).isEqualTo(3);
        assertThat(out.resource("prod", "datadog_monitor", "billing-worker_outage").path("renotify_statuses").toString())
                .as("the outage reminds while in alert, not while warning").isEqualTo("[\"alert\"]");
        assertThat(monitor("prod", "billing-worker", "oldest_message").has("renotify_interval"))
                .as("a symptom notifies once; the outage reminds").isFalse();
        assertThat(monitor("prod", "billing-worker", "cpu").has("renotify_interval")).as("a cause does not remind")
                .isFalse();
    }

    @Test
    void awsMetricsAreEvaluatedLateWithoutAFullWindowAndNoDataNotifiesOnlyTheDeadMansSwitch() {
        int metrics = 0;
        for (String env : List.of("stage", "prod")) {
            for (JsonNode monitor : out.stack(env).path("resource").path("datadog_monitor")) {
                String type = monitor.path("type").asText();
                if (type.equals("query alert")) {
                    metrics++;
                    assertThat(monitor.path("evaluation_delay").asInt()).isEqualTo(900);
                    assertThat(monitor.path("require_full_window").asBoolean(true)).as(monitor.path("name").asText())
                            .isFalse();
                }
                boolean deadMan = monitor.path("name").asText().endsWith("no data from the service");
                boolean noTarget = monitor.path("name").asText().endsWith("no healthy targets");
                assertThat(monitor.path("notify_no_data").asBoolean()).as(monitor.path("name").asText())
                        .isEqualTo(deadMan || noTarget);
                if (deadMan) {
                    Matcher window = Pattern.compile("^max\\(last_(\\d+)m\\)").matcher(monitor.path("query").asText());
                    assertThat(window.find()).isTrue();
                    assertThat(monitor.path("no_data_timeframe").asInt())
                            .isGreaterThanOrEqualTo(2 * Integer.parseInt(window.group(1)));
                    assertThat(monitor.path("message").asText()).contains("{{#is_no_data}}");
                }
                if (monitor.path("query").asText().contains("aws.ecs.service.running")) {
                    Matcher window = Pattern.compile("last_(\\d+)([mh])").matcher(monitor.path("query").asText());
                    assertThat(window.find()).isTrue();
                    assertThat(Integer.parseInt(window.group(1)) * (window.group(2).equals("h") ? 60 : 1))
                            .as("task counts arrive every 10 minutes").isGreaterThanOrEqualTo(20);
                }
            }
        }
        assertThat(metrics).isGreaterThan(20);
    }

    @Test
    void theNumberInEveryQueryEqualsItsCriticalThreshold() {
        int checked = 0;
        for (String env : List.of("stage", "prod")) {
            for (JsonNode monitor : out.stack(env).path("resource").path("datadog_monitor")) {
                if (monitor.path("type").asText().equals("composite")) {
                    assertThat(monitor.has("monitor_thresholds")).isFalse();
                    continue;
                }
                Matcher m = COMPARISON.matcher(monitor.path("query").asText());
                assertThat(m.find()).as(monitor.path("query").asText()).isTrue();
                assertThat(m.group(1)).isEqualTo(monitor.path("monitor_thresholds").path("critical").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void queriesNameExactlyTheIdentifiersTheAwsResourcesGet() {
        String queue = out.resource("prod", "aws_sqs_queue", "billing-worker_queue").path("name").asText();
        String dlq = out.resource("prod", "aws_sqs_queue", "billing-worker_dlq").path("name").asText();
        String ecs = out.resource("prod", "aws_ecs_service", "billing-worker_service").path("name").asText();
        String cluster = out.resource("prod", "aws_ecs_cluster", "cluster").path("name").asText();
        String visible = "max:aws.sqs.approximate_number_of_messages_visible{queuename:" + queue + "}";
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("query").asText())
                .isEqualTo("min(last_15m):" + visible + " > 1000");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_draining").path("query").asText())
                .as("shrinking while above the warning level").isEqualTo(
                        "change(avg(last_15m),last_15m):clamp_min(" + visible + ", 500) < 0");
        assertThat(monitor("prod", "billing-worker", "oldest_message").path("query").asText()).isEqualTo(
                "min(last_15m):max:aws.sqs.approximate_age_of_oldest_message{queuename:" + queue + "} > 900");
        assertThat(monitor("prod", "billing-worker", "no_consumers").path("query").asText()).isEqualTo(
                "min(last_10m):" + visible + " - (default_zero(sum:aws.sqs.number_of_messages_received{queuename:"
                        + queue + "}) + default_zero(sum:aws.sqs.number_of_empty_receives{queuename:" + queue
                        + "})) * 1000000000 > 0");
        assertThat(monitor("prod", "billing-worker", "dead_letter_arrivals").path("query").asText()).isEqualTo(
                "change(max(last_15m),last_15m):default_zero(max:aws.sqs.approximate_number_of_messages_visible"
                        + "{queuename:" + dlq + "}) > 0");
        assertThat(monitor("prod", "billing-worker", "dead_letter_age").path("query").asText()).isEqualTo(
                "max(last_15m):max:aws.sqs.approximate_age_of_oldest_message{queuename:" + dlq + "} / 864000 * 100 > 50");
        String ecsScope = "{servicename:" + ecs + ",clustername:" + cluster + "}";
        assertThat(monitor("prod", "billing-worker", "running_tasks").path("query").asText()).isEqualTo(
                "avg(last_30m):avg:aws.ecs.service.running" + ecsScope + " / avg:aws.ecs.service.desired" + ecsScope
                        + " * 100 < 50");
        assertThat(monitor("prod", "billing-worker", "tasks_missing").path("query").asText()).isEqualTo(
                "min(last_1h):avg:aws.ecs.service.desired" + ecsScope + " - avg:aws.ecs.service.running" + ecsScope
                        + " > 0");
        assertThat(monitor("prod", "billing-worker", "service_reporting").path("query").asText())
                .isEqualTo("max(last_20m):avg:aws.ecs.service.desired" + ecsScope + " < 0");
        assertThat(monitor("prod", "billing-worker", "tasks_fail_to_start").path("query").asText()).isEqualTo(
                "events(\"source:amazon_ecs servicename:" + ecs + " clustername:" + cluster
                        + " \\\"unable to consistently start tasks successfully\\\"\").rollup(\"count\").last(\"30m\") > 0");
        assertThat(monitor("prod", "billing-worker", "tasks_fail_to_start").path("type").asText())
                .isEqualTo("event-v2 alert");

        String targets = "{targetgroup:${lower(aws_lb_target_group.checkout_target_group.arn_suffix)},"
                + "loadbalancer:${lower(aws_lb.checkout_lb.arn_suffix)}}";
        String loadBalancer = "{loadbalancer:${lower(aws_lb.checkout_lb.arn_suffix)}}.as_count())";
        assertThat(monitor("prod", "checkout", "latency").path("query").asText())
                .isEqualTo("avg(last_10m):avg:aws.applicationelb.target_response_time.p95" + targets + " > 1");
        assertThat(monitor("prod", "checkout", "error_rate").path("query").asText()).as("the ALB's own 5xx count, "
                + "and 50 requests keep a single error at night from firing").isEqualTo(
                "sum(last_10m):(default_zero(sum:aws.applicationelb.httpcode_target_5xx" + targets + ".as_count()) + "
                        + "default_zero(sum:aws.applicationelb.httpcode_elb_5xx" + loadBalancer + ") / ("
                        + "default_zero(sum:aws.applicationelb.request_count" + targets + ".as_count()) + "
                        + "default_zero(sum:aws.applicationelb.httpcode_elb_5xx" + loadBalancer + " - "
                        + "default_zero(sum:aws.applicationelb.httpcode_elb_502" + loadBalancer + " - "
                        + "default_zero(sum:aws.applicationelb.httpcode_elb_504" + loadBalancer + " + 50) * 100 > 5");
        assertThat(monitor("prod", "checkout", "no_healthy_targets").path("query").asText()).as("an average, so that "
                + "one good sample in a crash loop does not reset it")
                .isEqualTo("avg(last_5m):max:aws.applicationelb.healthy_host_count" + targets + " < 1");
        assertThat(monitor("prod", "checkout", "unhealthy_targets").path("query").asText())
                .isEqualTo("min(last_15m):max:aws.applicationelb.un_healthy_host_count" + targets + " > 0");
        assertThat(monitor("prod", "checkout", "slo_fast_burn").path("query").asText()).isEqualTo(
                "burn_rate(\"${datadog_service_level_objective.checkout_slo.id}\").over(\"30d\").long_window(\"1h\")"
                        + ".short_window(\"20m\") > 14.4");
        assertThat(monitor("stage", "checkout", "slo_slow_burn").path("query").asText()).isEqualTo(
                "burn_rate(\"${datadog_service_level_objective.checkout_slo.id}\").over(\"7d\").long_window(\"6h\")"
                        + ".short_window(\"30m\") > 5.6");
    }

    @Test
    void aQueueBacksUpOnlyWhenItIsHighAndNotDraining() {
        JsonNode composite = monitor("prod", "billing-worker", "queue_backlog");
        assertThat(composite.path("type").asText()).isEqualTo("composite");
        assertThat(composite.path("query").asText()).isEqualTo(
                "${datadog_monitor.billing-worker_monitor_queue_backlog_level.id} && "
                        + "!${datadog_monitor.billing-worker_monitor_queue_backlog_draining.id}");
        assertThat(composite.path("message").asText()).contains("is not shrinking (lowest in the last 15 minutes: "
                + "{{a.value}})").endsWith("\n@slack-servicekit-prod");
        for (String part : List.of("queue_backlog_level", "queue_backlog_draining")) {
            assertThat(monitor("prod", "billing-worker", part).path("message").asText())
                    .as("the parts notify no one").doesNotContain("@");
        }
    }

    @Test
    void webServicesHaveAnSloAndInternetFacingOnesASyntheticsTest() {
        JsonNode slo = out.resource("prod", "datadog_service_level_objective", "checkout_slo");
        assertThat(slo.path("type").asText()).isEqualTo("metric");
        assertThat(slo.path("target_threshold").asDouble()).isEqualTo(99.9);
        assertThat(slo.path("thresholds").get(0).path("timeframe").asText()).isEqualTo("30d");
        assertThat(slo.path("query").path("numerator").asText()).contains("request_count", "httpcode_target_5xx");
        assertThat(slo.path("query").path("denominator").asText()).contains("request_count", "httpcode_elb_5xx");
        assertThat(out.resource("stage", "datadog_service_level_objective", "checkout_slo").path("target_threshold")
                .asDouble()).isEqualTo(99.0);

        JsonNode test = out.resource("prod", "datadog_synthetics_test", "checkout_synthetics");
        assertThat(test.path("request_definition").path("url").asText())
                .isEqualTo("https://${aws_lb.checkout_lb.dns_name}/healthz");
        assertThat(test.path("options_list").path("allow_insecure").asBoolean())
                .as("the certificate names the service's domain, not the load balancer's").isTrue();
        assertThat(test.path("options_list").path("min_location_failed").asInt()).isEqualTo(2);
        assertThat(test.path("options_list").path("tick_every").asInt()).isEqualTo(60);
        assertThat(test.path("locations").size()).isEqualTo(3);
        assertThat(test.path("message").asText()).as("it pages through the outage")
                .contains("Pages through '[prod] checkout: service failing'").endsWith("\n@slack-servicekit-prod");
        JsonNode stage = out.resource("stage", "datadog_synthetics_test", "checkout_synthetics");
        assertThat(stage.path("request_definition").path("url").asText())
                .isEqualTo("http://${aws_lb.checkout_lb.dns_name}/healthz");
        assertThat(stage.path("options_list").path("tick_every").asInt()).isEqualTo(300);
    }

    @Test
    void messagesSayWhatFiredWithDatadogsValuesWhatToCheckAndLinkDashboardLogsAndRunbook() {
        Synthesized withRunbook = Synthesized.of(Catalog.of(Service.worker("mailer", "busybox:1.36")
                .owner("growth").runbook("https://wiki.example.com/mailer")));
        String message = withRunbook.resource("prod", "datadog_monitor", "mailer_monitor_oldest_message")
                .path("message").asText();
        assertThat(message.split("\n")).containsExactly(
                "{{#is_alert}}[prod] mailer: oldest message too old. The oldest message in prod-mailer has been older "
                        + "than {{threshold}} s for 15 minutes (lowest in the last 15 minutes: {{value}} s).{{/is_alert}}",
                "{{#is_warning}}[prod] mailer: oldest message too old (warning). The oldest message in prod-mailer has "
                        + "been older than {{warn_threshold}} s for 15 minutes (lowest in the last 15 minutes: {{value}} s)."
                        + "{{/is_warning}}",
                "{{#is_recovery}}Recovered: [prod] mailer: oldest message too old.{{/is_recovery}}",
                "Pages through '[prod] mailer: service failing', once for the service; this one notifies.",
                "Check first: Consumers stuck, or one message retried over and over: check the logs and the dead-letter "
                        + "queue.",
                "Dashboard: https://app.datadoghq.com${datadog_dashboard_json.mailer_dashboard.url}",
                "Logs: https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                        + "#logsV2:log-groups/log-group/$252Fprod$252Fmailer",
                "Runbook: https://wiki.example.com/mailer",
                "Owner: growth",
                "@slack-servicekit-prod");
        assertThat(withRunbook.resource("prod", "datadog_monitor", "mailer_outage").path("message").asText()).contains(
                "Runbook: https://wiki.example.com/mailer", "{{#is_alert}}@pagerduty-servicekit-prod{{/is_alert}}"
                        + "{{#is_alert_recovery}}@pagerduty-servicekit-prod{{/is_alert_recovery}}");
        assertThat(monitor("prod", "billing-worker", "cpu").path("message").asText())
                .as("prod's default runbook, where the line gives none").contains("Runbook: https://runbooks.example.com/prod");
        assertThat(monitor("stage", "billing-worker", "cpu").path("message").asText()).doesNotContain("Runbook");
        for (JsonNode monitor : notifying("prod")) {
            if (!monitor.path("type").asText().equals("composite")) { // Datadog gives composites no threshold variable
                assertThat(monitor.path("message").asText()).as(monitor.path("name").asText())
                        .doesNotContainPattern("(above|below|than) [0-9]+(\\.[0-9]+)? (s|%|messages)\\b");
            }
        }
    }

    @Test
    void aCatalogLineCanOverrideSwitchOffOrRedirectMonitors() {
        Synthesized custom = Synthesized.of(Catalog.of(Service.worker("mailer", "busybox:1.36")
                .runbook("https://wiki.example.com/mailer")
                .monitor(MonitorKind.QUEUE_BACKLOG, Thresholds.of(20000, 10000))
                .withoutMonitor(MonitorKind.MEMORY)
                .page("@pagerduty-growth")
                .stage(s -> s.withoutMonitor(MonitorKind.DEAD_LETTER_ARRIVALS).notify("@slack-growth"))));
        for (String env : List.of("stage", "prod")) {
            JsonNode backlog = custom.resource(env, "datadog_monitor", "mailer_monitor_queue_backlog_level");
            assertThat(backlog.path("monitor_thresholds").path("critical").asText()).isEqualTo("20000");
            assertThat(backlog.path("query").asText()).endsWith(" > 20000");
            assertThat(custom.has(env, "datadog_monitor", "mailer_monitor_memory")).isFalse();
        }
        assertThat(custom.has("stage", "datadog_monitor", "mailer_monitor_dead_letter_arrivals")).isFalse();
        assertThat(custom.has("prod", "datadog_monitor", "mailer_monitor_dead_letter_arrivals")).isTrue();
        assertThat(custom.resource("stage", "datadog_monitor", "mailer_monitor_cpu").path("message").asText())
                .endsWith("\n@slack-growth");
        assertThat(custom.resource("prod", "datadog_monitor", "mailer_monitor_cpu").path("message").asText())
                .endsWith("\n@slack-servicekit-prod");
        assertThat(custom.resource("prod", "datadog_monitor", "mailer_outage").path("message").asText())
                .contains("{{#is_alert}}@pagerduty-growth{{/is_alert}}");
    }

    @Test
    void everyKindThatTakesAWarningWritesItAndTheOthersRefuseOne() {
        Service line = Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 80).withQueue()
                .prod(p -> p.allowPlainHttp());
        Map<MonitorKind, Number> warnings = new java.util.EnumMap<>(MonitorKind.class);
        for (MonitorKind kind : MonitorKind.values()) {
            double critical = kind.defaults(Preset.PROD).orElseThrow().critical().doubleValue();
            double warning = kind.above() ? critical / 2 : Math.min(critical * 2, critical + 1);
            if (kind.takesWarning() && !(kind.above() && critical == 0)) {
                warnings.put(kind, warning);
                line = line.monitor(kind, Thresholds.of(critical, warning));
            } else if (!kind.takesWarning()) {
                // With a queue and a schedule, so that every kind applies.
                Service refused = Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 80).withQueue()
                        .schedule("rate(1 hour)", "{}")
                        .prod(p -> p.allowPlainHttp()).monitor(kind, Thresholds.of(critical, warning));
                assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(refused),
                        List.of(TestEnvironments.stage(), TestEnvironments.prod()))).as(kind.key())
                        .hasMessageContaining("catalog/shop: monitor " + kind.key() + ".warning: " + Rules.NO_WARNING);
            }
        }
        assertThat(warnings).as("the metric monitors").hasSizeGreaterThan(5);
        Synthesized synthesized = Synthesized.of(Catalog.of(line));
        warnings.forEach((kind, warning) -> {
            String id = "shop_monitor_" + kind.key();
            // A composite's warning is its level's.
            JsonNode monitor = synthesized.has("prod", "datadog_monitor", id + "_level")
                    ? synthesized.resource("prod", "datadog_monitor", id + "_level")
                    : synthesized.resource("prod", "datadog_monitor", id);
            assertThat(monitor.path("monitor_thresholds").path("warning").asDouble()).as(kind.key())
                    .isEqualTo(warning.doubleValue());
        });
    }

    @Test
    void serviceDashboardShowsQueueTasksTrafficTargetsAndTheSlo() {
        String worker = out.resource("prod", "datadog_dashboard_json", "billing-worker_dashboard").path("dashboard").asText();
        assertThat(worker).contains("\"title\" = \"[prod] billing-worker\"", "\"layout_type\" = \"ordered\"",
                "Queue depth", "Oldest message age", "Dead-letter queue depth", "Oldest dead letter age", "CPU (%)",
                "Memory (%)", "Running vs desired tasks", "queuename:prod-billing-worker-dlq",
                "$252Fprod$252Fbilling-worker")
                .doesNotContain("Requests").doesNotContain("applicationelb").doesNotContain("\"slo\"");
        String web = out.resource("prod", "datadog_dashboard_json", "checkout_dashboard").path("dashboard").asText();
        assertThat(web).contains("Requests", "target_response_time.p50", "target_response_time.p95",
                "target_response_time.p99", "httpcode_target_4xx", "httpcode_target_5xx", "httpcode_elb_5xx",
                "un_healthy_host_count", "\"type\" = \"slo\"",
                "\"slo_id\" = datadog_service_level_objective.checkout_slo.id");
        assertThat(out.stack("prod").path("output").path("checkout_dashboard_url").path("value").asText())
                .isEqualTo("https://app.datadoghq.com${datadog_dashboard_json.checkout_dashboard.url}");
    }

    @Test
    void theOverviewShowsMonitorStatusAndTopQueuesReadablyAtAnyScale() {
        for (String env : List.of("stage", "prod")) {
            String overview = out.resource(env, "datadog_dashboard_json", "overview_dashboard").path("dashboard").asText();
            assertThat(overview).contains("\"title\" = \"[" + env + "] servicekit overview\"",
                    "\"layout_type\" = \"free\"", "\"type\" = \"manage_status\"",
                    "tag:\\\"environment:" + env + "\\\" AND tag:\\\"managed-by:servicekit\\\" AND NOT "
                            + "tag:\\\"severity:part\\\"",
                    "top(max:aws.sqs.approximate_number_of_messages_visible{queuename:" + env + "-billing-worker OR "
                            + "queuename:" + env + "-checkout} by {queuename}, 10, 'max', 'desc')",
                    "top(max:aws.sqs.approximate_age_of_oldest_message{queuename:" + env + "-billing-worker OR",
                    "{queuename:" + env + "-billing-worker-dlq OR queuename:" + env + "-checkout-dlq} by {queuename}",
                    "[billing-worker](https://app.datadoghq.com${datadog_dashboard_json.billing-worker_dashboard.url})",
                    "[checkout](https://app.datadoghq.com${datadog_dashboard_json.checkout_dashboard.url})");
            assertThat(out.stack(env).path("output").path("overview_dashboard_url").path("value").asText())
                    .isEqualTo("https://app.datadoghq.com${datadog_dashboard_json.overview_dashboard.url}");
        }
    }

    /** The monitors that notify someone: every one but a composite's silent parts. */
    private List<JsonNode> notifying(String env) {
        List<JsonNode> monitors = new ArrayList<>();
        out.stack(env).path("resource").path("datadog_monitor").forEach(m -> {
            if (!m.path("tags").toString().contains("severity:part")) {
                monitors.add(m);
            }
        });
        out.stack(env).path("resource").path("datadog_synthetics_test").forEach(monitors::add);
        return monitors;
    }

    /** A monitor's priority, or the one a synthetics test gives its monitor. */
    private static int priority(JsonNode monitor) {
        return monitor.has("priority") ? monitor.path("priority").asInt()
                : monitor.path("options_list").path("monitor_priority").asInt();
    }

    private static List<String> kinds(Synthesized synthesized, String env, String service) {
        List<String> kinds = new ArrayList<>();
        synthesized.stack(env).path("resource").path("datadog_monitor").fieldNames().forEachRemaining(address -> {
            if (address.startsWith(service + "_monitor_")) {
                kinds.add(address.substring((service + "_monitor_").length()));
            }
        });
        return kinds;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
