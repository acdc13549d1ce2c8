package dev.servicekit.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one stack differs from its committed snapshot, as a reviewer reads it: first what would be lost (every
 * stateful resource destroyed or replaced), then one line of counts, then the blocks, a service's together;
 * the whole diff goes to a file.
 *
 * @param stack    the stack's name (an environment's)
 * @param file     its snapshot
 * @param committed false when there is no snapshot yet
 * @param warnings the stateful resources that would be destroyed or replaced, in words
 * @param changes  every block that differs
 * @param diff     the whole diff, block by block
 * @param owners   the names that may own a block: the catalog's services and those the old snapshot tags
 */
public record Difference(String stack, Path file, boolean committed, List<String> warnings, List<StackDiff.Change> changes, String diff,
                         Set<String> owners) {
    /** A service whose blocks are this many or fewer is listed block by block; a larger one in one line. */
    static final int LISTED_PER_SERVICE = 3;
    /** How many changed keys a changed block shows. */
    static final int KEYS_SHOWN = 3;

    public Difference {
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
        owners = Set.copyOf(owners);
    }

    public long count(StackDiff.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }

    /** {@code prod: 45 added, 2 changed, 0 removed (stacks/prod.tf.json)} */
    public String summary() {
        return stack + ": " + count(StackDiff.Kind.ADDED) + " added, " + count(StackDiff.Kind.CHANGED) + " changed, "
                + count(StackDiff.Kind.REMOVED) + " removed (" + file + (committed ? "" : ", not committed yet") + ")";
    }

    /** The warnings, the summary line and the blocks, a service's blocks in one line when they are many. */
    public String brief() {
        StringBuilder out = new StringBuilder();
        if (!warnings.isEmpty()) {
            out.append(stack).append(": WARNING, stateful resources would be destroyed or replaced:\n");
            warnings.forEach(warning -> out.append("  ").append(warning).append('\n'));
        }
        out.append(summary()).append('\n');
        if (changes.isEmpty()) {
            out.append("  (only the formatting differs)\n");
        }
        for (StackDiff.Kind kind : StackDiff.Kind.values()) {
            Map<String, List<StackDiff.Change>> byOwner = new LinkedHashMap<>();
            changes.stream().filter(change -> change.kind() == kind)
                    .forEach(change -> byOwner.computeIfAbsent(owner(change.address()), o -> new ArrayList<>()).add(change));
            byOwner.forEach((owner, blocks) -> {
                if (owner.isEmpty() || blocks.size() <= LISTED_PER_SERVICE) {
                    blocks.forEach(block -> out.append("  ").append(line(block)).append('\n'));
                } else {
                    out.append("  ").append(kind.sign()).append(' ').append(owner).append(": ").append(blocks.size())
                            .append(" blocks ").append(kind.word()).append(" (").append(kinds(blocks)).append(")\n");
                }
            });
        }
        return out.toString();
    }

    private static String line(StackDiff.Change change) {
        String keys = change.changedKeys().isEmpty() ? "" : ": " + change.changedKeys().stream().limit(KEYS_SHOWN)
                .collect(Collectors.joining(", ")) + (change.changedKeys().size() > KEYS_SHOWN
                ? " and " + (change.changedKeys().size() - KEYS_SHOWN) + " more" : "");
        return change.kind().sign() + " " + change.address() + keys;
    }

    /** {@code 31 resources, 5 outputs}: what a service's blocks are, resources first. */
    private static String kinds(List<StackDiff.Change> blocks) {
        Map<String, Long> bySection = new LinkedHashMap<>();
        for (String section : List.of("resource", "data", "output")) {
            long count = blocks.stream().filter(change -> change.address().startsWith(section + ".")).count();
            if (count > 0) {
                bySection.put(switch (section) {
                    case "resource" -> "resources";
                    case "data" -> "data sources";
                    default -> "outputs";
                }, count);
            }
        }
        long others = blocks.size() - bySection.values().stream().mapToLong(Long::longValue).sum();
        if (others > 0) {
            bySection.put("other blocks", others);
        }
        return bySection.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /**
     * The service a block belongs to: its name (after the type) starts with {@code <service>_}. The longest owner
     * wins ({@code api-admin} before {@code api}); empty for the environment's own blocks.
     */
    String owner(String address) {
        String name = address.substring(address.lastIndexOf('.') + 1);
        return owners.stream().filter(owner -> name.startsWith(owner + "_") || name.equals(owner))
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }
}
