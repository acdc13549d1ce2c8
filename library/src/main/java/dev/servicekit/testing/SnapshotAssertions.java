package dev.servicekit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.Servicekit;
import dev.servicekit.app.ProjectSettings;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
import dev.servicekit.snapshot.Difference;
import dev.servicekit.snapshot.ReferenceCheck;
import dev.servicekit.snapshot.Snapshots;
import dev.servicekit.snapshot.StackJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshot testing for a team's own repository: one assertion, from any test framework, that the catalog's
 * synthesized stacks are exactly the committed ones.
 *
 * <pre>{@code
 * @Test
 * void stacksAreTheReviewedOnes() {
 *     SnapshotAssertions.assertMatchesSnapshots(Infrastructure.catalog());
 * }
 * }</pre>
 *
 * It synthesizes every environment of the project's cdktf.json (read from the working directory) and
 * compares each stack with its snapshot: {@code stacks/<env>.tf.json} for an environment in one stack (the
 * default), {@code stacks/<env>/<stack>.tf.json} for the stacks of an environment split per service or owner. A difference fails with the diff grouped by
 * resource address and, first, in words, every stateful resource that would be destroyed or replaced;
 * every reference must resolve, and no snapshot may outlive its environment. With
 * {@value Snapshots#UPDATE_VARIABLE}=1 (or {@code -D}{@value Snapshots#UPDATE_PROPERTY}{@code =true}) it
 * rewrites the snapshots instead; under {@code CI=true} that is refused.
 */
public final class SnapshotAssertions {
    /** Where the snapshots live, relative to the project: {@code stacks/<env>.tf.json}, {@code stacks/<env>/<stack>.tf.json}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("stacks");

    private SnapshotAssertions() {}

    /** The catalog's stacks, in the environments of the working directory's cdktf.json, match {@code stacks/}. */
    public static void assertMatchesSnapshots(Catalog catalog) {
        assertMatchesSnapshots(catalog, DEFAULT_DIRECTORY);
    }

    /**
     * The catalog's stacks match the snapshots in {@code directory}; {@code environments} as for
     * {@link Servicekit#synth(Catalog, Environment...)}.
     */
    public static void assertMatchesSnapshots(Catalog catalog, Path directory, Environment... environments) {
        check(catalog, directory, Snapshots.updateRequested(System.getenv(), System.getProperties()), environments);
    }

    /** Writes the catalog's stacks to {@code directory}, as an update does, whatever the environment says. */
    static void record(Catalog catalog, Path directory) {
        check(catalog, directory, true);
    }

    private static void check(Catalog catalog, Path directory, boolean update, Environment... environments) {
        Path project = Path.of("");
        Path outdir;
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ProjectSettings settings;
        try {
            settings = ProjectSettings.read(project, java.util.Map.of());
            outdir = Files.createTempDirectory("servicekit-snapshots").resolve("cdktf.out");
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        int exit = Servicekit.run(catalog, environments == null ? null : Arrays.asList(environments),
                settings.context(), settings.outputDirectory(), outdir,
                new PrintStream(messages, true, StandardCharsets.UTF_8));
        if (exit != Servicekit.OK) {
            throw new AssertionError(messages.toString(StandardCharsets.UTF_8).strip());
        }
        try {
            compare(catalog, directory, outdir.resolve("stacks"), update);
        } catch (IOException e) {
            throw new AssertionError("cannot read or write the snapshots in " + directory + ": " + e, e);
        }
    }

    private static void compare(Catalog catalog, Path directory, Path stacks, boolean update) throws IOException {
        Snapshots snapshots = new Snapshots(directory);
        List<String> synthesized = inSynthesisOrder(stacks);
        List<String> failures = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        for (String stack : synthesized) {
            JsonNode json = StackJson.parse(Files.readString(stacks.resolve(stack).resolve("cdk.tf.json")));
            ReferenceCheck.problems(json, ReferenceCheck.Providers.CONFIGURED)
                    .forEach(problem -> failures.add(stack + ": broken reference: " + problem));
            if (update) {
                snapshots.write(stack, json);
                System.out.println("Updated " + snapshots.file(stack) + ": review its diff before committing.");
            } else {
                snapshots.compare(stack, json, catalog.activeServiceNames()).ifPresent(differences::add);
            }
        }
        for (var committed : snapshots.committed().entrySet()) {
            String stack = committed.getKey();
            Path file = committed.getValue();
            if (synthesized.contains(stack)) {
                continue;
            }
            if (update) {
                Files.delete(file);
                deleteIfEmpty(file.getParent(), directory);
            } else {
                failures.add(file + ": " + vanished(stack, synthesized) + "; if that is intended, "
                        + Snapshots.UPDATE_COMMAND + " (which deletes it)");
            }
        }
        if (!differences.isEmpty()) {
            failures.add(0, differences(differences));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /** Where the whole diff of a failed comparison goes, relative to the project. */
    public static final Path DIFF_FILE = Path.of("target", "servicekit", "snapshot-diff.txt");

    /**
     * A failure a reviewer reads in a minute: per stack, what would be lost, one line of counts, the blocks (a
     * service's together); the whole diff in {@link #DIFF_FILE}, so that the message (which test runners print
     * twice) stays short.
     */
    private static String differences(List<Difference> differences) throws IOException {
        StringBuilder full = new StringBuilder("The synthesized stacks against their snapshots, block by block; "
                + "JSON-encoded values (dashboards, policies) are shown decoded.\n");
        StringBuilder brief = new StringBuilder("The synthesized stacks differ from their snapshots.\n");
        for (Difference difference : differences) {
            brief.append('\n').append(difference.brief());
            full.append("\n").append(difference.summary()).append("\n\n");
            difference.warnings().forEach(warning -> full.append("WARNING: ").append(warning).append('\n'));
            full.append(difference.diff());
        }
        Files.createDirectories(DIFF_FILE.getParent());
        Files.writeString(DIFF_FILE, full);
        return brief.append("\nThe whole diff, block by block: ").append(DIFF_FILE.toAbsolutePath().normalize())
                .append("\nIf this change is intended: ").append(Snapshots.UPDATE_COMMAND)
                .append(", then read the diff of the snapshots and say in the commit message why each change is intended.")
                .toString();
    }

    /** The synthesized stacks in the order the app made them: cdktf.json's order of environments. */
    private static List<String> inSynthesisOrder(Path stacks) throws IOException {
        Path manifest = stacks.resolveSibling("manifest.json");
        List<String> names = new ArrayList<>();
        if (Files.exists(manifest)) {
            StackJson.parse(Files.readString(manifest)).path("stacks").fieldNames().forEachRemaining(names::add);
        }
        try (Stream<Path> listed = Files.list(stacks)) {
            listed.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(name -> !names.contains(name)).forEach(names::add);
        }
        names.removeIf(name -> !Files.isRegularFile(stacks.resolve(name).resolve("cdk.tf.json")));
        return names;
    }

    /**
     * Why a committed stack is gone, and what that means: cdktf neither deploys nor destroys a stack the app no
     * longer has, so its resources stay in AWS, managed by nothing, unless they are destroyed or moved first.
     */
    private static String vanished(String stack, List<String> synthesized) {
        String environment = stack.contains("-") ? stack.substring(0, stack.indexOf('-')) : stack;
        boolean split = synthesized.stream().anyMatch(s -> s.startsWith(environment + "-"));
        if (!stack.contains("-") && split) {
            return "the stack " + stack + " is split into stacks of its own now (stacks/" + environment + "/); move "
                    + "its state into theirs before deploying them, or they would create everything again (README, "
                    + "\"Moving an environment to a state per service\")";
        }
        if (stack.contains("-") && synthesized.contains(environment)) {
            return "the stack " + stack + " is no longer synthesized: " + environment + " is one stack again; move its "
                    + "state back before deploying, or " + environment + " would create its resources again";
        }
        return "no stack " + stack + " is synthesized any more; cdktf does not destroy a stack the app no longer has, so "
                + "its resources would stay in AWS unmanaged: destroy them first (cdktf destroy " + stack + ", or retire "
                + "its services with .retire() and deploy before removing their lines)";
    }

    private static void deleteIfEmpty(Path folder, Path root) throws IOException {
        if (!folder.equals(root) && Files.isDirectory(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }
}
