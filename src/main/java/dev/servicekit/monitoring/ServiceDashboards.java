package dev.servicekit.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of the per-service dashboard and of the environment's overview, as Datadog's dashboard API
 * takes it ({@code layout_type: ordered}, timeseries and note widgets).
 */
public final class ServiceDashboards {
    private ServiceDashboards() {}

    /** One service: queue, dead letters, CPU, memory, tasks; requests, latency and errors for web services. */
    public static Map<String, Object> service(MonitoredService service) {
        Signals s = service.signals();
        List<Object> widgets = new ArrayList<>();
        widgets.add(note(links(service)));
        if (s.queue() != null) {
            widgets.add(timeseries("Queue depth (visible messages)", s.queueDepth()));
            widgets.add(timeseries("Oldest message age (s)", s.oldestMessageAge()));
            widgets.add(timeseries("Dead-letter queue depth", s.deadLetterDepth()));
        }
        widgets.add(timeseries("CPU (%)", s.cpu()));
        widgets.add(timeseries("Memory (%)", s.memory()));
        widgets.add(timeseries("Running vs desired tasks", s.runningTasks(), s.desiredTasks()));
        if (s.targetGroup() != null) {
            widgets.add(timeseries("Requests", s.requests()));
            widgets.add(timeseries("Target latency p50 / p95 / p99 (s)", s.latency("p50"), s.latency("p95"),
                    s.latency("p99")));
            widgets.add(timeseries("Target 4xx and 5xx", s.target4xx(), s.target5xx()));
        }
        return dashboard(service.title(), "Managed by servicekit: changes here are overwritten on apply.", widgets);
    }

    /** An environment at a glance: every service's queue depth in one view, with links to each dashboard. */
    public static Map<String, Object> overview(String environment, List<Entry> services) {
        List<Object> widgets = new ArrayList<>();
        List<String> queues = services.stream().filter(e -> e.signals().queue() != null)
                .map(e -> e.signals().queueDepth()).toList();
        if (!queues.isEmpty()) {
            widgets.add(timeseries("Queue depth by service: which worker is backing up",
                    queues.toArray(String[]::new)));
        }
        StringBuilder links = new StringBuilder("**Service dashboards**\n");
        for (Entry entry : services) {
            links.append("\n- [").append(entry.name()).append("](").append(entry.dashboardLink()).append(")");
        }
        widgets.add(note(links.toString()));
        return dashboard("[" + environment + "] servicekit overview",
                "Every service of " + environment + ". Managed by servicekit.", widgets);
    }

    /** A service as the overview lists it. */
    public record Entry(String name, Signals signals, String dashboardLink) {}

    private static String links(MonitoredService service) {
        StringBuilder text = new StringBuilder("**" + service.title() + "**, owned by " + service.owner() + "\n\n");
        text.append("- [Logs](").append(service.logsUrl()).append(")");
        service.runbookUrl().ifPresent(url -> text.append("\n- [Runbook](").append(url).append(")"));
        return text.toString();
    }

    private static Map<String, Object> dashboard(String title, String description, List<Object> widgets) {
        Map<String, Object> dashboard = new TreeMap<>();
        dashboard.put("title", title);
        dashboard.put("description", description);
        dashboard.put("layout_type", "ordered");
        dashboard.put("widgets", widgets);
        return dashboard;
    }

    private static Map<String, Object> timeseries(String title, String... queries) {
        List<Object> requests = new ArrayList<>();
        for (String query : queries) {
            Map<String, Object> request = new TreeMap<>();
            request.put("q", query);
            request.put("display_type", "line");
            requests.add(request);
        }
        Map<String, Object> definition = new TreeMap<>();
        definition.put("type", "timeseries");
        definition.put("title", title);
        definition.put("requests", requests);
        return Map.of("definition", definition);
    }

    private static Map<String, Object> note(String markdown) {
        Map<String, Object> definition = new TreeMap<>();
        definition.put("type", "note");
        definition.put("content", markdown);
        return Map.of("definition", definition);
    }
}
