package dev.servicekit.datadog;

import java.util.List;
import java.util.Optional;

import lombok.Builder;
import lombok.experimental.Tolerate;

/**
 * The attributes servicekit sets on a {@code datadog_monitor}, named as in the provider's schema. Values
 * may be Terraform references.
 *
 * @param name              shown in alerts, e.g. {@code [prod] auth: p95 latency high}
 * @param type              {@value #METRIC}, {@value #COMPOSITE}, {@value #EVENT} or {@value #SLO}
 * @param query             the monitor query; its comparison's number equals {@code critical}
 * @param message           what fired, what to check first, links, and the handles inside the state blocks
 *                          that route them; default empty
 * @param tags              {@code key:value} tags; default none
 * @param priority          1 (highest) to 5; default 3
 * @param evaluationDelay   seconds to wait for late metrics; default empty, where Datadog takes none
 * @param requireFullWindow false for sparse, late metrics such as AWS's; default empty, where it does not apply
 * @param noDataTimeframe   minutes without data before a monitor that notifies on no data does; default
 *                          empty, for monitors that never notify on no data ({@code notify_no_data} false)
 * @param renotifyInterval  minutes between reminders while the alert lasts; default empty: none
 * @param renotifyStatuses  the states reminders repeat in, e.g. {@code alert}: never warnings; default none
 * @param critical          the critical threshold; default empty, for composites
 * @param warning           the warning threshold, if any; default empty
 */
@Builder(builderClassName = "Builder", builderMethodName = "")
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

    /** The defaults of the attributes above that a builder leaves unset. */
    public MonitorDefinition {
        message = message == null ? "" : message;
        tags = tags == null ? List.of() : List.copyOf(tags);
        priority = priority == null ? 3 : priority;
        evaluationDelay = evaluationDelay == null ? Optional.empty() : evaluationDelay;
        requireFullWindow = requireFullWindow == null ? Optional.empty() : requireFullWindow;
        noDataTimeframe = noDataTimeframe == null ? Optional.empty() : noDataTimeframe;
        renotifyInterval = renotifyInterval == null ? Optional.empty() : renotifyInterval;
        renotifyStatuses = renotifyStatuses == null ? List.of() : List.copyOf(renotifyStatuses);
        critical = critical == null ? Optional.empty() : critical;
        warning = warning == null ? Optional.empty() : warning;
    }

    /** A builder with the three attributes every monitor needs; the others have the defaults above. */
    public static Builder builder(String name, String type, String query) {
        return new Builder().name(name).type(type).query(query);
    }

    /**
     * Fills the optional attributes of a {@link MonitorDefinition}. Lombok generates a setter per component,
     * named after it, and {@code build()}; those below set attributes that go together, or also take the value
     * itself rather than an Optional.
     */
    public static final class Builder {
        /**
         * For metrics that arrive late and sparse, as AWS's do: wait {@code evaluationDelaySeconds}, and
         * evaluate a window that is not full.
         */
        public Builder lateMetrics(int evaluationDelaySeconds) {
            return evaluationDelay(Optional.of(evaluationDelaySeconds)).requireFullWindow(Optional.of(false));
        }

        @Tolerate
        public Builder noDataTimeframe(Number minutes) {
            return noDataTimeframe(Optional.ofNullable(minutes));
        }

        /** Reminders every {@code minutes} while the monitor is in one of {@code statuses}. */
        public Builder renotify(int minutes, List<String> statuses) {
            renotifyInterval = Optional.of(minutes);
            renotifyStatuses = statuses;
            return this;
        }

        public Builder thresholds(String criticalValue, Optional<String> warningValue) {
            critical = Optional.ofNullable(criticalValue);
            warning = warningValue;
            return this;
        }
    }
}
