package dev.servicekit.assembly;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may assume a role servicekit writes: an AWS service, and the conditions that keep another account's use
 * of that service from assuming it (the confused deputy): {@code aws:SourceAccount}, and {@code aws:SourceArn}
 * where the service sets it. Every role servicekit writes gets its trust from here.
 *
 * @param service   the service principal, e.g. {@code scheduler.amazonaws.com}
 * @param condition the trust statement's condition; empty only where {@link #unconditioned} says why
 */
public record Trust(String service, Optional<Map<String, Object>> condition) {
    /**
     * Only requests {@code service} makes for {@code accountId} (which may be a Terraform reference): the
     * {@code aws:SourceAccount} condition.
     */
    public static Trust fromAccount(String service, String accountId) {
        return new Trust(service, Optional.of(Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))));
    }

    /**
     * Only requests {@code service} makes for {@code accountId} on behalf of a resource matching
     * {@code sourceArnPattern} ({@code ArnLike}: {@code *} matches within a segment).
     */
    public static Trust fromAccountAndSource(String service, String accountId, String sourceArnPattern) {
        return new Trust(service, Optional.of(new TreeMap<>(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", accountId),
                "ArnLike", Map.of("aws:SourceArn", sourceArnPattern)))));
    }

    /**
     * No condition, for a service AWS does not document to set the condition keys (a condition on a key that is
     * absent denies). {@code why} is for the reader of the call: say where AWS leaves it out.
     */
    public static Trust unconditioned(String service, String why) {
        if (why.isBlank()) {
            throw new IllegalArgumentException("an unconditioned trust of " + service + " needs its reason");
        }
        return new Trust(service, Optional.empty());
    }

    /** The trust policy's statement. */
    public Map<String, Object> statement() {
        return PolicyDocument.trust(service, condition);
    }
}
