package dev.servicekit;

import dev.servicekit.support.TestEnvironments;
import dev.servicekit.app.OutputSwap;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry point's contract with a team's project, the cdktf CLI and Maven: exit codes, messages, whole output. */
class ServicekitTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    private static final Catalog ONE_WORKER = Catalog.of(Service.worker("w", IMAGE).runbook("https://runbooks.example.com/w"));

    /** What a run printed to stderr, and its exit code. */
    private record Run(int exit, String err) {}

    private static Run run(Catalog catalog, Path project, Map<String, String> env) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Servicekit.run(catalog, List.of(), env, project, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    private static Path project(Path dir, String cdktfJson) throws Exception {
        Files.writeString(dir.resolve("cdktf.json"), TestEnvironments.cdktfJson(cdktfJson));
        return dir;
    }

    @Test
    void synthesizesEveryEnvironmentOfCdktfJsonIntoItsOutputWithAManifest(@TempDir Path dir) throws Exception {
        Path project = project(dir, """
                {"language": "java", "app": "x", "output": "build/cdktf",
                 "context": {"servicekit": {"prod": {}, "dev": {"preset": "stage", "prefix": "team"}}}}""");
        Run run = run(ONE_WORKER, project, Map.of());
        assertThat(run.exit()).as(run.err()).isEqualTo(Servicekit.OK);
        Path outdir = project.resolve("build/cdktf");
        assertThat(outdir.resolve("manifest.json")).exists();
        assertThat(Files.readString(outdir.resolve("manifest.json"))).contains("\"prod\"", "\"dev\"").doesNotContain("\"stage\"");
        assertThat(outdir.resolve("stacks/dev/cdk.tf.json")).exists();
        assertThat(outdir.resolve("stacks/stage")).doesNotExist();
        assertThat(Files.readString(outdir.resolve("stacks/prod/cdk.tf.json")))
                .as("the local state file sits in the project, found from build/cdktf/stacks/prod")
                .contains("\"path\":\"../../../../terraform.prod.tfstate\"").doesNotContain(dir.toString());
        assertThat(Files.readString(outdir.resolve("stacks/dev/cdk.tf.json"))).contains("\"team-dev-w\"");
        assertThat(project.resolve("build/cdktf.staging")).doesNotExist();
    }

    @Test
    void underTheCliItTakesTheContextAndTheOutdirFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("cli-out");
        Run run = run(ONE_WORKER, dir, Map.of("CDKTF_OUTDIR", outdir.toString(),
                "CDKTF_CONTEXT_JSON", "{\"servicekit\": {\"stage\": {\"region\": \"eu-west-1\", \"page\": \"@slack-team\", "
                        + "\"notify\": \"@slack-team\"}}}"));
        assertThat(run.exit()).as(run.err()).isEqualTo(Servicekit.OK);
        assertThat(Files.readString(outdir.resolve("stacks/stage/cdk.tf.json"))).contains("\"eu-west-1\"");
        assertThat(outdir.resolve("stacks/prod")).doesNotExist();
    }

    @Test
    void invalidInputExitsOneWithOneMessageAndLeavesThePreviousOutputAlone(@TempDir Path dir) throws Exception {
        Path project = project(dir, "{}");
        Files.createDirectories(project.resolve("cdktf.out/stacks/stage"));
        Files.writeString(project.resolve("cdktf.out/stacks/stage/cdk.tf.json"), "previous");

        Run run = run(Catalog.of(Service.worker("w", IMAGE).runbook("https://runbooks.example.com/w")
                .size(Fargate.cpu(256).memoryMiB(4096))), project, Map.of());

        assertThat(run.exit()).isEqualTo(Servicekit.INVALID_CONFIGURATION);
        assertThat(run.err()).isEqualTo("""
                servicekit: the configuration is invalid; nothing was synthesized.
                  - catalog/w: memory: 4096 MiB does not fit Fargate cpu 256; allowed: [512, 1024, 2048]
                """);
        assertThat(Files.readString(project.resolve("cdktf.out/stacks/stage/cdk.tf.json"))).isEqualTo("previous");
        assertThat(project.resolve("cdktf.out.staging")).doesNotExist();
    }

    @Test
    void aConsumersBadInputGetsOneMessageNeverAStackTrace(@TempDir Path dir) throws Exception {
        assertThat(run(null, project(dir, "{}"), Map.of()).err())
                .startsWith("servicekit: the configuration is invalid; nothing was synthesized.\n  - catalog: catalog: "
                        + "must not be null");
        assertThat(run(Catalog.of(Service.worker("a", IMAGE), null), dir, Map.of()).err())
                .contains("  - catalog: line 2: must not be null");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(run(ONE_WORKER, empty, Map.of()).err()).contains("  - project: cdktf.json: no cdktf.json in "
                + empty.toAbsolutePath() + ": run the app from the project's directory");
        assertThat(run(ONE_WORKER, project(dir, "{\"context\": {\"servicekit\": {\"prod\": 3}}}"), Map.of()).err())
                .contains("  - cdktf.json: context.servicekit.prod: expected an object of settings, e.g. "
                        + "{\"region\": \"eu-west-1\"}, got the number 3");
        assertThat(run(ONE_WORKER, project(dir, "{\"context\": {\"servicekit\": [\"prod\"]}}"), Map.of()).err())
                .contains("  - cdktf.json: context.servicekit: expected an object with one object per environment");
        assertThat(run(ONE_WORKER, project(dir, "{\"context\": {\"servicekit\": {\"prod\": {\"cpu\": \"512\", "
                + "\"zones\": 2.5, \"protectStatefulResources\": \"yes\"}}}}"), Map.of()).err()).contains(
                "  - cdktf.json: context.servicekit.prod.cpu: expected a whole number, got the string \"512\"",
                "  - cdktf.json: context.servicekit.prod.zones: expected a whole number, got the number 2.5",
                "  - cdktf.json: context.servicekit.prod.protectStatefulResources: expected true or false, got the "
                        + "string \"yes\"");
        assertThat(run(ONE_WORKER, project(dir, "{not json"), Map.of()).err()).contains("cdktf.json:1:2: not valid JSON: Unexpected character");
        for (Run bad : List.of(run(null, dir, Map.of()), run(ONE_WORKER, empty, Map.of()))) {
            assertThat(bad.exit()).isEqualTo(Servicekit.INVALID_CONFIGURATION);
            assertThat(bad.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    /**
     * After a deploy, a stack's directory holds Terraform's working directory (which remembers the backend,
     * so that moving to S3 prompts a state migration) and the provider lock file: a synth keeps both.
     */
    @Test
    void aSynthAfterADeployKeepsTerraformsWorkingDirectoryAndLockFile(@TempDir Path dir) throws Exception {
        Path project = project(dir, "{}");
        Path stage = project.resolve("cdktf.out/stacks/stage");
        Files.createDirectories(stage.resolve(".terraform/providers"));
        Files.writeString(stage.resolve(".terraform/terraform.tfstate"), "{\"backend\": {\"type\": \"local\"}}");
        Files.writeString(stage.resolve(".terraform.lock.hcl"), "provider \"registry.terraform.io/hashicorp/aws\" {}");
        Files.writeString(stage.resolve("cdk.tf.json"), "previous");

        assertThat(run(ONE_WORKER, project, Map.of()).exit()).isEqualTo(Servicekit.OK);

        assertThat(Files.readString(stage.resolve("cdk.tf.json"))).isNotEqualTo("previous");
        assertThat(Files.readString(stage.resolve(".terraform/terraform.tfstate"))).contains("\"local\"");
        assertThat(stage.resolve(".terraform/providers")).isDirectory();
        assertThat(Files.readString(stage.resolve(".terraform.lock.hcl"))).contains("hashicorp/aws");
        assertThat(project.resolve("cdktf.out/stacks/prod/.terraform")).doesNotExist();
    }

    /**
     * cdktf-cli 0.19 removes the directory of a stack that vanished (an environment taken out of cdktf.json)
     * after the app ran, and fails if it is gone already: under the CLI the swap leaves it, empty.
     */
    @Test
    void aVanishedStackIsLeftEmptyForTheCliToRemove(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("out");
        Files.createDirectories(outdir.resolve("stacks/dev"));
        Files.writeString(outdir.resolve("stacks/dev/cdk.tf.json"), "previous");
        OutputSwap.into(outdir, true, staging -> Files.createDirectories(staging.resolve("stacks/prod")));
        assertThat(outdir.resolve("stacks/dev")).isEmptyDirectory();
        assertThat(outdir.resolve("stacks/prod")).isDirectory();
        OutputSwap.into(outdir, false, staging -> Files.createDirectories(staging.resolve("stacks/prod")));
        assertThat(outdir.resolve("stacks/dev")).as("outside the CLI, nothing is left behind").doesNotExist();
    }

    @Test
    void aFailureWhileWritingKeepsThePreviousOutput(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("out");
        Files.createDirectories(outdir);
        Files.writeString(outdir.resolve("keep"), "previous");
        assertThatThrownBy(() -> OutputSwap.into(outdir, staging -> {
            Files.writeString(staging.resolve("half"), "written");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(Files.readString(outdir.resolve("keep"))).isEqualTo("previous");
        assertThat(outdir.resolve("half")).doesNotExist();
        assertThat(dir.resolve("out.staging")).doesNotExist();
    }
}
