package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** A stateful resource type: the attributes whose change forces replacement, and what is lost then. */
    record Stateful(List<String> forcesReplacement, String loss) {}

    static final Map<String, Stateful> STATEFUL = Map.of(
            "aws_sqs_queue", new Stateful(List.of("name", "fifo_queue"), "its messages would be lost"),
            "aws_cloudwatch_log_group", new Stateful(List.of("name"), "its logs would be lost"),
            "aws_lb", new Stateful(List.of("name", "internal", "load_balancer_type"),
                    "its DNS name would change under its clients"),
            "aws_lb_target_group", new Stateful(List.of("name", "port", "protocol", "target_type", "vpc_id"),
                    "its registered tasks would be dropped and the service would be unreachable until it recovers"));

    private ReplacementCheck() {}

    /**
     * @param environment the stack's name, for the messages
     * @param services    the services still active in the catalog (neither removed nor retired)
     */
    public static List<String> findings(String environment, JsonNode before, JsonNode after, Set<String> services) {
        List<String> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, Stateful> type : STATEFUL.entrySet()) {
            JsonNode old = before.path("resource").path(type.getKey());
            JsonNode now = after.path("resource").path(type.getKey());
            old.fieldNames().forEachRemaining(name -> {
                String address = type.getKey() + "." + name;
                String service = serviceOf(name);
                if (!services.contains(service)) {
                    return;
                }
                if (!now.has(name)) {
                    reported.add(address);
                    findings.add(environment + ": " + address + " would be destroyed and recreated; "
                            + type.getValue().loss() + " (its address changed or vanished while " + service
                            + " is still in the catalog)");
                    return;
                }
                for (String attribute : type.getValue().forcesReplacement()) {
                    JsonNode was = old.path(name).path(attribute);
                    JsonNode is = now.path(name).path(attribute);
                    if (!Objects.equals(was, is)) {
                        findings.add(environment + ": " + address + " would be destroyed and recreated; "
                                + type.getValue().loss() + " (" + attribute + ": " + text(was) + " -> " + text(is) + ")");
                    }
                }
            });
        }
        Set<String> released = released(after);
        before.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(block -> {
            String address = type.getKey() + "." + block.getKey();
            boolean gone = after.path("resource").path(type.getKey()).path(block.getKey()).isMissingNode();
            if (gone && isProtected(block.getValue()) && !released.contains(address) && !reported.contains(address)) {
                Stateful stateful = STATEFUL.get(type.getKey());
                String service = serviceOf(block.getKey());
                findings.add(environment + ": " + address + " would be destroyed; "
                        + (stateful == null ? "what it holds would be lost" : stateful.loss())
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
