package dev.servicekit.alerting;

import dev.servicekit.terraform.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A monitor's message: what fired (with the values Datadog fills in), what to check first, the links, and
 * the handles, each inside the state blocks that route them. A service's symptoms page once, through its
 * outage composite ({@link PagingPlan}); each symptom, its warnings and every cause go to the non-paging
 * handle at its own priority (Datadog notifies a handle inside {@code {{#is_alert}}} only on that transition,
 * so each block has its recovery block too).
 */
public final class Notification {
    /** Tag value marking the silent monitors other monitors are made of, which notify no one. */
    public static final String PART = "part";

    /** How a monitor's notifications are routed. */
    public enum Route {
        /** Its alert pages the page handle; its warnings notify. */
        PAGES,
        /** A symptom the service's outage composite pages for: it notifies, and says so. */
        PART_OF_OUTAGE,
        /** A cause: it notifies. */
        NOTIFIES
    }

    private Notification() {}

    /** The outage composite's name: {@code [prod] auth: service failing}. */
    public static String outageName(MonitoredService service) {
        return service.title() + ": service failing";
    }

    /**
     * @param dashboardLink the service dashboard's URL
     * @param alertLevel    the critical threshold as the message shows it: {@code {{threshold}}}, or its
     *                      number where Datadog has no such variable (composites, synthetics, no data)
     * @param warnLevel     likewise for the warning threshold, if the monitor has one
     * @param noData        whether the monitor exists to notify on missing data (a dead-man's switch)
     * @param route         who it notifies
     */
    public static String message(MonitoredService service, MonitorKind kind, String dashboardLink, String alertLevel,
                          Optional<String> warnLevel, boolean noData, Route route) {
        MonitorKind.Explanation explanation = kind.explain(service);
        String title = service.title() + ": " + kind.title();
        List<String> lines = new ArrayList<>();
        lines.add(block(noData ? "is_no_data" : "is_alert", title + ". " + explanation.whatFired().apply(alertLevel)));
        warnLevel.ifPresent(level -> lines.add(block("is_warning", title + " (warning). "
                + explanation.whatFired().apply(level))));
        explanation.noData().filter(text -> !noData).ifPresent(text -> lines.add(block("is_no_data", title
                + " (no data). " + text)));
        lines.add(block("is_recovery", "Recovered: " + title + "."));
        if (route == Route.PART_OF_OUTAGE) {
            lines.add("Pages through '" + outageName(service) + "', once for the service; this one notifies.");
        }
        lines.add("Check first: " + explanation.checkFirst());
        links(service, dashboardLink, lines);
        lines.add(routing(service.alerting().routing(), route, warnLevel.isPresent(), noData));
        return String.join("\n", lines);
    }

    /**
     * The outage composite's message: the service is failing, which of its symptoms it pages for, where the
     * ones in alert are listed (each also notified the chat handle with what it saw), and the links.
     *
     * @param symptoms the titles of the symptoms it combines
     * @param floor    what the floored symptoms need, e.g. "600 requests an hour", if any
     */
    public static String outage(MonitoredService service, String dashboardLink, List<String> symptoms,
                                Optional<String> floor) {
        String title = outageName(service);
        List<String> lines = new ArrayList<>();
        // No handle in the text: Datadog notifies every @-handle of a message, wherever it stands.
        lines.add(block("is_alert", title + ". At least one of its symptoms alerts; each told the chat channel what "
                + "it saw. The ones in alert: "
                + service.alerting().datadogAppUrl() + "/monitors/manage?q=tag%3A%22service%3A" + service.name()
                + "%22%20tag%3A%22env%3A" + service.environment() + "%22%20status%3Aalert"));
        lines.add(block("is_recovery", "Recovered: " + title + "."));
        lines.add("Symptoms: " + String.join("; ", symptoms) + "."
                + floor.map(f -> " Latency and error-budget burn page only with at least " + f + ".").orElse(""));
        lines.add("Check first: the symptom monitors in alert, then the dashboard.");
        links(service, dashboardLink, lines);
        lines.add(routing(service.alerting().routing(), Route.PAGES, false, false));
        return String.join("\n", lines);
    }

    /** A silent monitor another one is made of: it only feeds it, and the other one notifies. */
    public static String part(String composite) {
        return "Part of '" + composite + "', which notifies; this one notifies no one.";
    }

    private static void links(MonitoredService service, String dashboardLink, List<String> lines) {
        lines.add("Dashboard: " + dashboardLink);
        lines.add("Logs: " + service.logsUrl());
        service.runbookUrl().ifPresent(url -> lines.add("Runbook: " + url));
        lines.add("Owner: " + service.owner());
    }

    private static String routing(AlertRouting routing, Route route, boolean warning, boolean noData) {
        String notify = routing.notifyHandle();
        if (route != Route.PAGES) {
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
