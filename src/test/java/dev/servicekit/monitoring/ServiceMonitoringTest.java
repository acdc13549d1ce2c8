package dev.servicekit.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's Datadog monitors and dashboard, per environment. */
class ServiceMonitoringTest {
    private static final List<String> QUEUE_MONITORS = List.of("queue_backlog", "queue_backlog_level",
            "queue_backlog_trend", "oldest_message", "dead_letters");
    private static final List<String> WORKER_MONITORS = concat(QUEUE_MONITORS, List.of("cpu", "memory",
            "running_tasks"));
    private static final List<String> WEB_MONITORS = concat(QUEUE_MONITORS, List.of("cpu", "memory",
            "running_tasks", "latency", "error_rate", "no_healthy_targets"));
    private static final Pattern COMPARISON = Pattern.compile(" (?:[<>]=?) ([0-9.]+)$");

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private final Synthesized out = Catalogs.workerAndWebSynthesized();

    private JsonNode monitor(String env, String service, String kind) {
        return out.resource(env, "datadog_monitor", service + "_monitor_" + kind);
    }

    @Test
    void everyServiceGetsItsFullSetOfMonitorsInBothStacks() {
        for (String env : List.of("stage", "prod")) {
            List<String> worker = new ArrayList<>();
            List<String> web = new ArrayList<>();
            out.stack(env).path("resource").path("datadog_monitor").fieldNames().forEachRemaining(address -> {
                if (address.startsWith("billing-worker_monitor_")) {
                    worker.add(address.substring("billing-worker_monitor_".length()));
                } else if (address.startsWith("checkout_monitor_")) {
                    web.add(address.substring("checkout_monitor_".length()));
                }
            });
            assertThat(worker).containsExactlyInAnyOrderElementsOf(WORKER_MONITORS);
            assertThat(web).as("checkout has a queue too").containsExactlyInAnyOrderElementsOf(WEB_MONITORS);
            assertThat(out.has(env, "datadog_dashboard_json", "billing-worker_dashboard")).isTrue();
            assertThat(out.has(env, "datadog_dashboard_json", "checkout_dashboard")).isTrue();
        }
    }

    @Test
    void namesTagsPriorityAndHandleFollowTheEnvironment() {
        JsonNode prod = monitor("prod", "billing-worker", "queue_backlog");
        assertThat(prod.path("name").asText()).isEqualTo("[prod] billing-worker: queue backing up");
        assertThat(prod.path("type").asText()).isEqualTo("composite");
        assertThat(prod.path("priority").asInt()).isEqualTo(1);
        assertThat(monitor("prod", "billing-worker", "cpu").path("type").asText()).isEqualTo("query alert");
        assertThat(monitor("prod", "billing-worker", "cpu").path("evaluation_delay").asInt()).isEqualTo(900);
        assertThat(prod.path("tags").toString()).isEqualTo(
                "[\"service:billing-worker\",\"environment:prod\",\"team:payments\",\"managed-by:servicekit\"]");
        assertThat(prod.path("message").asText()).endsWith("\n@pagerduty-servicekit-prod");

        JsonNode stage = monitor("stage", "billing-worker", "queue_backlog");
        assertThat(stage.path("name").asText()).isEqualTo("[stage] billing-worker: queue backing up");
        assertThat(stage.path("priority").asInt()).isEqualTo(3);
        assertThat(stage.path("message").asText()).endsWith("\n@slack-servicekit-stage");
    }

    @Test
    void stageThresholdsAreLooserThanProds() {
        assertThat(monitor("stage", "billing-worker", "queue_backlog_level").path("monitor_thresholds").path("critical")
                .asText()).isEqualTo("5000");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("monitor_thresholds").path("critical")
                .asText()).isEqualTo("1000");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("monitor_thresholds").path("warning")
                .asText()).isEqualTo("500");
        assertThat(monitor("stage", "checkout", "latency").path("monitor_thresholds").path("critical").asText())
                .isEqualTo("2");
        assertThat(monitor("prod", "checkout", "latency").path("monitor_thresholds").path("critical").asText())
                .isEqualTo("1");
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
        assertThat(checked).as("every metric monitor (the two composites excepted)")
                .isEqualTo(2 * (WORKER_MONITORS.size() + WEB_MONITORS.size() - 2));
    }

    @Test
    void queriesNameExactlyTheIdentifiersTheAwsResourcesGet() {
        String queue = out.resource("prod", "aws_sqs_queue", "billing-worker_queue").path("name").asText();
        String dlq = out.resource("prod", "aws_sqs_queue", "billing-worker_dlq").path("name").asText();
        String ecs = out.resource("prod", "aws_ecs_service", "billing-worker_service").path("name").asText();
        String cluster = out.resource("prod", "aws_ecs_cluster", "cluster").path("name").asText();
        assertThat(monitor("prod", "billing-worker", "queue_backlog_level").path("query").asText()).isEqualTo(
                "min(last_15m):max:aws.sqs.approximate_number_of_messages_visible{queuename:" + queue + "} > 1000");
        assertThat(monitor("prod", "billing-worker", "queue_backlog_trend").path("query").asText()).isEqualTo(
                "change(avg(last_15m),last_15m):max:aws.sqs.approximate_number_of_messages_visible{queuename:" + queue
                        + "} >= 0");
        assertThat(monitor("prod", "billing-worker", "oldest_message").path("query").asText()).isEqualTo(
                "max(last_10m):max:aws.sqs.approximate_age_of_oldest_message{queuename:" + queue + "} > 900");
        assertThat(monitor("prod", "billing-worker", "dead_letters").path("query").asText()).isEqualTo(
                "max(last_5m):max:aws.sqs.approximate_number_of_messages_visible{queuename:" + dlq + "} > 0");
        assertThat(monitor("prod", "billing-worker", "cpu").path("query").asText()).isEqualTo(
                "avg(last_15m):avg:aws.ecs.service.cpuutilization{servicename:" + ecs + ",clustername:" + cluster
                        + "} > 85");
        assertThat(monitor("prod", "billing-worker", "memory").path("query").asText())
                .contains("aws.ecs.service.memory_utilization{servicename:" + ecs + ",clustername:" + cluster + "}");
        assertThat(monitor("prod", "billing-worker", "running_tasks").path("query").asText()).isEqualTo(
                "max(last_15m):avg:aws.ecs.service.running{servicename:" + ecs + ",clustername:" + cluster
                        + "} / avg:aws.ecs.service.desired{servicename:" + ecs + ",clustername:" + cluster
                        + "} * 100 < 100");

        String targets = "{targetgroup:${lower(aws_lb_target_group.checkout_target_group.arn_suffix)},"
                + "loadbalancer:${lower(aws_lb.checkout_lb.arn_suffix)}}";
        assertThat(monitor("prod", "checkout", "latency").path("query").asText())
                .isEqualTo("avg(last_10m):avg:aws.applicationelb.target_response_time.p95" + targets + " > 1");
        assertThat(monitor("prod", "checkout", "error_rate").path("query").asText()).isEqualTo(
                "sum(last_10m):default_zero(sum:aws.applicationelb.httpcode_target_5xx" + targets + ".as_count()) / "
                        + "sum:aws.applicationelb.request_count" + targets + ".as_count() * 100 > 5");
        assertThat(monitor("prod", "checkout", "no_healthy_targets").path("query").asText())
                .isEqualTo("max(last_5m):min:aws.applicationelb.healthy_host_count" + targets + " < 1");
    }

    @Test
    void aQueueBacksUpOnlyWhenItIsHighAndNotDraining() {
        JsonNode composite = monitor("prod", "billing-worker", "queue_backlog");
        assertThat(composite.path("type").asText()).isEqualTo("composite");
        assertThat(composite.path("query").asText()).isEqualTo(
                "${datadog_monitor.billing-worker_monitor_queue_backlog_level.id} && "
                        + "${datadog_monitor.billing-worker_monitor_queue_backlog_trend.id}");
        assertThat(composite.path("name").asText()).isEqualTo("[prod] billing-worker: queue backing up");
        assertThat(composite.path("message").asText()).endsWith("\n@pagerduty-servicekit-prod")
                .contains("and the backlog is not shrinking");
        for (String part : List.of("queue_backlog_level", "queue_backlog_trend")) {
            assertThat(monitor("prod", "billing-worker", part).path("message").asText())
                    .as("the parts notify no one").doesNotContain("@");
        }
    }

    @Test
    void messagesSayWhatFiredWhatToCheckAndLinkDashboardLogsAndRunbook() {
        Synthesized withRunbook = Synthesized.of(Catalog.of(Service.worker("mailer", "busybox:1.36")
                .owner("growth").runbook("https://wiki.example.com/mailer")));
        String message = withRunbook.resource("prod", "datadog_monitor", "mailer_monitor_dead_letters")
                .path("message").asText();
        assertThat(message.split("\n")).containsExactly(
                "[prod] mailer: dead-letter queue not empty. Messages reached the dead-letter queue prod-mailer-dlq "
                        + "after failing 5 times. Current value: {{value}}.",
                "Check first: The logs around the failing messages; redrive them from the dead-letter queue once fixed.",
                "Dashboard: https://app.datadoghq.com${datadog_dashboard_json.mailer_dashboard.url}",
                "Logs: https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                        + "#logsV2:log-groups/log-group/$252Fprod$252Fmailer",
                "Runbook: https://wiki.example.com/mailer",
                "Owner: growth",
                "@pagerduty-servicekit-prod");
        assertThat(monitor("prod", "billing-worker", "cpu").path("message").asText()).doesNotContain("Runbook");
    }

    @Test
    void aCatalogLineCanOverrideSwitchOffOrRedirectMonitors() {
        Synthesized custom = Synthesized.of(Catalog.of(Service.worker("mailer", "busybox:1.36")
                .monitor(MonitorKind.QUEUE_BACKLOG, Thresholds.of(20000, 10000))
                .withoutMonitor(MonitorKind.MEMORY)
                .stage(s -> s.withoutMonitor(MonitorKind.DEAD_LETTERS).notify("@slack-growth"))));
        for (String env : List.of("stage", "prod")) {
            JsonNode backlog = custom.resource(env, "datadog_monitor", "mailer_monitor_queue_backlog_level");
            assertThat(backlog.path("monitor_thresholds").path("critical").asText()).isEqualTo("20000");
            assertThat(backlog.path("query").asText()).endsWith(" > 20000");
            assertThat(custom.has(env, "datadog_monitor", "mailer_monitor_memory")).isFalse();
        }
        assertThat(custom.has("stage", "datadog_monitor", "mailer_monitor_dead_letters")).isFalse();
        assertThat(custom.has("prod", "datadog_monitor", "mailer_monitor_dead_letters")).isTrue();
        assertThat(custom.resource("stage", "datadog_monitor", "mailer_monitor_cpu").path("message").asText())
                .endsWith("\n@slack-growth");
        assertThat(custom.resource("prod", "datadog_monitor", "mailer_monitor_cpu").path("message").asText())
                .endsWith("\n@pagerduty-servicekit-prod");
    }

    @Test
    void serviceDashboardShowsQueueTasksAndForWebServicesTraffic() {
        String worker = out.resource("prod", "datadog_dashboard_json", "billing-worker_dashboard").path("dashboard").asText();
        assertThat(worker).contains("\"title\" = \"[prod] billing-worker\"", "\"layout_type\" = \"ordered\"",
                "Queue depth", "Oldest message age", "Dead-letter queue depth", "CPU (%)", "Memory (%)",
                "Running vs desired tasks", "queuename:prod-billing-worker-dlq", "$252Fprod$252Fbilling-worker")
                .doesNotContain("Requests").doesNotContain("applicationelb");
        String web = out.resource("prod", "datadog_dashboard_json", "checkout_dashboard").path("dashboard").asText();
        assertThat(web).contains("Requests", "target_response_time.p50", "target_response_time.p95",
                "target_response_time.p99", "httpcode_target_4xx", "httpcode_target_5xx");
        assertThat(out.stack("prod").path("output").path("checkout_dashboard_url").path("value").asText())
                .isEqualTo("https://app.datadoghq.com${datadog_dashboard_json.checkout_dashboard.url}");
    }

    @Test
    void overviewDashboardListsEveryServiceAndEveryQueue() {
        for (String env : List.of("stage", "prod")) {
            String overview = out.resource(env, "datadog_dashboard_json", "overview_dashboard").path("dashboard").asText();
            assertThat(overview).contains("\"title\" = \"[" + env + "] servicekit overview\"",
                    "queuename:" + env + "-billing-worker}", "queuename:" + env + "-checkout}",
                    "[billing-worker](https://app.datadoghq.com${datadog_dashboard_json.billing-worker_dashboard.url})",
                    "[checkout](https://app.datadoghq.com${datadog_dashboard_json.checkout_dashboard.url})");
            assertThat(out.stack(env).path("output").path("overview_dashboard_url").path("value").asText())
                    .isEqualTo("https://app.datadoghq.com${datadog_dashboard_json.overview_dashboard.url}");
        }
    }
}
