package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds, between the committed snapshot and a new synthesis, the stateful resources that Terraform would
 * destroy and recreate although their service is still in the catalog: their address moved or vanished,
 * or an attribute that forces replacement changed. Each finding says, in words, what would be lost.
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
     * @param services    the services still in the catalog
     */
    public static List<String> findings(String environment, JsonNode before, JsonNode after, Set<String> services) {
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, Stateful> type : STATEFUL.entrySet()) {
            JsonNode old = before.path("resource").path(type.getKey());
            JsonNode now = after.path("resource").path(type.getKey());
            old.fieldNames().forEachRemaining(name -> {
                String address = type.getKey() + "." + name;
                String service = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
                if (!services.contains(service)) {
                    return;
                }
                if (!now.has(name)) {
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
        findings.sort(String::compareTo);
        return findings;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "unset" : node.toString();
    }
}
