package dev.servicekit.datadog;

import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.Builder;

/**
 * A {@code datadog_synthetics_test} of type {@code api}, subtype {@code http}: a GET from Datadog's
 * locations that must answer below 400. Datadog creates a monitor for it, configured here.
 */
public final class DatadogSyntheticsTest {
    public static final String TYPE = "datadog_synthetics_test";

    /**
     * @param locations           Datadog managed locations, or an expression of a list of them
     * @param url                 the URL to GET
     * @param allowInsecure       accept a certificate that does not match the URL's host (a load balancer's
     *                            DNS name serves the service's own certificate)
     * @param tickEvery           seconds between runs
     * @param minFailureDuration  seconds a location must fail before it counts
     * @param minLocationFailed   locations that must fail for the test to alert
     * @param retryIntervalMillis one retry, this long after a failure, before a run counts as failed
     * @param renotifyMinutes     minutes between reminders while it alerts; 0 for none
     */
    @Builder(builderClassName = "Builder")
    public record Definition(String name, String message, List<String> tags, List<String> locations, String url,
                             Condition allowInsecure, Number tickEvery, int minFailureDuration,
                             Number minLocationFailed, Number priority, int retryIntervalMillis, int renotifyMinutes) {
        public Definition {
            java.util.Objects.requireNonNull(name, "name");
            tags = List.copyOf(tags);
        }

        /**
         * Builds a {@link Definition}; every value is required. Lombok generates a setter per component, named
         * after it, and {@code build()}; those below set values that go together.
         */
        public static final class Builder {
            public Builder url(String value, Condition allowInsecureCertificate) {
                url = value;
                allowInsecure = allowInsecureCertificate;
                return this;
            }

            /** Every {@code seconds}; a location fails after {@code failureSeconds}, one retry after {@code retryMillis}. */
            public Builder timing(Number seconds, int failureSeconds, int retryMillis) {
                tickEvery = seconds;
                minFailureDuration = failureSeconds;
                retryIntervalMillis = retryMillis;
                return this;
            }
        }
    }

    private DatadogSyntheticsTest() {}

    public static Block block(String name, Definition definition) {
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("name", definition.name());
        attributes.put("type", "api");
        attributes.put("subtype", "http");
        attributes.put("status", "live");
        attributes.put("message", definition.message());
        attributes.put("tags", definition.tags());
        attributes.put("locations", definition.locations());
        attributes.put("request_definition", new TreeMap<>(Map.of("method", "GET", "url", definition.url(),
                "timeout", 30)));
        attributes.put("assertion", List.of(new TreeMap<>(Map.of("type", "statusCode", "operator", "lessThan",
                "target", "400"))));
        Map<String, Object> options = new TreeMap<>();
        options.put("tick_every", definition.tickEvery());
        options.put("min_failure_duration", definition.minFailureDuration());
        options.put("min_location_failed", definition.minLocationFailed());
        options.put("monitor_priority", definition.priority());
        options.put("follow_redirects", true);
        options.put("allow_insecure", definition.allowInsecure());
        options.put("retry", new TreeMap<>(Map.of("count", 1, "interval", definition.retryIntervalMillis())));
        options.put("monitor_options", Map.of("renotify_interval", definition.renotifyMinutes()));
        attributes.put("options_list", options);
        return Block.resource(TYPE, name, attributes);
    }
}
