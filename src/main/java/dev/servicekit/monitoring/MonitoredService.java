package dev.servicekit.monitoring;

import dev.servicekit.catalog.Catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the monitors and dashboard of one service need to know about it.
 *
 * @param environment  e.g. {@code prod}
 * @param name         the service
 * @param owner        the owning team
 * @param region       the AWS region, for console links
 * @param logGroup     the CloudWatch log group, for console links
 * @param runbookUrl   linked from every message, when given
 * @param maxReceiveCount receives before a message is dead-lettered, for the dead-letter message
 * @param deadLetterRetentionSeconds how long the dead-letter queue keeps a message; empty without a queue
 * @param thresholds   the monitors that are on, with their thresholds
 * @param signals      the service's metric queries
 * @param alerting     where and how urgently to notify, the SLO, the synthetics settings
 * @param endpoint     what Datadog calls from outside; empty unless the service is internet-facing
 */
public record MonitoredService(String environment, String name, String owner, String region, String logGroup,
                               Optional<String> runbookUrl, Optional<Integer> maxReceiveCount,
                               Optional<Number> deadLetterRetentionSeconds, Map<MonitorKind, Thresholds> thresholds,
                               Signals signals, Alerting alerting, Optional<Endpoint> endpoint) {

    /**
     * A URL Datadog's synthetics tests call.
     *
     * @param allowInsecure true when the URL's host is the load balancer's own DNS name while its listener
     *                      serves the service's certificate, which does not name that host
     */
    public record Endpoint(String url, boolean allowInsecure) {}

    /** The monitor and dashboard title prefix, e.g. {@code [prod] auth}. */
    public String title() {
        return "[" + environment + "] " + name;
    }

    /**
     * The tags on every monitor, SLO and test: Datadog's reserved {@code env}, and servicekit's
     * {@code environment}, {@code service}, {@code team}, {@code managed-by}.
     */
    public List<String> tags() {
        return List.of("service:" + name, "env:" + environment, "environment:" + environment, "team:" + owner,
                "managed-by:" + Catalog.MANAGED_BY);
    }

    /** The service's log group in the AWS console. */
    public String logsUrl() {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + logGroup.replace("/", "$252F");
    }
}
