package dev.servicekit.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.alerting.simulation.MetricQuery;
import dev.servicekit.alerting.simulation.SimulatedMonitor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's monitors as the simulation replays them, read from the Terraform JSON that servicekit wrote: the
 * monitors' own attributes ({@code query}, {@code monitor_thresholds}, {@code evaluation_delay},
 * {@code notify_no_data}, {@code no_data_timeframe}, {@code message}), the SLO a burn-rate alert refers to and
 * the synthetics test a composite refers to. What is replayed is what Terraform would create.
 */
public final class SimulatedMonitors {
    private static final Pattern MONITOR_ID = Pattern.compile("\\$\\{(datadog_monitor\\.[^.}]+)\\.id}");
    private static final Pattern TEST_ID = Pattern.compile("\\$\\{(datadog_synthetics_test\\.[^.}]+)\\.monitor_id}");
    private static final Pattern SLO_ID = Pattern.compile("\\$\\{datadog_service_level_objective\\.([^.}]+)\\.id}");

    private SimulatedMonitors() {}

    /**
     * The monitors and synthetics tests of {@code resources} (a stack's or a module's {@code resource} object)
     * whose names start with {@code prefix}, routed as their messages say for {@code pageHandle} and
     * {@code notifyHandle}.
     */
    public static List<SimulatedMonitor> of(JsonNode resources, String prefix, String pageHandle, String notifyHandle) {
        List<SimulatedMonitor> monitors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries(resources.path(DatadogMonitor.TYPE))) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            String address = DatadogMonitor.TYPE + "." + entry.getKey();
            JsonNode monitor = entry.getValue();
            String query = monitor.path("query").asText();
            SimulatedMonitor.Routing routing = routing(monitor.path("message").asText(), pageHandle, notifyHandle);
            switch (monitor.path("type").asText()) {
                case MonitorDefinition.METRIC -> {
                    JsonNode thresholds = monitor.path("monitor_thresholds");
                    double warning = thresholds.has("warning") ? thresholds.path("warning").asDouble() : Double.NaN;
                    int delay = (monitor.path("evaluation_delay").asInt(0) + 59) / 60;
                    int noData = monitor.path("notify_no_data").asBoolean(false)
                            ? monitor.path("no_data_timeframe").asInt(10) : 0;
                    monitors.add(new SimulatedMonitor.Metric(address, MetricQuery.parse(query), warning, delay, noData,
                            routing));
                }
                case MonitorDefinition.EVENT -> monitors.add(SimulatedMonitor.Event.parse(address, query, routing));
                case MonitorDefinition.SLO -> {
                    Matcher slo = SLO_ID.matcher(query);
                    if (!slo.find()) {
                        throw new IllegalArgumentException(address + " refers to no SLO: " + query);
                    }
                    JsonNode objective = resources.path(DatadogServiceLevelObjective.TYPE).path(slo.group(1));
                    monitors.add(SimulatedMonitor.BurnRate.parse(address, query,
                            objective.path("query").path("numerator").asText(),
                            objective.path("query").path("denominator").asText(),
                            objective.path("target_threshold").asDouble(), routing));
                }
                case MonitorDefinition.COMPOSITE -> monitors.add(new SimulatedMonitor.Composite(address,
                        TEST_ID.matcher(MONITOR_ID.matcher(query).replaceAll("$1")).replaceAll("$1"),
                        monitor.path("notify_no_data").asBoolean(false), routing));
                default -> throw new IllegalArgumentException(address + ": no simulation of type "
                        + monitor.path("type").asText());
            }
        }
        for (Map.Entry<String, JsonNode> entry : entries(resources.path(DatadogSyntheticsTest.TYPE))) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            JsonNode test = entry.getValue();
            JsonNode options = test.path("options_list");
            monitors.add(new SimulatedMonitor.Synthetics(DatadogSyntheticsTest.TYPE + "." + entry.getKey(),
                    Math.max(1, options.path("tick_every").asInt() / 60), options.path("min_failure_duration").asInt() / 60,
                    options.path("min_location_failed").asInt(), test.path("locations").size(),
                    routing(test.path("message").asText(), pageHandle, notifyHandle)));
        }
        return monitors;
    }

    private static SimulatedMonitor.Routing routing(String message, String pageHandle, String notifyHandle) {
        return new SimulatedMonitor.Routing(message.contains("{{#is_alert}}" + pageHandle + "{{/is_alert}}"),
                message.contains("{{#is_no_data}}" + pageHandle + "{{/is_no_data}}"), message.contains(notifyHandle));
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(entries::add);
        return entries;
    }
}
