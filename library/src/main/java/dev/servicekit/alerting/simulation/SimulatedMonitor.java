package dev.servicekit.alerting.simulation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitor as the simulation replays it, read from the Terraform JSON servicekit writes: its kind of
 * evaluation, and where its notifications go.
 */
public sealed interface SimulatedMonitor {
    /** The monitor's Terraform address, e.g. {@code datadog_monitor.auth_monitor_latency}. */
    String address();

    /** Where a monitor's transitions go. */
    record Routing(boolean pagesOnAlert, boolean pagesOnNoData, boolean notifies) {
        /** A monitor that only feeds others. */
        public static final Routing SILENT = new Routing(false, false, false);
    }

    Routing routing();

    /**
     * A metric monitor.
     *
     * @param warning         the warning threshold, NaN for none
     * @param delayMinutes    its evaluation delay, in minutes
     * @param noDataMinutes   minutes without data before missing data notifies; 0 when it does not
     */
    record Metric(String address, MetricQuery query, double warning, int delayMinutes, int noDataMinutes,
                  Routing routing) implements SimulatedMonitor {}

    /** An event monitor: the count of matching events in the last {@code windowMinutes} above {@code threshold}. */
    record Event(String address, List<String> phrases, int windowMinutes, double threshold, Routing routing)
            implements SimulatedMonitor {
        private static final Pattern PHRASE = Pattern.compile("\\\\\"([^\\\\]+)\\\\\"");
        private static final Pattern QUERY = Pattern.compile(
                "^events\\(\"(.*)\"\\)\\.rollup\\(\"count\"\\)\\.last\\(\"(\\d+)m\"\\) > ([0-9.]+)$");

        /** Reads {@code events("... \"phrase\" ...").rollup("count").last("30m") > 0}: any quoted phrase matches. */
        public static Event parse(String address, String query, Routing routing) {
            Matcher m = QUERY.matcher(query);
            if (!m.matches()) {
                throw new IllegalArgumentException("not an event query servicekit writes: " + query);
            }
            Matcher phrase = PHRASE.matcher(m.group(1));
            List<String> phrases = new java.util.ArrayList<>();
            while (phrase.find()) {
                phrases.add(phrase.group(1));
            }
            return new Event(address, phrases, Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3)), routing);
        }
    }

    /**
     * A burn-rate alert on a metric-based SLO (Datadog, "Burn Rate Alerts"): it alerts when the error rate over
     * the long window and over the short window, each divided by the error budget, reach the threshold. Burn-rate
     * alerts take no evaluation delay: each window ends now, and holds the SLO's points that have arrived.
     *
     * @param good   the SLO's numerator (an as_count() sum)
     * @param total  the SLO's denominator
     * @param target the SLO's target, percent
     */
    record BurnRate(String address, MetricQuery good, MetricQuery total, double target, int longMinutes,
                    int shortMinutes, double threshold, Routing routing) implements SimulatedMonitor {
        private static final Pattern QUERY = Pattern.compile("^burn_rate\\(\"[^\"]+\"\\)\\.over\\(\"\\d+d\"\\)\\.long_window"
                + "\\(\"(\\d+)([mh])\"\\)\\.short_window\\(\"(\\d+)([mh])\"\\) > ([0-9.]+)$");

        /** Reads the burn-rate query and the SLO's numerator and denominator. */
        public static BurnRate parse(String address, String query, String numerator, String denominator, double target,
                                     Routing routing) {
            Matcher m = QUERY.matcher(query);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a burn-rate query servicekit writes: " + query);
            }
            int longMinutes = Integer.parseInt(m.group(1)) * (m.group(2).equals("h") ? 60 : 1);
            int shortMinutes = Integer.parseInt(m.group(3)) * (m.group(4).equals("h") ? 60 : 1);
            return new BurnRate(address, MetricQuery.parse("sum(last_" + longMinutes + "m):" + numerator + " > 0"),
                    MetricQuery.parse("sum(last_" + longMinutes + "m):" + denominator + " > 0"), target, longMinutes,
                    shortMinutes, Double.parseDouble(m.group(5)), routing);
        }
    }

    /**
     * A composite monitor over others, by their addresses: {@code a || b && !c}, with parentheses. With
     * {@code notify_no_data} off, a result of No Data keeps the last state (Datadog, "Composite Monitor").
     */
    record Composite(String address, String formula, boolean notifyNoData, Routing routing) implements SimulatedMonitor {}

    /**
     * A synthetics API test's monitor: it alerts when {@code minLocations} locations have failed for
     * {@code minFailureMinutes}, each run every {@code tickMinutes} and retried once.
     */
    record Synthetics(String address, int tickMinutes, int minFailureMinutes, int minLocations, int locations,
                      Routing routing) implements SimulatedMonitor {}
}
