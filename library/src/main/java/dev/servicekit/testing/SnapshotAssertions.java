package dev.servicekit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.Servicekit;
import dev.servicekit.app.ProjectSettings;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
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
 * compares each stack with {@code stacks/<env>.tf.json}. A difference fails with the diff grouped by
 * resource address and, first, in words, every stateful resource that would be destroyed or replaced;
 * every reference must resolve, and no snapshot may outlive its environment. With
 * {@value Snapshots#UPDATE_VARIABLE}=1 (or {@code -D}{@value Snapshots#UPDATE_PROPERTY}{@code =true}) it
 * rewrites the snapshots instead; under {@code CI=true} that is refused.
 */
public final class SnapshotAssertions {
    /** Where the snapshots live, relative to the project: {@code stacks/<env>.tf.json}. */
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
            compare(catalog, directory, outdir.resolve("stacks"));
        } catch (IOException e) {
            throw new AssertionError("cannot read or write the snapshots in " + directory + ": " + e, e);
        }
    }

    private static void compare(Catalog catalog, Path directory, Path stacks) throws IOException {
        Snapshots snapshots = new Snapshots(directory);
        boolean update = Snapshots.updateRequested(System.getenv(), System.getProperties());
        List<String> environments;
        try (Stream<Path> listed = Files.list(stacks)) {
            environments = listed.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        for (String env : environments) {
            JsonNode synthesized = StackJson.parse(Files.readString(stacks.resolve(env).resolve("cdk.tf.json")));
            ReferenceCheck.problems(synthesized, ReferenceCheck.Providers.CONFIGURED)
                    .forEach(problem -> failures.add(env + ": broken reference: " + problem));
            if (update) {
                snapshots.write(env, synthesized);
                System.out.println("Updated " + snapshots.file(env) + ": review its diff before committing.");
            } else {
                snapshots.compare(env, synthesized, catalog.activeServiceNames()).ifPresent(failures::add);
            }
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> committed = Files.list(directory)) {
                for (Path file : committed.filter(f -> f.getFileName().toString().endsWith(".tf.json")).sorted().toList()) {
                    String env = file.getFileName().toString().replace(".tf.json", "");
                    if (!environments.contains(env)) {
                        if (update) {
                            Files.delete(file);
                        } else {
                            failures.add(file + ": no environment " + env + " is synthesized any more; if that is "
                                    + "intended, " + Snapshots.UPDATE_COMMAND + " (which deletes it)");
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}
