package dev.servicekit.datadog;

import dev.servicekit.terraform.Block;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A metric-based {@code datadog_service_level_objective}: good events over all events. */
public final class DatadogServiceLevelObjective {
    public static final String TYPE = "datadog_service_level_objective";

    /**
     * @param numerator   the query of good events, e.g. requests without a 5xx
     * @param denominator the query of all events
     * @param target      the objective in percent, e.g. 99.9
     * @param timeframe   {@code 7d}, {@code 30d} or {@code 90d}
     */
    public record Definition(String name, String description, String numerator, String denominator, Number target,
                             String timeframe, List<String> tags) {
        public Definition {
            tags = List.copyOf(tags);
        }
    }

    private DatadogServiceLevelObjective() {}

    public static Block block(String name, Definition definition) {
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("name", definition.name());
        attributes.put("type", "metric");
        attributes.put("description", definition.description());
        attributes.put("query", new TreeMap<>(Map.of("numerator", definition.numerator(),
                "denominator", definition.denominator())));
        attributes.put("thresholds", List.of(new TreeMap<>(Map.of("timeframe", definition.timeframe(),
                "target", definition.target()))));
        attributes.put("timeframe", definition.timeframe());
        attributes.put("target_threshold", definition.target());
        attributes.put("tags", definition.tags());
        return Block.resource(TYPE, name, attributes);
    }
}
