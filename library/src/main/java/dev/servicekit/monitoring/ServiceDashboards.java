package dev.servicekit.monitoring;

import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.Notification;
import dev.servicekit.alerting.Severity;
import dev.servicekit.alerting.Signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON of the per-service dashboard and of the environment's overview, as Datadog's dashboard API
 * takes it.
 */
public final class ServiceDashboards {
    /** How many queues the overview's top lists show: the ones backing up, not all 70. */
    public static final int TOP = 10;
    /** The free layout's grid: two columns of this width, side by side. */
    private static final int COLUMN = 47;

    private ServiceDashboards() {}

    /**
     * One service: its queue and dead letters, tasks, and for web services traffic, latency, errors (the
     * targets' and the load balancer's own), target health and the SLO.
     */
    public static Map<String, Object> service(MonitoredService service, Optional<String> sloId) {
        Signals s = service.signals();
        List<Object> widgets = new ArrayList<>();
        widgets.add(note(links(service)));
        if (s.queue().isPresent()) {
            widgets.add(timeseries("Queue depth (visible messages)", s.queueDepth()));
            widgets.add(timeseries("Oldest message age (s)", s.oldestMessageAge()));
            widgets.add(timeseries("Dead-letter queue depth", s.deadLetterDepth()));
            widgets.add(timeseries("Oldest dead letter age (s)", s.deadLetterAge()));
        }
        widgets.add(timeseries("CPU (%)", s.cpu()));
        widgets.add(timeseries("Memory (%)", s.memory()));
        widgets.add(timeseries("Running vs desired tasks", s.runningTasks(), s.desiredTasks()));
        if (s.targetGroup().isPresent()) {
            widgets.add(timeseries("Requests", s.requests()));
            widgets.add(timeseries("Target latency p50 / p95 / p99 (s)", s.latency("p50"), s.latency("p95"),
                    s.latency("p99")));
            widgets.add(timeseries(s.sharedLoadBalancer() ? "Target 4xx and 5xx, failed connections to targets (502)"
                    : "Target 4xx and 5xx, load balancer 5xx", s.target4xx(), s.target5xx(), s.loadBalancer5xx()));
            widgets.add(timeseries("Healthy and unhealthy targets", s.healthyTargets(), s.unhealthyTargets()));
        }
        sloId.ifPresent(id -> {
            Map<String, Object> slo = new TreeMap<>();
            slo.put("type", "slo");
            slo.put("title", "Availability SLO");
            slo.put("view_type", "detail");
            slo.put("view_mode", "overall");
            slo.put("slo_id", id);
            slo.put("time_windows", List.of(service.alerting().slo().window()));
            slo.put("show_error_budget", true);
            widgets.add(Map.of("definition", slo));
        });
        return dashboard(service.title(), "Managed by servicekit: changes here are overwritten on apply.", "ordered",
                widgets);
    }

    /**
     * An environment at a glance, readable at any number of services: the state of all its monitors, the
     * queues backing up, the oldest messages and the dead letters as top lists (queues and dead-letter
     * queues apart, named by queue), and a link to each service's dashboard. A free layout, which the
     * monitor summary widget requires.
     */
    public static Map<String, Object> overview(String environment, String managedBy, List<Entry> services) {
        List<String> queues = services.stream().flatMap(e -> e.signals().queue().stream()).toList();
        List<String> deadLetters = services.stream().flatMap(e -> e.signals().deadLetterQueue().stream()).toList();
        StringBuilder links = new StringBuilder("**Service dashboards**\n");
        for (Entry entry : services) {
            links.append("\n- [").append(entry.name()).append("](").append(entry.dashboardLink()).append(")");
        }
        return overview(environment, managedBy, queues.isEmpty() ? Optional.empty() : Optional.of(scope(queues)),
                scope(deadLetters), links.toString(), Math.max(10, 4 + services.size()));
    }

    /**
     * The overview of an environment whose services live in stacks of their own: the same widgets, finding the
     * queues by name ({@code <env>-*}, dead-letter queues {@code <env>-*-dlq}, Datadog's wildcard tag filters) and
     * the service dashboards by title, so that adding a service changes nothing in it.
     *
     * @param awsEnvironment the start of every queue name of the environment, e.g. {@code acme-prod}
     * @param dashboardSearch the URL of Datadog's dashboard list searching the environment's service dashboards
     */
    public static Map<String, Object> overviewByName(String environment, String managedBy, String awsEnvironment,
                                                     String dashboardSearch) {
        // Datadog's advanced filtering: wildcards in tag values, and AND/NOT (not mixed with '!' and ',').
        String deadLetters = "{queuename:" + awsEnvironment + "-*-dlq}";
        String queues = "{queuename:" + awsEnvironment + "-* AND NOT queuename:" + awsEnvironment + "-*-dlq}";
        String links = "**Service dashboards**\n\nEvery service has its own, titled `[" + environment + "] <service>`: ["
                + "all of " + environment + "'s](" + dashboardSearch + ").";
        return overview(environment, managedBy, Optional.of(queues), deadLetters, links, 10);
    }

    private static Map<String, Object> overview(String environment, String managedBy, Optional<String> queueScope,
                                                String deadLetterScope, String links, int linksHeight) {
        List<Object> widgets = new ArrayList<>();
        Map<String, Object> status = new TreeMap<>();
        status.put("type", "manage_status");
        status.put("title", "Monitors of " + environment + " (composite parts left out)");
        status.put("summary_type", "monitors");
        status.put("display_format", "countsAndList");
        status.put("color_preference", "text");
        status.put("hide_zero_counts", true);
        status.put("show_last_triggered", true);
        status.put("sort", "status,asc");
        // ':' and '-' are reserved in monitor search: quoted tag values.
        status.put("query", "tag:\"environment:" + environment + "\" AND tag:\"managed-by:" + managedBy
                + "\" AND NOT tag:\"" + Severity.TAG + Notification.PART + "\"");
        widgets.add(placed(status, 0, 0, 30));
        int y = 0;
        if (queueScope.isPresent()) {
            String queues = queueScope.get();
            widgets.add(placed(toplist("Queues backing up (visible messages)", "max",
                    "aws.sqs.approximate_number_of_messages_visible", queues), COLUMN + 1, y, 14));
            widgets.add(placed(toplist("Oldest message (s)", "max", "aws.sqs.approximate_age_of_oldest_message", queues),
                    COLUMN + 1, y + 15, 15));
            widgets.add(placed(toplist("Dead letters (dead-letter queues)", "max",
                    "aws.sqs.approximate_number_of_messages_visible", deadLetterScope), 0, 31, 15));
            Map<String, Object> trend = new TreeMap<>();
            trend.put("type", "timeseries");
            trend.put("title", "The " + TOP + " deepest queues over time");
            trend.put("requests", List.of(request("top(max:aws.sqs.approximate_number_of_messages_visible"
                    + queues + " by {queuename}, " + TOP + ", 'max', 'desc')", "line")));
            widgets.add(placed(trend, COLUMN + 1, 31, 15));
            y = 47;
        } else {
            y = 31;
        }
        widgets.add(placed(note(links).get("definition"), 0, y, linksHeight));
        return dashboard("[" + environment + "] servicekit overview",
                "Every service of " + environment + ". Managed by servicekit.", "free", widgets);
    }

    /** A service as the overview lists it. */
    public record Entry(String name, Signals signals, String dashboardLink) {}

    private static String links(MonitoredService service) {
        StringBuilder text = new StringBuilder("**" + service.title() + "**, owned by " + service.owner() + "\n\n");
        text.append("- [Logs](").append(service.logsUrl()).append(")");
        service.runbookUrl().ifPresent(url -> text.append("\n- [Runbook](").append(url).append(")"));
        return text.toString();
    }

    private static Map<String, Object> dashboard(String title, String description, String layout, List<Object> widgets) {
        Map<String, Object> dashboard = new TreeMap<>();
        dashboard.put("title", title);
        dashboard.put("description", description);
        dashboard.put("layout_type", layout);
        // The API returns an empty notify list; declaring it avoids a diff on every plan.
        dashboard.put("notify_list", List.of());
        dashboard.put("widgets", widgets);
        return dashboard;
    }

    /** A top list of one SQS metric by queue, over the queues of {@code scope} only, with the queue names as labels. */
    private static Map<String, Object> toplist(String title, String aggregation, String metric, String scope) {
        Map<String, Object> definition = new TreeMap<>();
        definition.put("type", "toplist");
        definition.put("title", title);
        definition.put("requests", List.of(Map.of("q", "top(" + aggregation + ":" + metric + scope
                + " by {queuename}, " + TOP + ", 'max', 'desc')")));
        return definition;
    }

    private static String scope(List<String> queues) {
        return "{" + String.join(" OR ", queues.stream().map(q -> "queuename:" + q).toList()) + "}";
    }

    private static Map<String, Object> placed(Object definition, int x, int y, int height) {
        Map<String, Object> widget = new TreeMap<>();
        widget.put("definition", definition);
        widget.put("layout", new TreeMap<>(Map.of("x", x, "y", y, "width", COLUMN, "height", height)));
        return widget;
    }

    private static Map<String, Object> timeseries(String title, String... queries) {
        List<Object> requests = new ArrayList<>();
        for (String query : queries) {
            requests.add(request(query, "line"));
        }
        Map<String, Object> definition = new TreeMap<>();
        definition.put("type", "timeseries");
        definition.put("title", title);
        definition.put("requests", requests);
        return Map.of("definition", definition);
    }

    private static Map<String, Object> request(String query, String display) {
        Map<String, Object> request = new TreeMap<>();
        request.put("q", query);
        request.put("display_type", display);
        return request;
    }

    private static Map<String, Object> note(String markdown) {
        Map<String, Object> definition = new TreeMap<>();
        definition.put("type", "note");
        definition.put("content", markdown);
        return Map.of("definition", definition);
    }
}
