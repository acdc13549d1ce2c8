package dev.servicekit.alerting;

import dev.servicekit.terraform.Condition;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the monitors and dashboard of one service need to know about it.
 *
 * @param environment  e.g. {@code prod}
 * @param name         the service
 * @param owner        the owning team
 * @param managedBy    the {@code managed-by} tag's value
 * @param region       the AWS region, for console links
 * @param logGroup     the CloudWatch log group, for console links
 * @param runbookUrl   linked from every message, when given; default none
 * @param queue        the service's queue, as its monitors need it; empty without a queue
 * @param thresholds   the monitors that are on, with their thresholds
 * @param signals      the service's metric queries
 * @param alerting     where and how urgently to notify, the SLO, the synthetics settings
 * @param endpoint     what Datadog calls from outside; empty unless the service may be internet-facing
 */
public record MonitoredService(String environment, String name, String owner, String managedBy, String region,
                               String logGroup, Optional<String> runbookUrl, Optional<Queue> queue,
                               Map<MonitorKind, Thresholds> thresholds, Signals signals, Alerting alerting,
                               Optional<Endpoint> endpoint) {

    /**
     * A URL Datadog's synthetics tests call.
     *
     * @param exists        whether the service is internet-facing (a module decides it at plan)
     * @param allowInsecure true when the URL's host is the load balancer's own DNS name while its listener
     *                      serves the service's certificate, which does not name that host
     */
    public record Endpoint(String url, Condition allowInsecure, Condition exists) {}

    /**
     * The service's queue as its monitors need it.
     *
     * @param retentionSeconds           how long SQS keeps a message before deleting it unread
     * @param maxReceiveCount            receives before a message moves to the dead-letter queue
     * @param deadLetterRetentionSeconds how long the dead-letter queue keeps a message, from its first send
     */
    public record Queue(int retentionSeconds, int maxReceiveCount, int deadLetterRetentionSeconds) {
        /**
         * How long a dead letter is surely kept, counted from its arrival in the dead-letter queue (the age
         * Datadog's metric reports). SQS expires a dead letter by the time it was first sent (AWS: "Using
         * dead-letter queues in Amazon SQS"): one that spent the queue's whole retention there before failing is
         * gone once its age reaches the difference. Equal retentions (both at SQS's maximum, say) guarantee
         * nothing: the dead-letter retention is the measure then.
         */
        public int deadLetterKeptSeconds() {
            int kept = deadLetterRetentionSeconds - retentionSeconds;
            return kept > 0 ? kept : deadLetterRetentionSeconds;
        }
    }

    public MonitoredService {
        java.util.EnumMap<MonitorKind, Thresholds> ordered = new java.util.EnumMap<>(MonitorKind.class);
        ordered.putAll(thresholds);
        thresholds = java.util.Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(alerting, "alerting");
    }

    /**
     * The queue, for a monitor kind that needs one ({@link MonitorKind.Needs#QUEUE}): a service without one never
     * gets such a kind, and if it did, this says which and where.
     */
    public Queue queue(MonitorKind kind) {
        return queue.orElseThrow(() -> new IllegalStateException(kind.key() + " watches a queue, and " + title()
                + " has none: its needs() must say QUEUE"));
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
}
