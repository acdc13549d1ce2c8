package dev.servicekit.datadog;

import java.util.List;
import java.util.Optional;

/**
 * The attributes servicekit sets on a {@code datadog_monitor}, named as in the provider's schema. Values
 * may be Terraform references.
 *
 * @param name              shown in alerts, e.g. {@code [prod] auth: p95 latency high}
 * @param type              {@value #METRIC}, {@value #COMPOSITE}, {@value #EVENT} or {@value #SLO}
 * @param query             the monitor query; its comparison's number equals {@code critical}
 * @param message           what fired, what to check first, links, and the handles inside the state blocks
 *                          that route them
 * @param tags              {@code key:value} tags
 * @param priority          1 (highest) to 5
 * @param evaluationDelay   seconds to wait for late metrics; empty where Datadog takes none
 * @param requireFullWindow false for sparse, late metrics such as AWS's; empty where it does not apply
 * @param noDataTimeframe   minutes without data before a monitor that notifies on no data does; empty
 *                          for monitors that never notify on no data ({@code notify_no_data} false)
 * @param renotifyInterval  minutes between reminders while the alert lasts; empty for none
 * @param renotifyStatuses  the states reminders repeat in, e.g. {@code alert}: never warnings
 * @param critical          the critical threshold; empty for composites
 * @param warning           the warning threshold, if any
 */
public record MonitorDefinition(String name, String type, String query, String message, List<String> tags,
                                Number priority, Optional<Integer> evaluationDelay,
                                Optional<Boolean> requireFullWindow, Optional<Number> noDataTimeframe,
                                Optional<Integer> renotifyInterval, List<String> renotifyStatuses,
                                Optional<String> critical, Optional<String> warning) {
    /** A metric monitor's type. */
    public static final String METRIC = "query alert";
    /** A composite monitor's type: it alerts when its formula of other monitors does. */
    public static final String COMPOSITE = "composite";
    /** An event monitor's type (the events platform's; the older "event alert" is no longer evaluated). */
    public static final String EVENT = "event-v2 alert";
    /** An SLO alert's type: burn rate or error budget. */
    public static final String SLO = "slo alert";

    public MonitorDefinition {
        tags = List.copyOf(tags);
        renotifyStatuses = List.copyOf(renotifyStatuses);
    }

    public static Builder builder(String name, String type, String query) {
        return new Builder(name, type, query);
    }

    /** Fills the optional attributes of a {@link MonitorDefinition}. */
    public static final class Builder {
        private final String name;
        private final String type;
        private final String query;
        private String message = "";
        private List<String> tags = List.of();
        private Number priority = 3;
        private Integer evaluationDelay;
        private Boolean requireFullWindow;
        private Number noDataTimeframe;
        private Integer renotifyInterval;
        private List<String> renotifyStatuses = List.of();
        private String critical;
        private String warning;

        private Builder(String name, String type, String query) {
            this.name = name;
            this.type = type;
            this.query = query;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder priority(Number value) {
            priority = value;
            return this;
        }

        public Builder evaluationDelay(int seconds) {
            evaluationDelay = seconds;
            return this;
        }

        public Builder requireFullWindow(boolean value) {
            requireFullWindow = value;
            return this;
        }

        public Builder noDataTimeframe(Number minutes) {
            noDataTimeframe = minutes;
            return this;
        }

        public Builder renotify(int minutes, List<String> statuses) {
            renotifyInterval = minutes;
            renotifyStatuses = statuses;
            return this;
        }

        public Builder thresholds(String criticalValue, Optional<String> warningValue) {
            critical = criticalValue;
            warning = warningValue.orElse(null);
            return this;
        }

        public MonitorDefinition build() {
            return new MonitorDefinition(name, type, query, message, tags, priority, Optional.ofNullable(evaluationDelay),
                    Optional.ofNullable(requireFullWindow), Optional.ofNullable(noDataTimeframe),
                    Optional.ofNullable(renotifyInterval), renotifyStatuses, Optional.ofNullable(critical),
                    Optional.ofNullable(warning));
        }
    }
}
