package dev.servicekit.alerting;

import dev.servicekit.terraform.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A monitor's message: what fired (with the values Datadog fills in), what to check first, the links, and
 * the handles, each inside the state blocks that route it. A symptom's alert pages; its warnings and every
 * cause go to the non-paging handle at its own priority (Datadog notifies a handle inside
 * {@code {{#is_alert}}} only on that transition, so each block has its recovery block too).
 */
public final class Notification {
    /** Tag value marking a composite's silent parts, which notify no one. */
    public static final String PART = "part";

    private Notification() {}

    /**
     * @param dashboardLink the service dashboard's URL
     * @param alertLevel    the critical threshold as the message shows it: {@code {{threshold}}}, or its
     *                      number where Datadog has no such variable (composites, synthetics, no data)
     * @param warnLevel     likewise for the warning threshold, if the monitor has one
     * @param noData        whether the monitor exists to notify on missing data (a dead-man's switch)
     */
    public static String message(MonitoredService service, MonitorKind kind, String dashboardLink, String alertLevel,
                          Optional<String> warnLevel, boolean noData) {
        MonitorKind.Explanation explanation = kind.explain(service);
        String title = service.title() + ": " + kind.title();
        List<String> lines = new ArrayList<>();
        lines.add(block(noData ? "is_no_data" : "is_alert", title + ". " + explanation.whatFired().apply(alertLevel)));
        warnLevel.ifPresent(level -> lines.add(block("is_warning", title + " (warning). "
                + explanation.whatFired().apply(level))));
        lines.add(block("is_recovery", "Recovered: " + title + "."));
        lines.add("Check first: " + explanation.checkFirst());
        lines.add("Dashboard: " + dashboardLink);
        lines.add("Logs: " + service.logsUrl());
        service.runbookUrl().ifPresent(url -> lines.add("Runbook: " + url));
        lines.add("Owner: " + service.owner());
        lines.add(routing(service.alerting().routing(), kind.severity(), warnLevel.isPresent(), noData));
        return String.join("\n", lines);
    }

    /** A composite's part: it only feeds the composite, which notifies. */
    public static String part(String composite) {
        return "Part of '" + composite + "', which notifies; this one notifies no one.";
    }

    private static String routing(AlertRouting routing, Severity severity, boolean warning, boolean noData) {
        String notify = routing.notifyHandle();
        if (severity == Severity.CAUSE) {
            return notify;
        }
        String page = routing.pageHandle();
        StringBuilder handles = new StringBuilder();
        if (noData) {
            handles.append(block("is_no_data", page)).append(block("is_no_data_recovery", page));
        } else {
            handles.append(block("is_alert", page)).append(block("is_alert_recovery", page));
        }
        if (warning) {
            handles.append(block("is_warning", notify + " {{override_priority 'P" + Tokens.text(
                    routing.notifyPriority()) + "'}}")).append(block("is_warning_recovery", notify));
        }
        return handles.toString();
    }

    private static String block(String state, String text) {
        return "{{#" + state + "}}" + text + "{{/" + state + "}}";
    }
}
