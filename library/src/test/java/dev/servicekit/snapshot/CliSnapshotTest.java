package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.example.ExampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real cdktf CLI (`cdktf synth`, pinned in package.json) writes exactly the snapshots, so cdktf.json
 * and the app wiring (bin/app) are covered too; and it fails plainly on bad configuration.
 */
class CliSnapshotTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void cdktfSynthWritesExactlyTheSnapshotsAndKeepsTerraformsFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cdktf.out");
        // As after `cdktf deploy prod`: Terraform's working directory and the lock file of the stack.
        Path prod = out.resolve("stacks/prod");
        Files.createDirectories(prod.resolve(".terraform"));
        Files.writeString(prod.resolve(".terraform/terraform.tfstate"), "backend");
        Files.writeString(prod.resolve(".terraform.lock.hcl"), "lock");
        Result result = cdktf(PROJECT, dir.resolve("log.txt"), "synth", "--output", out.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContainIgnoringCase("end-of-life").doesNotContain("WARNING");
        Set<String> services = ExampleCatalog.services().activeServiceNames();
        List<String> failures = new ArrayList<>();
        for (String env : List.of("stage", "prod")) {
            JsonNode synthesized = StackJson.parse(Files.readString(out.resolve("stacks/" + env + "/cdk.tf.json")));
            SnapshotTest.SNAPSHOTS.compare(env, synthesized, services).ifPresent(f -> failures.add("cdktf synth: " + f));
        }
        assertThat(failures).as("the CLI's stacks differ from the snapshots").isEmpty();
        assertThat(Files.readString(prod.resolve(".terraform/terraform.tfstate"))).isEqualTo("backend");
        assertThat(Files.readString(prod.resolve(".terraform.lock.hcl"))).isEqualTo("lock");
    }

    /** A copy of this project whose cdktf.json is {@code cdktfJson}, sharing its sources, build and packages. */
    private static Path projectWith(Path dir, String cdktfJson) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("bin"));
        for (String linked : List.of("library", "bom", "archetype", "pom.xml", "node_modules")) {
            Files.createSymbolicLink(project.resolve(linked), PROJECT.resolve(linked));
        }
        for (String script : List.of("bin/app", "bin/cdktf", "bin/check-json.js")) {
            Files.copy(PROJECT.resolve(script), project.resolve(script));
        }
        Files.writeString(project.resolve("cdktf.json"), cdktfJson);
        return project;
    }

    @Test
    void badConfigurationFailsTheCliWithEachProblemOnce(@TempDir Path dir) throws Exception {
        ObjectNode cdktf = (ObjectNode) StackJson.parse(Files.readString(PROJECT.resolve("cdktf.json")));
        ((ObjectNode) cdktf.path("context").path("servicekit").path("stage")).put("cpu", "big");
        ((ObjectNode) cdktf.path("context").path("servicekit").path("prod")).put("maxCont", 3);
        Path project = projectWith(dir, cdktf.toPrettyString());

        Result result = cdktf(project, dir.resolve("log.txt"), "synth");

        assertThat(result.exit()).isNotZero();
        String output = result.output();
        // The CLI shows what an app prints twice when it fails; bin/cdktf has servicekit's message shown once.
        for (String line : List.of("servicekit: the configuration is invalid; nothing was synthesized.",
                "  - cdktf.json: context.servicekit.stage.cpu: expected a whole number, got the string \"big\"",
                "  - cdktf.json: context.servicekit.prod.maxCont: unknown key; did you mean \"maxCount\"?")) {
            assertThat(output.split(java.util.regex.Pattern.quote(line), -1)).as(output).hasSize(2);
        }
        assertThat(output).doesNotContain("[ERROR]");
        assertThat(project.resolve("cdktf.out/stacks/stage/cdk.tf.json")).doesNotExist();
    }

    @Test
    void aCdktfJsonThatIsNotJsonIsNamedWithItsLineAndColumnBeforeTheCliRuns(@TempDir Path dir) throws Exception {
        Path project = projectWith(dir, """
                {
                  "language": "java",
                  "app": "bash bin/app",
                  "context": {"servicekit": {"stage": {"page": "@slack-team",}}}
                }
                """);

        Result result = cdktf(project, dir.resolve("log.txt"), "synth");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output().strip()).isEqualTo("servicekit: " + project.resolve("cdktf.json")
                + ":4:61: not valid JSON: a comma before '}' (JSON allows no trailing comma)");
    }

    @Test
    void aProjectWithoutNpmrcIsToldWhyTheCliWouldFail(@TempDir Path dir) throws Exception {
        Path project = projectWith(dir, Files.readString(PROJECT.resolve("cdktf.json")));
        // As npm ci leaves node_modules without .npmrc's bin-links=false: the pinned Node linked into .bin.
        Files.delete(project.resolve("node_modules"));
        Files.createDirectories(project.resolve("node_modules/.bin"));
        Files.createSymbolicLink(project.resolve("node_modules/cdktf-cli"), PROJECT.resolve("node_modules/cdktf-cli"));
        Files.createSymbolicLink(project.resolve("node_modules/.bin/node"), PROJECT.resolve("node_modules/node/bin/node"));

        Result result = cdktf(project, dir.resolve("log.txt"), "synth");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output().strip()).startsWith("servicekit: node_modules/.bin/node shadows the Node that runs "
                + "the cdktf CLI; add .npmrc with bin-links=false").doesNotContain("NODE_MODULE_VERSION");
    }

    record Result(int exit, String output) {}

    private static Result cdktf(Path project, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", project.resolve("bin/cdktf").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CI", "true");
        builder.environment().remove("JSII_NODE");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cdktf " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    static {
        // The CLI runs on the Node that installed it; make sure npm ci ran.
        if (!new File("node_modules/cdktf-cli").isDirectory()) {
            throw new IllegalStateException("run `npm ci` first: the CLI check needs node_modules/cdktf-cli");
        }
    }
}
