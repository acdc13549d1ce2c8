package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds, between the committed snapshot and a new synthesis, the stateful resources that Terraform would
 * destroy or replace: those it would replace although their service is still in the catalog (their address
 * moved or vanished, or an attribute that forces replacement changed; a security group or target group is
 * named too, with whether its replacement is created before the old one goes), those that were protected
 * from destruction and whose block is gone, for {@code prevent_destroy} and deletion protection guard a
 * resource only while its block is in the configuration, and a service that looks renamed without
 * {@code .renamedFrom}. A block released with a Terraform {@code removed} block ({@code destroy = false}) is
 * kept by AWS, and one moved with a {@code moved} block keeps its object: neither is reported. Each finding
 * says, in words, what would be lost and what to do.
 */
public final class ReplacementCheck {

    /**
     * What a block's part said about it in its metadata ({@code //.metadata.stateful}, see
     * {@code dev.servicekit.terraform.Stateful}): what replacing it loses and which attributes force that.
     */
    record Stateful(List<String> forcesReplacement, String loss) {
        static Optional<Stateful> of(JsonNode block) {
            JsonNode stateful = block.path("//").path("metadata").path("stateful");
            if (stateful.isMissingNode()) {
                return Optional.empty();
            }
            List<String> attributes = new ArrayList<>();
            stateful.path("forcesReplacement").forEach(a -> attributes.add(a.asText()));
            return Optional.of(new Stateful(attributes, stateful.path("loss").asText()));
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
        Map<String, String> moves = moves(after);
        Map<String, String> renames = plainRenames(before, after, services, moves);
        Map<String, Set<String>> renamedAway = new TreeMap<>();
        before.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(block -> {
            String address = type.getKey() + "." + block.getKey();
            String target = moves.getOrDefault(address, address);
            JsonNode now = resource(after, target);
            Optional<Stateful> stateful = Stateful.of(block.getValue()).or(() -> Stateful.of(now));
            String service = serviceOf(block.getKey());
            if (renames.containsKey(service) && now.isMissingNode()) {
                if (stateful.isPresent() && !type.getKey().equals("aws_security_group")) {
                    renamedAway.computeIfAbsent(service, s -> new TreeSet<>()).add(address);
                }
                return;
            }
            if (stateful.isPresent() && services.contains(serviceOf(target.substring(target.indexOf('.') + 1)))) {
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
                            findings.add(environment + ": " + address + replaced(now) + stateful.get().loss()
                                    + " (" + attribute + ": " + text(was) + " -> " + text(is) + ")");
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
        renames.forEach((old, renamed) -> findings.add(environment + ": " + old + " looks renamed to " + renamed
                + ": its " + String.join(", ", renamedAway.getOrDefault(old, Set.of())) + " would be destroyed and "
                + renamed + "'s created anew, empty. If it was renamed, add .renamedFrom(\"" + old + "\") to "
                + renamed + "'s line: moved blocks keep them and their AWS names. If " + old + " was removed and "
                + renamed + " is new, this is what removing does (where data is protected, retire a service first)"));
        findings.sort(String::compareTo);
        return findings;
    }

    /** How Terraform replaces a block: the new one first where it may (create_before_destroy). */
    private static String replaced(JsonNode block) {
        return block.path("lifecycle").path("create_before_destroy").asBoolean(false)
                ? " would be replaced, the new one created before the old one is destroyed; "
                : " would be destroyed and recreated; ";
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

    /** What {@code moved} blocks move: from address to address. */
    static Map<String, String> moves(JsonNode stack) {
        Map<String, String> moves = new HashMap<>();
        for (JsonNode move : stack.path("moved")) {
            moves.put(move.path("from").asText(), move.path("to").asText());
        }
        return moves;
    }

    /**
     * Services that look renamed without {@code .renamedFrom}: an old service with no block left (and none moved
     * away) whose stateful parts a new service of the catalog, with no block before, has exactly; old name to new.
     */
    private static Map<String, String> plainRenames(JsonNode before, JsonNode after, Set<String> services,
                                                    Map<String, String> moves) {
        Map<String, Set<String>> gone = statefulParts(before);
        Map<String, Set<String>> added = statefulParts(after);
        Set<String> beforeServices = services(before);
        Set<String> afterServices = services(after);
        Set<String> movedAway = new HashSet<>();
        moves.keySet().forEach(from -> movedAway.add(serviceOf(from.substring(from.indexOf('.') + 1))));
        Map<String, String> renames = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> old : gone.entrySet()) {
            if (afterServices.contains(old.getKey()) || services.contains(old.getKey()) || movedAway.contains(old.getKey())
                    || old.getValue().isEmpty()) {
                continue;
            }
            added.entrySet().stream()
                    .filter(candidate -> services.contains(candidate.getKey())
                            && !beforeServices.contains(candidate.getKey())
                            && !renames.containsValue(candidate.getKey())
                            && candidate.getValue().equals(old.getValue()))
                    .findFirst()
                    .ifPresent(candidate -> renames.put(old.getKey(), candidate.getKey()));
        }
        return renames;
    }

    /** By service, its stateful blocks as {@code type.part}. */
    private static Map<String, Set<String>> statefulParts(JsonNode stack) {
        Map<String, Set<String>> parts = new TreeMap<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(block -> {
            if (Stateful.of(block.getValue()).isPresent() && block.getKey().contains("_")) {
                parts.computeIfAbsent(serviceOf(block.getKey()), s -> new TreeSet<>())
                        .add(type.getKey() + "." + block.getKey().substring(block.getKey().indexOf('_') + 1));
            }
        }));
        return parts;
    }

    private static Set<String> services(JsonNode stack) {
        Set<String> services = new HashSet<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> services.add(serviceOf(name))));
        return services;
    }

    private static JsonNode resource(JsonNode stack, String address) {
        int dot = address.indexOf('.');
        return stack.path("resource").path(address.substring(0, dot)).path(address.substring(dot + 1));
    }

    /** Addresses are {@code <service>_<part>}; service names have no underscore. */
    private static String serviceOf(String name) {
        return name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "unset" : node.toString();
    }
}
