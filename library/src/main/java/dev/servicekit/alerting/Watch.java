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

        /**
         * What {@code {{value}}} holds for this reduction over a window of {@code minutes}, for messages: it is
         * the window's aggregate, never the latest point.
         */
        public String valueOver(int minutes) {
            String window = "the last " + minutes + " minutes";
            return switch (this) {
                case MIN -> "lowest in " + window;
                case MAX -> "highest in " + window;
                case AVG -> "average over " + window;
                case SUM -> "total over " + window;
                case CHANGE_OF_AVG -> "change of the average over " + window;
                case CHANGE_OF_MAX -> "change of the highest over " + window;
            };
        }

        String render(int minutes) {
            // Datadog's windows as its monitor editor writes them: last_15m, last_1h.
            String window = "last_" + (minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m");
            return switch (this) {
                case CHANGE_OF_AVG -> "change(avg(" + window + ")," + window + ")";
                case CHANGE_OF_MAX -> "change(max(" + window + ")," + window + ")";
                default -> name().toLowerCase(java.util.Locale.ROOT) + "(" + window + ")";
            };
        }
    }

    /**
     * Where a metric comes from, which decides how late it arrives and so how long a monitor waits for it
     * ({@code evaluation_delay}).
     */
    enum Source {
        /**
         * Datadog's AWS integration: its crawler polls CloudWatch every 10 minutes, and 1-minute metrics reach
         * Datadog 10-12 minutes late, up to 15 with queueing (Datadog, "Cloud Metric Delay"): monitors wait the
         * environment's evaluation delay, 900 s by default.
         */
        AWS_INTEGRATION,
        /**
         * The Datadog Agent beside the task: it collects every 15 seconds and flushes at once (Datadog, "ECS
         * Fargate": metrics shipped by the Agent have finer granularity and less latency than CloudWatch's), so
         * monitors wait {@link #AGENT_EVALUATION_DELAY_SECONDS}.
         */
        AGENT
    }

    /** The evaluation delay of monitors on the Agent's metrics: a minute for the flush and the intake. */
    int AGENT_EVALUATION_DELAY_SECONDS = 60;

    /**
     * A metric monitor: {@code <over>(last_<window>m):<expression> <comparison>}, where the comparison is
     * the kind's direction and critical threshold unless {@code fixedComparison} says otherwise.
     */
    record Metric(Over over, int windowMinutes, String expression, Optional<String> fixedComparison, Source source)
            implements Watch {
        public Metric(Over over, int windowMinutes, String expression) {
            this(over, windowMinutes, expression, Optional.empty(), Source.AWS_INTEGRATION);
        }

        public Metric(Over over, int windowMinutes, String expression, Source source) {
            this(over, windowMinutes, expression, Optional.empty(), source);
        }

        public Metric(Over over, int windowMinutes, String expression, Optional<String> fixedComparison) {
            this(over, windowMinutes, expression, fixedComparison, Source.AWS_INTEGRATION);
        }

        /** What {@code {{value}}} is in this monitor's message. */
        public String valueMeaning() {
            return over.valueOver(windowMinutes);
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
