package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Committed snapshots of the synthesized stacks ({@code stacks/<env>.tf.json}) and their comparison with
 * a new synthesis. Updating them is an explicit act ({@value #UPDATE_VARIABLE}=1), refused under
 * {@code CI=true}.
 */
public final class Snapshots {
    /** Set to 1 to rewrite the snapshots instead of comparing. */
    public static final String UPDATE_VARIABLE = "SERVICEKIT_UPDATE_SNAPSHOTS";
    /** The one command that updates the snapshots. */
    public static final String UPDATE_COMMAND = "npm run update-snapshots";

    private final Path directory;

    public Snapshots(Path directory) {
        this.directory = directory;
    }

    public Path file(String environment) {
        return directory.resolve(environment + ".tf.json");
    }

    /** True when the environment asks for an update; throws when it does so under CI. */
    public static boolean updateRequested(java.util.Map<String, String> environment) {
        boolean requested = "1".equals(environment.get(UPDATE_VARIABLE));
        if (requested && "true".equals(environment.get("CI"))) {
            throw new IllegalStateException(UPDATE_VARIABLE + " is refused under CI=true: snapshots are updated "
                    + "on a developer's machine and reviewed in the pull request");
        }
        return requested;
    }

    public void write(String environment, JsonNode stack) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(file(environment), StackJson.render(stack));
    }

    /**
     * Compares a new synthesis with the committed snapshot. Empty when they match; otherwise a readable
     * failure: what would be destroyed, the diff by address, and the command that updates the snapshot.
     *
     * @param services the services in the catalog, to tell a wanted removal from a lost resource
     */
    public Optional<String> compare(String environment, JsonNode synthesized, Set<String> services) throws IOException {
        Path file = file(environment);
        if (!Files.exists(file)) {
            return Optional.of("No snapshot " + file + " yet. Create it with: " + UPDATE_COMMAND);
        }
        String committed = Files.readString(file);
        JsonNode before = StackJson.parse(committed);
        String diff = StackDiff.of(before, synthesized);
        if (diff.isEmpty() && committed.equals(StackJson.render(synthesized))) {
            return Optional.empty();
        }
        StringBuilder failure = new StringBuilder(environment + ": the synthesized stack differs from " + file + "\n");
        List<String> replacements = ReplacementCheck.findings(environment, before, synthesized, services);
        if (!replacements.isEmpty()) {
            failure.append("\nWARNING, stateful resources would be destroyed or replaced:\n");
            replacements.forEach(r -> failure.append("  ").append(r).append('\n'));
        }
        failure.append('\n').append(diff.isEmpty() ? "(only the formatting differs)\n" : diff);
        failure.append("\nIf this change is intended, update the snapshots with: ").append(UPDATE_COMMAND)
                .append("\nand say in the commit message why each change is intended.\n");
        return Optional.of(failure.toString());
    }
}
