package dev.servicekit.alerting;

import java.util.Optional;

/**
 * What a monitor kind watches, declared; the monitoring part turns each shape into Datadog
 * resources, and {@link AlertTable} derives from it how long the monitor takes to notify at worst.
 */
public sealed interface Watch {

    /**
     * How a metric monitor reduces its window to one value. For an "above" threshold, {@code MIN} means
     * "above for the whole window" and {@code MAX} "above once"; for "below", the reverse. {@code AVG}
     * keeps one good sample from resetting a "below" alert.
     */
    enum Over {
        MIN, MAX, AVG, SUM,
        /** The window's average minus the one before it. */
        CHANGE_OF_AVG,
        /** The window's maximum minus the one before it. */
        CHANGE_OF_MAX;

        String render(int minutes) {
            String window = "last_" + minutes + "m";
            return switch (this) {
                case CHANGE_OF_AVG -> "change(avg(" + window + ")," + window + ")";
                case CHANGE_OF_MAX -> "change(max(" + window + ")," + window + ")";
                default -> name().toLowerCase(java.util.Locale.ROOT) + "(" + window + ")";
            };
        }
    }

    /**
     * A metric monitor: {@code <over>(last_<window>m):<expression> <comparison>}, where the comparison is
     * the kind's direction and critical threshold unless {@code fixedComparison} says otherwise.
     */
    record Metric(Over over, int windowMinutes, String expression, Optional<String> fixedComparison)
            implements Watch {
        public Metric(Over over, int windowMinutes, String expression) {
            this(over, windowMinutes, expression, Optional.empty());
        }

        /** The monitor query for {@code comparison} (e.g. {@code > 1000}). */
        public String query(String comparison) {
            return over.render(windowMinutes) + ":" + expression + " " + fixedComparison.orElse(comparison);
        }
    }

    /**
     * Alerts when {@code level} alerts and {@code unless} does not ({@code level && !unless}); both parts
     * are silent monitors of their own. The composite takes the level's state (alert or warning).
     */
    record Composite(Metric level, Metric unless, String unlessName) implements Watch {}

    /** An event monitor on the last {@code windowMinutes} of events matching {@code search}. */
    record Event(String search, int windowMinutes) implements Watch {
        /** The event monitor's query: the count of matching events in the window, e.g. {@code > 0}. */
        public String query(String comparison) {
            return "events(\"" + search.replace("\"", "\\\"") + "\").rollup(\"count\").last(\""
                    + windowMinutes + "m\") " + comparison;
        }
    }

    /**
     * A monitor that alerts when {@code expression} stops reporting for the kind's critical threshold in
     * minutes (a dead-man's switch); its value never alerts.
     */
    record NoData(String expression, int windowMinutes) implements Watch {}

    /** A burn-rate alert on the service's SLO: both windows must burn faster than the threshold. */
    record BurnRate(int longWindowMinutes, int shortWindowMinutes) implements Watch {
        /** The burn-rate alert's query on the SLO {@code sloId} over its {@code window}. */
        public String query(String sloId, String window, String comparison) {
            return "burn_rate(\"" + sloId + "\").over(\"" + window + "\").long_window(\""
                    + duration(longWindowMinutes) + "\").short_window(\"" + duration(shortWindowMinutes)
                    + "\") " + comparison;
        }

        /** Minutes as Datadog's burn-rate windows write them: {@code 5m}, {@code 1h}. */
        static String duration(int minutes) {
            return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
        }
    }

    /**
     * A Datadog synthetics API test: GET the service's health-check path from outside, every
     * {@code tickSeconds}; it alerts when the kind's critical threshold of locations fail for
     * {@code minFailureSeconds}.
     */
    record Synthetic(Number tickSeconds, int minFailureSeconds, int retryIntervalMillis) implements Watch {}
}
