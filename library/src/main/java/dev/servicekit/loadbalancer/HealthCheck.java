package dev.servicekit.loadbalancer;

import lombok.Builder;

/**
 * A load balancer target health check, and how long a stopping target keeps its connections.
 * {@code HealthCheck.at("/healthz").toBuilder().intervalSeconds(30).build()} changes one value.
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
@Builder(toBuilder = true, builderClassName = "Builder", builderMethodName = "")
public record HealthCheck(String path, String matcher, int intervalSeconds, int timeoutSeconds,
                          int healthyThreshold, int unhealthyThreshold, int deregistrationDelaySeconds) {

    /** The defaults above, on {@code path}. */
    public static HealthCheck at(String path) {
        return new HealthCheck(path, "200-399", 15, 5, 2, 3, 10);
    }

    /**
     * Changes some values of a health check; the others stay. Lombok generates a setter per component, named
     * after it, and {@code build()}. There is no {@code builder()}: every value is required, so a health check
     * starts from {@link #at(String)} and its {@code toBuilder()}.
     */
    public static final class Builder {}
}
