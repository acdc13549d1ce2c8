package dev.servicekit.datadog;

import dev.servicekit.terraform.Block;

import java.util.Map;
import java.util.TreeMap;

/** A {@code datadog_monitor}; composite monitors refer to others by their {@code id}. */
public final class DatadogMonitor {
    public static final String TYPE = "datadog_monitor";

    private DatadogMonitor() {}

    public static Block block(String name, MonitorDefinition definition) {
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("name", definition.name());
        attributes.put("type", definition.type());
        attributes.put("query", definition.query());
        attributes.put("message", definition.message());
        attributes.put("tags", definition.tags());
        attributes.put("priority", definition.priority());
        definition.evaluationDelay().ifPresent(seconds -> attributes.put("evaluation_delay", seconds));
        definition.requireFullWindow().ifPresent(full -> attributes.put("require_full_window", full));
        attributes.put("notify_no_data", definition.noDataTimeframe().isPresent());
        definition.noDataTimeframe().ifPresent(minutes -> attributes.put("no_data_timeframe", minutes));
        attributes.put("include_tags", true);
        definition.renotifyInterval().ifPresent(minutes -> attributes.put("renotify_interval", minutes));
        if (!definition.renotifyStatuses().isEmpty()) {
            attributes.put("renotify_statuses", definition.renotifyStatuses());
        }
        definition.critical().ifPresent(critical -> {
            Map<String, Object> thresholds = new TreeMap<>();
            thresholds.put("critical", critical);
            definition.warning().ifPresent(warning -> thresholds.put("warning", warning));
            attributes.put("monitor_thresholds", thresholds);
        });
        return Block.resource(TYPE, name, attributes);
    }
}
