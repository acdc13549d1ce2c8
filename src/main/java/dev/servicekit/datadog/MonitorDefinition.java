package dev.servicekit.datadog;

import java.util.List;
import java.util.Optional;

/**
 * The attributes servicekit sets on a {@code datadog_monitor}, named as in the provider's schema.
 *
 * @param name              shown in alerts, e.g. {@code [prod] auth: CPU high}
 * @param type              {@code query alert} for metric monitors
 * @param query             the monitor query; its comparison's number equals {@code critical}
 * @param message           what fired, what to check first, links and the {@code @handle} to notify
 * @param tags              {@code key:value} tags
 * @param priority          1 (highest) to 5
 * @param evaluationDelay   seconds to wait for late metrics
 * @param requireFullWindow false for sparse metrics such as SQS's
 * @param notifyNoData      alert when the metric stops reporting
 * @param renotifyInterval  minutes between reminders while the alert lasts; empty for none
 * @param critical          the critical threshold
 * @param warning           the warning threshold, if any
 */
public record MonitorDefinition(String name, String type, String query, String message, List<String> tags,
                                Number priority, int evaluationDelay, boolean requireFullWindow, boolean notifyNoData,
                                Optional<Integer> renotifyInterval, String critical, Optional<String> warning) {
    public MonitorDefinition {
        tags = List.copyOf(tags);
    }
}
