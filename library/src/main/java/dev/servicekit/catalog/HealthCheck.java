package dev.servicekit.catalog;

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
public record HealthCheck(String path, String matcher, int intervalSeconds, int timeoutSeconds,
                          int healthyThreshold, int unhealthyThreshold, int deregistrationDelaySeconds) {

    /** The defaults above, on {@code path}. */
    public static HealthCheck at(String path) {
        return new HealthCheck(path, "200-399", 15, 5, 2, 3, 10);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values of a health check; the others stay. */
    public static final class Builder {
        private String path;
        private String matcher;
        private int intervalSeconds;
        private int timeoutSeconds;
        private int healthyThreshold;
        private int unhealthyThreshold;
        private int deregistrationDelaySeconds;

        private Builder(HealthCheck from) {
            path = from.path;
            matcher = from.matcher;
            intervalSeconds = from.intervalSeconds;
            timeoutSeconds = from.timeoutSeconds;
            healthyThreshold = from.healthyThreshold;
            unhealthyThreshold = from.unhealthyThreshold;
            deregistrationDelaySeconds = from.deregistrationDelaySeconds;
        }

        public Builder path(String value) {
            path = value;
            return this;
        }

        public Builder matcher(String value) {
            matcher = value;
            return this;
        }

        public Builder intervalSeconds(int value) {
            intervalSeconds = value;
            return this;
        }

        public Builder timeoutSeconds(int value) {
            timeoutSeconds = value;
            return this;
        }

        public Builder healthyThreshold(int value) {
            healthyThreshold = value;
            return this;
        }

        public Builder unhealthyThreshold(int value) {
            unhealthyThreshold = value;
            return this;
        }

        public Builder deregistrationDelaySeconds(int value) {
            deregistrationDelaySeconds = value;
            return this;
        }

        public HealthCheck build() {
            return new HealthCheck(path, matcher, intervalSeconds, timeoutSeconds, healthyThreshold,
                    unhealthyThreshold, deregistrationDelaySeconds);
        }
    }
}
