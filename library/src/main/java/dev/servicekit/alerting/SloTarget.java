package dev.servicekit.alerting;

import java.util.List;

/**
 * A web service's availability objective: the share of requests answered without a 5xx (the target's or
 * the load balancer's own) over a rolling window.
 *
 * @param targetPercent e.g. 99.9; prod's default, stage's is 99
 * @param window        {@code 7d}, {@code 30d} or {@code 90d}; prod's default is 30d, stage's 7d
 */
public record SloTarget(Number targetPercent, String window) {
    /** The windows Datadog's SLOs and burn-rate alerts accept. */
    public static final List<String> WINDOWS = List.of("7d", "30d", "90d");

    public static SloTarget of(Number targetPercent, String window) {
        return new SloTarget(targetPercent, window);
    }

    /**
     * The fastest burn rate Datadog accepts for this target: 1 / (1 - target). A burn-rate threshold above
     * it could never be reached, and Datadog refuses to create the monitor.
     */
    public double maximumBurnRate() {
        return 1 / (1 - targetPercent.doubleValue() / 100);
    }
}
