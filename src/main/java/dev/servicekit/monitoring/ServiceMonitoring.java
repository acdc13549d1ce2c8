package dev.servicekit.monitoring;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import dev.servicekit.datadog.DatadogDashboardJson;
import dev.servicekit.datadog.DatadogMonitor;
import dev.servicekit.datadog.MonitorDefinition;
import dev.servicekit.validation.Tokens;
import software.constructs.Construct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's Datadog monitors and dashboard. Each monitor's message says what fired, what to check
 * first, and links the dashboard, the log group in the AWS console and the runbook; it notifies the
 * environment's handle at the environment's priority.
 */
public final class ServiceMonitoring extends Construct {
    /** Minutes between reminders while an alert lasts. */
    public static final int RENOTIFY_MINUTES = 60;

    private final DatadogDashboardJson dashboard;
    private final Map<MonitorKind, DatadogMonitor> monitors = new EnumMap<>(MonitorKind.class);
    private final String dashboardLink;

    /** @param addresses the service's address scheme: a part name to a pinned Terraform address */
    public ServiceMonitoring(Construct scope, MonitoredService service, java.util.function.UnaryOperator<String> addresses) {
        super(scope, "monitoring");
        dashboard = new DatadogDashboardJson(this, "dashboard", Fn.jsonencode(ServiceDashboards.service(service)));
        dashboard.overrideLogicalId(addresses.apply("dashboard"));
        dashboardLink = service.alerting().datadogAppUrl() + dashboard.url();

        for (Map.Entry<MonitorKind, Thresholds> entry : service.thresholds().entrySet()) {
            MonitorKind kind = entry.getKey();
            MonitorDefinition definition = definition(service, kind, entry.getValue());
            if (kind == MonitorKind.QUEUE_BACKLOG) {
                definition = backlog(service, definition, addresses);
            }
            DatadogMonitor monitor = new DatadogMonitor(this, kind.key(), definition);
            monitor.overrideLogicalId(addresses.apply("monitor_" + kind.key()));
            monitors.put(kind, monitor);
        }
        new TerraformOutput(this, "dashboard-url", TerraformOutputConfig.builder()
                .value(dashboardLink)
                .description("The service's Datadog dashboard")
                .build())
                .overrideLogicalId(addresses.apply("dashboard_url"));
    }

    public DatadogDashboardJson dashboard() {
        return dashboard;
    }

    /** The dashboard's full URL (known after apply). */
    public String dashboardLink() {
        return dashboardLink;
    }

    public Map<MonitorKind, DatadogMonitor> monitors() {
        return Collections.unmodifiableMap(monitors);
    }

    private MonitorDefinition definition(MonitoredService service, MonitorKind kind, Thresholds thresholds) {
        String critical = format(thresholds.critical());
        Signals s = service.signals();
        String comparison = (kind.above() ? " > " : " < ") + critical;
        String query = switch (kind) {
            case QUEUE_BACKLOG -> "min(last_15m):" + s.queueDepth() + comparison;
            case OLDEST_MESSAGE -> "max(last_10m):" + s.oldestMessageAge() + comparison;
            case DEAD_LETTERS -> "max(last_5m):" + s.deadLetterDepth() + comparison;
            case CPU -> "avg(last_15m):" + s.cpu() + comparison;
            case MEMORY -> "avg(last_15m):" + s.memory() + comparison;
            case RUNNING_TASKS -> "max(last_15m):" + s.runningTasks() + " / " + s.desiredTasks() + " * 100" + comparison;
            case LATENCY -> "avg(last_10m):" + s.latency("p95") + comparison;
            // 5xx counts are only reported when there are some: no 5xx is 0 %, not no data.
            case ERROR_RATE -> "sum(last_10m):default_zero(" + s.target5xx() + ") / " + s.requests() + " * 100"
                    + comparison;
            case NO_HEALTHY_TARGETS -> "max(last_5m):" + s.healthyTargets() + comparison;
        };
        // SQS and ALB metrics are reported only when there is something to report.
        return metric(service, service.title() + ": " + kind.title(), query, message(service, kind, critical),
                kind.needs() != MonitorKind.Needs.NOTHING, kind == MonitorKind.NO_HEALTHY_TARGETS,
                critical, thresholds.warning().map(ServiceMonitoring::format));
    }

    /**
     * "Queue backing up" means above the threshold for the whole window <em>and</em> not getting better:
     * a composite of two silent metric monitors, so a queue that is draining does not page anyone.
     *
     * @param level the metric monitor on the backlog's level, which becomes the composite's first part
     */
    private MonitorDefinition backlog(MonitoredService service, MonitorDefinition level,
                                      java.util.function.UnaryOperator<String> addresses) {
        String part = "Part of '" + level.name() + "', which notifies; this one notifies no one.";
        DatadogMonitor sustained = new DatadogMonitor(this, "queue_backlog_level", new MonitorDefinition(
                level.name() + " (level)", MonitorDefinition.METRIC, level.query(), part, level.tags(), level.priority(),
                level.evaluationDelay(), level.requireFullWindow(), false, Optional.empty(), level.critical(),
                level.warning()));
        sustained.overrideLogicalId(addresses.apply("monitor_queue_backlog_level"));
        DatadogMonitor notDraining = new DatadogMonitor(this, "queue_backlog_trend", metric(service,
                level.name() + " (not draining)", "change(avg(last_15m),last_15m):" + service.signals().queueDepth()
                        + " >= 0", part, true, false, "0", Optional.empty()));
        notDraining.overrideLogicalId(addresses.apply("monitor_queue_backlog_trend"));
        return new MonitorDefinition(level.name(), MonitorDefinition.COMPOSITE,
                sustained.monitorId() + " && " + notDraining.monitorId(), level.message(), level.tags(),
                level.priority(), Optional.empty(), Optional.empty(), false, level.renotifyInterval(),
                Optional.empty(), Optional.empty());
    }

    private static MonitorDefinition metric(MonitoredService service, String name, String query, String message,
                                            boolean sparse, boolean notifyNoData, String critical,
                                            Optional<String> warning) {
        // SQS and ALB metrics are reported only when there is something to report: no full window.
        return new MonitorDefinition(name, MonitorDefinition.METRIC, query, message, service.tags(),
                service.alerting().priority(), Optional.of(service.alerting().evaluationDelaySeconds()),
                Optional.of(!sparse), notifyNoData, Optional.of(RENOTIFY_MINUTES), Optional.of(critical), warning);
    }

    private String message(MonitoredService service, MonitorKind kind, String critical) {
        Signals s = service.signals();
        Explanation explanation = switch (kind) {
            case QUEUE_BACKLOG -> new Explanation(
                    "More than " + critical + " messages have waited in " + s.queue()
                            + " for 15 minutes, and the backlog is not shrinking.",
                    "Are tasks running and consuming (running vs desired, CPU on the dashboard)? Errors in the logs? "
                            + "A slow downstream dependency?");
            case OLDEST_MESSAGE -> new Explanation(
                    "The oldest message in " + s.queue() + " is older than " + critical + " s.",
                    "Consumers stuck or a message retried over and over: check the logs and the dead-letter queue.");
            case DEAD_LETTERS -> new Explanation(
                    "Messages reached the dead-letter queue " + s.deadLetterQueue() + " after failing "
                            + service.maxReceiveCount().map(String::valueOf).orElse("several") + " times.",
                    "The logs around the failing messages; redrive them from the dead-letter queue once fixed.");
            case CPU -> new Explanation(
                    "Average CPU has been above " + critical + " % for 15 minutes.",
                    "Is autoscaling at its maximum? A hot loop since the last deploy?");
            case MEMORY -> new Explanation(
                    "Average memory has been above " + critical + " % for 15 minutes.",
                    "Leaks show here first: compare with the last deploy; are tasks restarting?");
            case RUNNING_TASKS -> new Explanation(
                    "Running tasks have been below " + critical + " % of the desired count for 15 minutes.",
                    "The ECS service's events: failing health checks, image pulls, crash loops in the logs.");
            case LATENCY -> new Explanation(
                    "p95 target response time has been above " + critical + " s for 10 minutes.",
                    "CPU and memory on the dashboard, slow dependencies, and the last deploy.");
            case ERROR_RATE -> new Explanation(
                    "More than " + critical + " % of requests returned 5xx over 10 minutes.",
                    "The logs for exceptions, and the last deploy (the circuit breaker rolls back failed ones).");
            case NO_HEALTHY_TARGETS -> new Explanation(
                    "The load balancer has no healthy targets: the service is down.",
                    "Running tasks and their health checks; the logs of the last tasks that stopped.");
        };
        List<String> lines = new ArrayList<>();
        // The backlog pages through a composite monitor, which has no value of its own to show.
        String value = kind == MonitorKind.QUEUE_BACKLOG ? "" : " Current value: {{value}}.";
        lines.add(service.title() + ": " + kind.title() + ". " + explanation.whatFired() + value);
        lines.add("Check first: " + explanation.checkFirst());
        lines.add("Dashboard: " + dashboardLink);
        lines.add("Logs: " + service.logsUrl());
        service.runbookUrl().ifPresent(url -> lines.add("Runbook: " + url));
        lines.add("Owner: " + service.owner());
        lines.add(service.alerting().notifyHandle());
        return String.join("\n", lines);
    }

    /** What a monitor's message tells the person paged: what fired, and what to check first. */
    private record Explanation(String whatFired, String checkFirst) {}

    /** A threshold as Datadog shows it: 1000, 0.5. The query and {@code critical} use the same text. */
    public static String format(Number value) {
        if (Tokens.isToken(value)) {
            return Token.asString(value);
        }
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
