package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Committed snapshots of the synthesized stacks ({@code stacks/<env>.tf.json}, or {@code stacks/<env>/<stack>.tf.json}
 * for an environment split into several) and their comparison with
 * a new synthesis. Updating them is an explicit act ({@value #UPDATE_VARIABLE}=1, or the system property
 * {@value #UPDATE_PROPERTY}=true), refused under {@code CI=true}.
 */
public final class Snapshots {
    /** Set to 1 to rewrite the snapshots instead of comparing. */
    public static final String UPDATE_VARIABLE = "SERVICEKIT_UPDATE_SNAPSHOTS";
    /** Set to true to rewrite the snapshots instead of comparing, e.g. {@code mvn test -Dservicekit.updateSnapshots=true}. */
    public static final String UPDATE_PROPERTY = "servicekit.updateSnapshots";
    /** How to update them: the npm script a servicekit repository has, and what it does. */
    public static final String UPDATE_COMMAND = "npm run update-snapshots (it runs the tests with " + UPDATE_VARIABLE
            + "=1; -D" + UPDATE_PROPERTY + "=true does the same from Maven)";

    private final Path directory;

    public Snapshots(Path directory) {
        this.directory = directory;
    }

    /**
     * A stack's snapshot: {@code stacks/<env>.tf.json} for an environment's one stack (the default layout, as
     * before layouts existed), {@code stacks/<env>/<stack>.tf.json} for the stacks of a split environment
     * ({@code stacks/prod/prod-auth.tf.json}). Environment names have no hyphen, and split stacks' names always
     * do: the name alone says which.
     */
    public Path file(String stack) {
        int hyphen = stack.indexOf('-');
        return hyphen < 0 ? directory.resolve(stack + ".tf.json")
                : directory.resolve(stack.substring(0, hyphen)).resolve(stack + ".tf.json");
    }

    /** The stack whose snapshot {@code file} is, when it is one: its name without {@code .tf.json}. */
    public static Optional<String> stackOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tf.json") ? Optional.of(name.substring(0, name.length() - ".tf.json".length()))
                : Optional.empty();
    }

    /** Every committed snapshot, by stack name: {@code stacks/*.tf.json} and {@code stacks/<env>/*.tf.json}. */
    public java.util.Map<String, Path> committed() throws IOException {
        java.util.Map<String, Path> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (java.util.stream.Stream<Path> tree = Files.walk(directory, 2)) {
            for (Path file : tree.filter(Files::isRegularFile).toList()) {
                stackOf(file).filter(stack -> file(stack).equals(file)).ifPresent(stack -> files.put(stack, file));
            }
        }
        return files;
    }

    /** True when the environment asks for an update; throws when it does so under CI. */
    public static boolean updateRequested(java.util.Map<String, String> environment) {
        return updateRequested(environment, new java.util.Properties());
    }

    /** True when the environment variable or the system property asks for an update; throws when under CI. */
    public static boolean updateRequested(java.util.Map<String, String> environment, java.util.Properties properties) {
        boolean requested = "1".equals(environment.get(UPDATE_VARIABLE))
                || "true".equals(properties.getProperty(UPDATE_PROPERTY));
        if (requested && "true".equals(environment.get("CI"))) {
            throw new IllegalStateException(UPDATE_VARIABLE + " is refused under CI=true: snapshots are updated "
                    + "on a developer's machine and reviewed in the pull request");
        }
        return requested;
    }

    public void write(String stack, JsonNode json) throws IOException {
        Files.createDirectories(file(stack).getParent());
        Files.writeString(file(stack), StackJson.render(json));
    }

    /**
     * Compares a new synthesis with the committed snapshot: empty when they match; otherwise how they differ,
     * what would be destroyed first.
     *
     * @param services the services in the catalog, to tell a wanted removal from a lost resource
     */
    public Optional<Difference> compare(String environment, JsonNode synthesized, Set<String> services) throws IOException {
        Path file = file(environment);
        JsonNode before = Files.exists(file) ? StackJson.parse(Files.readString(file)) : StackJson.parse("{}");
        if (Files.exists(file) && Files.readString(file).equals(StackJson.render(synthesized))) {
            return Optional.empty();
        }
        Set<String> owners = new java.util.HashSet<>(services);
        // A removed line's blocks still carry its name in their tags.
        StackJson.blockNodes(before).values().forEach(block -> {
            JsonNode service = block.path("tags").path("service");
            if (service.isTextual()) {
                owners.add(service.asText());
            }
        });
        List<String> warnings = Files.exists(file) ? ReplacementCheck.findings(environment, before, synthesized, services)
                : List.of();
        return Optional.of(new Difference(environment, file, Files.exists(file), warnings, StackDiff.changes(before, synthesized),
                StackDiff.of(before, synthesized), owners));
    }
}
