package dev.servicekit.alerting;

import dev.servicekit.terraform.Condition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the monitors and dashboard of one service need to know about it. Built with {@link #builder}.
 *
 * @param environment  e.g. {@code prod}
 * @param name         the service
 * @param owner        the owning team
 * @param managedBy    the {@code managed-by} tag's value
 * @param region       the AWS region, for console links
 * @param logGroup     the CloudWatch log group, for console links
 * @param runbookUrl   linked from every message, when given; default none
 * @param maxReceiveCount receives before a message is dead-lettered; empty without a queue
 * @param deadLetterKeptSeconds how long a dead letter is surely kept, counted from its arrival in the dead-letter
 *                     queue (the age Datadog's metric reports); empty without a queue
 * @param thresholds   the monitors that are on, with their thresholds
 * @param signals      the service's metric queries
 * @param alerting     where and how urgently to notify, the SLO, the synthetics settings
 * @param endpoint     what Datadog calls from outside; empty unless the service may be internet-facing
 */
public record MonitoredService(String environment, String name, String owner, String managedBy, String region,
                               String logGroup, Optional<String> runbookUrl, Optional<Integer> maxReceiveCount,
                               Optional<Number> deadLetterKeptSeconds, Map<MonitorKind, Thresholds> thresholds,
                               Signals signals, Alerting alerting, Optional<Endpoint> endpoint) {

    /**
     * A URL Datadog's synthetics tests call.
     *
     * @param exists        whether the service is internet-facing (a module decides it at plan)
     * @param allowInsecure true when the URL's host is the load balancer's own DNS name while its listener
     *                      serves the service's certificate, which does not name that host
     */
    public record Endpoint(String url, Condition allowInsecure, Condition exists) {}

    public MonitoredService {
        java.util.EnumMap<MonitorKind, Thresholds> ordered = new java.util.EnumMap<>(MonitorKind.class);
        ordered.putAll(thresholds);
        thresholds = java.util.Collections.unmodifiableMap(ordered);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tag that carries the owning team on every monitor, SLO and test, as on every AWS resource: {@code owner:<team>}. */
    public static final String OWNER_TAG = "owner:";

    /** The monitor and dashboard title prefix, e.g. {@code [prod] auth}. */
    public String title() {
        return "[" + environment + "] " + name;
    }

    /**
     * The tags on every monitor, SLO and test: Datadog's reserved {@code env}, and servicekit's
     * {@code environment}, {@code service}, {@code owner}, {@code managed-by}.
     */
    public List<String> tags() {
        return List.of("service:" + name, "env:" + environment, "environment:" + environment, OWNER_TAG + owner,
                "managed-by:" + managedBy);
    }

    /** The service's log group in the AWS console. */
    public String logsUrl() {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + logGroup.replace("/", "$252F");
    }

    /** Collects the values of a {@link MonitoredService}; optional ones default to empty. */
    public static final class Builder {
        private String environment;
        private String name;
        private String owner;
        private String managedBy;
        private String region;
        private String logGroup;
        private Optional<String> runbookUrl = Optional.empty();
        private Optional<Integer> maxReceiveCount = Optional.empty();
        private Optional<Number> deadLetterKeptSeconds = Optional.empty();
        private Map<MonitorKind, Thresholds> thresholds = Map.of();
        private Signals signals;
        private Alerting alerting;
        private Optional<Endpoint> endpoint = Optional.empty();

        private Builder() {}

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder owner(String value) {
            owner = value;
            return this;
        }

        public Builder managedBy(String value) {
            managedBy = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder logGroup(String value) {
            logGroup = value;
            return this;
        }

        public Builder runbookUrl(Optional<String> value) {
            runbookUrl = value;
            return this;
        }

        /**
         * The queue's dead-lettering: receives before a message moves, and both queues' retention. SQS expires a
         * dead letter by the time it was first sent, while the age Datadog reports counts from its arrival in the
         * dead-letter queue (AWS: "Using dead-letter queues in Amazon SQS"): one that spent the queue's whole
         * retention there before failing is gone once its age reaches the difference.
         */
        public Builder deadLettering(int maxReceives, int retentionSeconds, int deadLetterRetentionSeconds) {
            maxReceiveCount = Optional.of(maxReceives);
            // Equal retentions (both at SQS's maximum, say) guarantee nothing: the dead-letter retention is the measure.
            int kept = deadLetterRetentionSeconds - retentionSeconds;
            deadLetterKeptSeconds = Optional.of(kept > 0 ? kept : deadLetterRetentionSeconds);
            return this;
        }

        public Builder thresholds(Map<MonitorKind, Thresholds> value) {
            thresholds = value;
            return this;
        }

        public Builder signals(Signals value) {
            signals = value;
            return this;
        }

        public Builder alerting(Alerting value) {
            alerting = value;
            return this;
        }

        public Builder endpoint(Optional<Endpoint> value) {
            endpoint = value;
            return this;
        }

        public MonitoredService build() {
            return new MonitoredService(Objects.requireNonNull(environment, "environment"),
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(owner, "owner"),
                    Objects.requireNonNull(managedBy, "managedBy"), Objects.requireNonNull(region, "region"),
                    Objects.requireNonNull(logGroup, "logGroup"), runbookUrl, maxReceiveCount,
                    deadLetterKeptSeconds, thresholds, Objects.requireNonNull(signals, "signals"),
                    Objects.requireNonNull(alerting, "alerting"), endpoint);
        }
    }
}
