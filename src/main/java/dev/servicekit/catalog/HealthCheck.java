package dev.servicekit.catalog;

/**
 * A load balancer target health check, and how long a stopping target keeps its connections.
 *
 * @param path                     default {@code /}
 * @param matcher                  HTTP codes that mean healthy; default {@code 200-399}
 * @param intervalSeconds          default 15
 * @param timeoutSeconds           default 5 (less than the interval)
 * @param healthyThreshold         default 2
 * @param unhealthyThreshold       default 3
 * @param deregistrationDelaySeconds default 10: short, because small services drain fast and AWS's
 *                                 300 s makes every deploy slow
 */
public record HealthCheck(String path, String matcher, int intervalSeconds, int timeoutSeconds,
                          int healthyThreshold, int unhealthyThreshold, int deregistrationDelaySeconds) {

    /** The defaults above, on {@code path}. */
    public static HealthCheck at(String path) {
        return new HealthCheck(path, "200-399", 15, 5, 2, 3, 10);
    }
}
