package dev.servicekit.catalog;

import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.Thresholds;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values a catalog line sets instead of its environment's defaults, for every environment or for one.
 * Every field is optional: an empty one means "the environment's default".
 *
 * @param notifyHandle the Datadog handle this service's warnings and causes notify instead of the environment's
 * @param pageHandle   the Datadog handle this service's symptoms page instead of the environment's
 * @param slo          the availability objective of a web service instead of the environment's
 * @param plainHttpAllowed an internet-facing web service may serve plain HTTP where the environment
 *                 requires HTTPS (prod), on purpose
 * @param monitors per monitor: a present value replaces the environment's thresholds, an empty one
 *                 switches the monitor off
 * @param datadogAgent whether the service's tasks run the environment's Datadog Agent, instead of the
 *                 environment's choice ({@code everyService})
 */
public record Overrides(Optional<Integer> cpu, Optional<Integer> memory, Optional<Integer> minCount,
                        Optional<Integer> desiredCount, Optional<Integer> maxCount,
                        Optional<Integer> logRetentionDays, Optional<String> certificateArn,
                        Optional<String> notifyHandle, Optional<String> pageHandle, Optional<SloTarget> slo,
                        Optional<Boolean> plainHttpAllowed, Map<MonitorKind, Optional<Thresholds>> monitors,
                        Optional<Boolean> datadogAgent) {

    public static final Overrides NONE = new Builder().build();

    public Overrides {
        EnumMap<MonitorKind, Optional<Thresholds>> sorted = new EnumMap<>(MonitorKind.class);
        sorted.putAll(monitors);
        monitors = Collections.unmodifiableMap(sorted);
    }

    /** Fills the fields of an {@link Overrides}; used from a catalog line's lambdas. */
    public static final class Builder {
        private Integer cpu;
        private Integer memory;
        private Integer minCount;
        private Integer desiredCount;
        private Integer maxCount;
        private Integer logRetentionDays;
        private String certificateArn;
        private String notifyHandle;
        private String pageHandle;
        private SloTarget slo;
        private Boolean plainHttpAllowed;
        private Boolean datadogAgent;
        private final Map<MonitorKind, Optional<Thresholds>> monitors = new EnumMap<>(MonitorKind.class);
        private final java.util.List<String> nulls = new java.util.ArrayList<>();

        /** Fargate task size, e.g. {@code Fargate.cpu(512).memoryMiB(1024)} (a pair AWS offers). */
        public Builder size(Fargate.TaskSize size) {
            if (notNull("size", size)) {
                this.cpu = size.cpu();
                this.memory = size.memoryMiB();
            }
            return this;
        }

        /** Task counts by name, e.g. {@code c -> c.min(2).desired(3).max(12)}; counts left out are the environment's. */
        public Builder counts(java.util.function.UnaryOperator<Counts> counts) {
            Counts set = notNull("counts", counts) ? counts.apply(Counts.ENVIRONMENTS) : null;
            if (notNull("counts", set)) {
                set.min().ifPresent(v -> minCount = v);
                set.desired().ifPresent(v -> desiredCount = v);
                set.max().ifPresent(v -> maxCount = v);
            }
            return this;
        }

        /** Days CloudWatch Logs keeps the service's logs, one of the values AWS offers. Default: the environment's. */
        public Builder logRetentionDays(int days) {
            this.logRetentionDays = days;
            return this;
        }

        /** An ACM certificate for the web service's HTTPS listener. */
        public Builder certificateArn(String arn) {
            if (notNull("certificateArn", arn)) {
                this.certificateArn = arn;
            }
            return this;
        }

        /**
         * The Datadog handle this service's warnings and causes notify instead of the environment's, e.g.
         * {@code @slack-team}; it must not page.
         */
        public Builder notify(String handle) {
            if (notNull("notify", handle)) {
                this.notifyHandle = handle;
            }
            return this;
        }

        /** The Datadog handle this service's symptoms page instead of the environment's, e.g. {@code @pagerduty-team}. */
        public Builder page(String handle) {
            if (notNull("page", handle)) {
                this.pageHandle = handle;
            }
            return this;
        }

        /**
         * A web service's availability objective instead of the environment's: the percentage of requests
         * answered without a 5xx over a window of {@code 7d}, {@code 30d} or {@code 90d}.
         */
        public Builder slo(double targetPercent, String window) {
            if (notNull("slo", window)) {
                this.slo = SloTarget.of(targetPercent, window);
            }
            return this;
        }

        /**
         * Lets an internet-facing web service serve plain HTTP where the environment requires HTTPS (prod):
         * a deliberate choice, e.g. until the account's certificate is configured.
         */
        public Builder allowPlainHttp() {
            this.plainHttpAllowed = true;
            return this;
        }

        /**
         * Runs the environment's Datadog Agent beside the service's tasks ({@code true}) or not ({@code false}),
         * whatever the environment's {@code everyService} says. An environment without {@code datadogAgent} in
         * cdktf.json has no Agent to run: asking for it there is an error.
         */
        public Builder datadogAgent(boolean run) {
            this.datadogAgent = run;
            return this;
        }

        /** Replaces the environment's thresholds for one monitor. */
        public Builder monitor(MonitorKind kind, Thresholds thresholds) {
            if (notNull("monitor", kind) && notNull("monitor " + kind.key(), thresholds)
                    && notNull("monitor " + kind.key() + ".critical", thresholds.critical())) {
                monitors.put(kind, Optional.of(thresholds));
            }
            return this;
        }

        /** Switches one monitor off. */
        public Builder withoutMonitor(MonitorKind kind) {
            if (notNull("withoutMonitor", kind)) {
                monitors.put(kind, Optional.empty());
            }
            return this;
        }

        /** The options given a null, for validation to report. */
        java.util.List<String> nulls() {
            return java.util.List.copyOf(nulls);
        }

        private boolean notNull(String option, Object value) {
            if (value == null) {
                nulls.add(option);
            }
            return value != null;
        }

        public Overrides build() {
            return new Overrides(Optional.ofNullable(cpu), Optional.ofNullable(memory), Optional.ofNullable(minCount),
                    Optional.ofNullable(desiredCount), Optional.ofNullable(maxCount),
                    Optional.ofNullable(logRetentionDays), Optional.ofNullable(certificateArn),
                    Optional.ofNullable(notifyHandle), Optional.ofNullable(pageHandle), Optional.ofNullable(slo),
                    Optional.ofNullable(plainHttpAllowed), monitors, Optional.ofNullable(datadogAgent));
        }
    }

    /** This, with {@code specific}'s present values taking precedence. */
    public Overrides overriddenBy(Overrides specific) {
        Map<MonitorKind, Optional<Thresholds>> merged = new EnumMap<>(MonitorKind.class);
        merged.putAll(monitors);
        merged.putAll(specific.monitors);
        return new Overrides(specific.cpu.or(() -> cpu), specific.memory.or(() -> memory),
                specific.minCount.or(() -> minCount), specific.desiredCount.or(() -> desiredCount),
                specific.maxCount.or(() -> maxCount), specific.logRetentionDays.or(() -> logRetentionDays),
                specific.certificateArn.or(() -> certificateArn), specific.notifyHandle.or(() -> notifyHandle),
                specific.pageHandle.or(() -> pageHandle), specific.slo.or(() -> slo),
                specific.plainHttpAllowed.or(() -> plainHttpAllowed), merged,
                specific.datadogAgent.or(() -> datadogAgent));
    }
}
