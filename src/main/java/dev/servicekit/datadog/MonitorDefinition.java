package dev.servicekit.datadog;

import java.util.List;
import java.util.Optional;

/**
 * The attributes servicekit sets on a {@code datadog_monitor}, named as in the provider's schema.
 *
 * @param name              shown in alerts, e.g. {@code [prod] auth: CPU high}
 * @param type              {@code query alert} for metric monitors, {@code composite} for a combination
 * @param query             the monitor query; for a metric monitor its comparison's number equals
 *                          {@code critical}; for a composite, monitor IDs joined by {@code &&}
 * @param message           what fired, what to check first, links and the {@code @handle} to notify
 * @param tags              {@code key:value} tags
 * @param priority          1 (highest) to 5
 * @param evaluationDelay   seconds to wait for late metrics; metric monitors only
 * @param requireFullWindow false for sparse metrics such as SQS's; metric monitors only
 * @param notifyNoData      alert when the metric stops reporting
 * @param renotifyInterval  minutes between reminders while the alert lasts; empty for none
 * @param critical          the critical threshold; metric monitors only
 * @param warning           the warning threshold, if any
 */
public record MonitorDefinition(String name, String type, String query, String message, List<String> tags,
                                Number priority, Optional<Integer> evaluationDelay,
                                Optional<Boolean> requireFullWindow, boolean notifyNoData,
                                Optional<Integer> renotifyInterval, Optional<String> critical,
                                Optional<String> warning) {
    /** A metric monitor's type. */
    public static final String METRIC = "query alert";
    /** A composite monitor's type: it alerts when all of its monitors do. */
    public static final String COMPOSITE = "composite";

    public MonitorDefinition {
        tags = List.copyOf(tags);
    }
}
