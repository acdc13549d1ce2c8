package dev.servicekit.catalog;

import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.Thresholds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Values a catalog line sets instead of its environment's defaults, for every environment or for one.
 * Every value is optional: an empty one means "the environment's default", which is each one's default.
 *
 * @param size             the Fargate task size (CPU and memory together)
 * @param counts           the task counts the line sets, each by name
 * @param logRetentionDays days CloudWatch Logs keeps the service's logs
 * @param https            a web service's certificate, or its choice of plain HTTP
 * @param alerts           where the service's monitors notify, its SLO and its monitors' thresholds
 * @param datadogAgent     whether the service's tasks run the environment's Datadog Agent, instead of the
 *                         environment's choice ({@code everyService})
 */
public record Overrides(Optional<Fargate.TaskSize> size, Counts counts, Optional<Integer> logRetentionDays,
                        Https https, Alerts alerts, Optional<Boolean> datadogAgent) {

    public static final Overrides NONE = new Builder().build();

    /**
     * A web service's HTTPS, instead of the environment's.
     *
     * @param certificateArn   an ACM certificate for the HTTPS listener; default the environment's
     * @param plainHttpAllowed an internet-facing web service may serve plain HTTP where the environment
     *                         requires HTTPS (prod), on purpose; default not
     */
    public record Https(Optional<String> certificateArn, Optional<Boolean> plainHttpAllowed) {
        static final Https NONE = new Https(Optional.empty(), Optional.empty());

        Https overriddenBy(Https specific) {
            return new Https(specific.certificateArn.or(() -> certificateArn),
                    specific.plainHttpAllowed.or(() -> plainHttpAllowed));
        }
    }

    /**
     * How the service's monitors alert, instead of the environment's.
     *
     * @param notifyHandle the Datadog handle this service's warnings and causes notify instead of the environment's
     * @param pageHandle   the Datadog handle this service's symptoms page instead of the environment's
     * @param slo          the availability objective of a web service instead of the environment's
     * @param monitors     per monitor: a present value replaces the environment's thresholds, an empty one
     *                     switches the monitor off; a monitor not here keeps the environment's
     */
    public record Alerts(Optional<String> notifyHandle, Optional<String> pageHandle, Optional<SloTarget> slo,
                         Map<MonitorKind, Optional<Thresholds>> monitors) {
        static final Alerts NONE = new Alerts(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        public Alerts {
            EnumMap<MonitorKind, Optional<Thresholds>> sorted = new EnumMap<>(MonitorKind.class);
            sorted.putAll(monitors);
            monitors = Collections.unmodifiableMap(sorted);
        }

        Alerts overriddenBy(Alerts specific) {
            Map<MonitorKind, Optional<Thresholds>> merged = new EnumMap<>(MonitorKind.class);
            merged.putAll(monitors);
            merged.putAll(specific.monitors);
            return new Alerts(specific.notifyHandle.or(() -> notifyHandle), specific.pageHandle.or(() -> pageHandle),
                    specific.slo.or(() -> slo), merged);
        }
    }

    /** This, with {@code specific}'s present values taking precedence. */
    public Overrides overriddenBy(Overrides specific) {
        return new Overrides(specific.size.or(() -> size), counts.overriddenBy(specific.counts),
                specific.logRetentionDays.or(() -> logRetentionDays), https.overriddenBy(specific.https),
                alerts.overriddenBy(specific.alerts), specific.datadogAgent.or(() -> datadogAgent));
    }

    /**
     * Fills an {@link Overrides} from a catalog line's lambdas: each option overrides what was set before it, as
     * {@link #overriddenBy} does.
     */
    public static final class Builder {
        private Optional<Fargate.TaskSize> size = Optional.empty();
        private Counts counts = Counts.ENVIRONMENTS;
        private Optional<Integer> logRetentionDays = Optional.empty();
        private Https https = Https.NONE;
        private Alerts alerts = Alerts.NONE;
        private Optional<Boolean> datadogAgent = Optional.empty();
        private final List<String> nulls = new ArrayList<>();

        /** Fargate task size, e.g. {@code Fargate.cpu(512).memoryMiB(1024)} (a pair AWS offers). */
        public Builder size(Fargate.TaskSize size) {
            if (notNull("size", size)) {
                this.size = Optional.of(size);
            }
            return this;
        }

        /** Task counts by name, e.g. {@code c -> c.min(2).desired(3).max(12)}; counts left out are the environment's. */
        public Builder counts(UnaryOperator<Counts> counts) {
            Counts given = notNull("counts", counts) ? counts.apply(Counts.ENVIRONMENTS) : null;
            if (notNull("counts", given)) {
                this.counts = this.counts.overriddenBy(given);
            }
            return this;
        }

        /** Days CloudWatch Logs keeps the service's logs, one of the values AWS offers. Default: the environment's. */
        public Builder logRetentionDays(int days) {
            this.logRetentionDays = Optional.of(days);
            return this;
        }

        /** An ACM certificate for the web service's HTTPS listener. */
        public Builder certificateArn(String arn) {
            if (notNull("certificateArn", arn)) {
                https(new Https(Optional.of(arn), Optional.empty()));
            }
            return this;
        }

        /**
         * The Datadog handle this service's warnings and causes notify instead of the environment's, e.g.
         * {@code @slack-team}; it must not page.
         */
        public Builder notify(String handle) {
            if (notNull("notify", handle)) {
                alerts(new Alerts(Optional.of(handle), Optional.empty(), Optional.empty(), Map.of()));
            }
            return this;
        }

        /** The Datadog handle this service's symptoms page instead of the environment's, e.g. {@code @pagerduty-team}. */
        public Builder page(String handle) {
            if (notNull("page", handle)) {
                alerts(new Alerts(Optional.empty(), Optional.of(handle), Optional.empty(), Map.of()));
            }
            return this;
        }

        /**
         * A web service's availability objective instead of the environment's: the percentage of requests
         * answered without a 5xx over a window of {@code 7d}, {@code 30d} or {@code 90d}.
         */
        public Builder slo(double targetPercent, String window) {
            if (notNull("slo", window)) {
                alerts(new Alerts(Optional.empty(), Optional.empty(), Optional.of(SloTarget.of(targetPercent, window)),
                        Map.of()));
            }
            return this;
        }

        /**
         * Lets an internet-facing web service serve plain HTTP where the environment requires HTTPS (prod):
         * a deliberate choice, e.g. until the account's certificate is configured.
         */
        public Builder allowPlainHttp() {
            https(new Https(Optional.empty(), Optional.of(true)));
            return this;
        }

        /**
         * Runs the environment's Datadog Agent beside the service's tasks ({@code true}) or not ({@code false}),
         * whatever the environment's {@code everyService} says. An environment without {@code datadogAgent} in
         * cdktf.json has no Agent to run: asking for it there is an error.
         */
        public Builder datadogAgent(boolean run) {
            this.datadogAgent = Optional.of(run);
            return this;
        }

        /** Replaces the environment's thresholds for one monitor. */
        public Builder monitor(MonitorKind kind, Thresholds thresholds) {
            if (notNull("monitor", kind) && notNull("monitor " + kind.key(), thresholds)
                    && notNull("monitor " + kind.key() + ".critical", thresholds.critical())) {
                alerts(new Alerts(Optional.empty(), Optional.empty(), Optional.empty(),
                        Map.of(kind, Optional.of(thresholds))));
            }
            return this;
        }

        /** Switches one monitor off. */
        public Builder withoutMonitor(MonitorKind kind) {
            if (notNull("withoutMonitor", kind)) {
                alerts(new Alerts(Optional.empty(), Optional.empty(), Optional.empty(),
                        Map.of(kind, Optional.empty())));
            }
            return this;
        }

        /** The options given a null, for validation to report. */
        List<String> nulls() {
            return List.copyOf(nulls);
        }

        public Overrides build() {
            return new Overrides(size, counts, logRetentionDays, https, alerts, datadogAgent);
        }

        private void https(Https given) {
            https = https.overriddenBy(given);
        }

        private void alerts(Alerts given) {
            alerts = alerts.overriddenBy(given);
        }

        private boolean notNull(String option, Object value) {
            if (value == null) {
                nulls.add(option);
            }
            return value != null;
        }
    }
}
