package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds, between the committed snapshot and a new synthesis, the stateful resources that Terraform would
 * destroy: those it would destroy and recreate although their service is still in the catalog (their
 * address moved or vanished, or an attribute that forces replacement changed), and those that were
 * protected from destruction and whose block is gone, for {@code prevent_destroy} and deletion protection
 * guard a resource only while its block is in the configuration. A block released with a Terraform
 * {@code removed} block ({@code destroy = false}) is kept by AWS and not reported. Each finding says, in
 * words, what would be lost.
 */
public final class ReplacementCheck {

    /**
     * What a block's part said about it in its metadata ({@code //.metadata.stateful}, see
     * {@code dev.servicekit.terraform.Stateful}): what replacing it loses and which attributes force that.
     */
    record Stateful(List<String> forcesReplacement, String loss) {
        static java.util.Optional<Stateful> of(JsonNode block) {
            JsonNode stateful = block.path("//").path("metadata").path("stateful");
            if (stateful.isMissingNode()) {
                return java.util.Optional.empty();
            }
            List<String> attributes = new ArrayList<>();
            stateful.path("forcesReplacement").forEach(a -> attributes.add(a.asText()));
            return java.util.Optional.of(new Stateful(attributes, stateful.path("loss").asText()));
        }
    }

    private ReplacementCheck() {}

    /**
     * @param environment the stack's name, for the messages
     * @param services    the services still active in the catalog (neither removed nor retired)
     */
    public static List<String> findings(String environment, JsonNode before, JsonNode after, Set<String> services) {
        List<String> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Set<String> released = released(after);
        before.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(block -> {
            String address = type.getKey() + "." + block.getKey();
            JsonNode now = after.path("resource").path(type.getKey()).path(block.getKey());
            java.util.Optional<Stateful> stateful = Stateful.of(block.getValue()).or(() -> Stateful.of(now));
            String service = serviceOf(block.getKey());
            if (stateful.isPresent() && services.contains(service)) {
                if (now.isMissingNode()) {
                    reported.add(address);
                    findings.add(environment + ": " + address + " would be destroyed and recreated; "
                            + stateful.get().loss() + " (its address changed or vanished while " + service
                            + " is still in the catalog)");
                } else {
                    for (String attribute : stateful.get().forcesReplacement()) {
                        JsonNode was = block.getValue().path(attribute);
                        JsonNode is = now.path(attribute);
                        if (!Objects.equals(was, is)) {
                            findings.add(environment + ": " + address + " would be destroyed and recreated; "
                                    + stateful.get().loss() + " (" + attribute + ": " + text(was) + " -> " + text(is) + ")");
                        }
                    }
                }
            }
            if (now.isMissingNode() && isProtected(block.getValue()) && !released.contains(address)
                    && !reported.contains(address)) {
                findings.add(environment + ": " + address + " would be destroyed; "
                        + stateful.map(Stateful::loss).orElse("what it holds would be lost")
                        + " (it was protected, and a protection holds only while the block is in the configuration;"
                        + " to retire " + service + " and keep its data, mark its line .retire() first)");
            }
        }));
        findings.sort(String::compareTo);
        return findings;
    }

    /** A block Terraform would refuse to destroy: {@code prevent_destroy}, or a load balancer's deletion protection. */
    static boolean isProtected(JsonNode block) {
        return block.path("lifecycle").path("prevent_destroy").asBoolean(false)
                || block.path("enable_deletion_protection").asBoolean(false);
    }

    /** The addresses that {@code removed} blocks release without destroying them. */
    private static Set<String> released(JsonNode stack) {
        Set<String> released = new HashSet<>();
        for (JsonNode removed : stack.path("removed")) {
            if (!removed.path("lifecycle").path("destroy").asBoolean(true)) {
                released.add(removed.path("from").asText());
            }
        }
        return released;
    }

    /** Addresses are {@code <service>_<part>}; service names have no underscore. */
    private static String serviceOf(String name) {
        return name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "unset" : node.toString();
    }
}
