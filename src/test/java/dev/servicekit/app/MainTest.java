package dev.servicekit.app;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's contract with cdktf and Maven: exit codes, messages, and whole-or-nothing output. */
class MainTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";

    @Test
    void synthesizesEveryStackAndAManifest(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("cdktf.out");
        int exit = Main.run(Catalog.of(Service.worker("w", IMAGE)), Map.of(), outdir, System.err);
        assertThat(exit).isEqualTo(Main.OK);
        assertThat(outdir.resolve("manifest.json")).exists();
        assertThat(outdir.resolve("stacks/stage/cdk.tf.json")).exists();
        assertThat(outdir.resolve("stacks/prod/cdk.tf.json")).exists();
        assertThat(Files.readString(outdir.resolve("stacks/prod/cdk.tf.json")))
                .contains("\"path\": \"../../../terraform.prod.tfstate\"")
                .doesNotContain(dir.toString());
        assertThat(dir.resolve("cdktf.out.staging")).doesNotExist();
    }

    @Test
    void invalidInputExitsNonZeroWithOneMessageAndLeavesPreviousOutputAlone(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("cdktf.out");
        Files.createDirectories(outdir.resolve("stacks/stage"));
        Files.writeString(outdir.resolve("stacks/stage/cdk.tf.json"), "previous");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(Catalog.of(Service.worker("w", IMAGE).size(256, 4096)), Map.of(), outdir,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Main.INVALID_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
                servicekit: the configuration is invalid; nothing was synthesized.
                  - catalog/w: memory: 4096 MiB does not fit Fargate cpu 256; allowed: [512, 1024, 2048]
                """);
        assertThat(Files.readString(outdir.resolve("stacks/stage/cdk.tf.json"))).isEqualTo("previous");
        assertThat(dir.resolve("cdktf.out.staging")).doesNotExist();
    }

    /**
     * After a deploy, a stack's directory holds Terraform's working directory (which remembers the backend,
     * so that moving to S3 prompts a state migration) and the provider lock file: a synth keeps both.
     */
    @Test
    void aSynthAfterADeployKeepsTerraformsWorkingDirectoryAndLockFile(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("cdktf.out");
        Path stage = outdir.resolve("stacks/stage");
        Files.createDirectories(stage.resolve(".terraform/providers"));
        Files.writeString(stage.resolve(".terraform/terraform.tfstate"), "{\"backend\": {\"type\": \"local\"}}");
        Files.writeString(stage.resolve(".terraform.lock.hcl"), "provider \"registry.terraform.io/hashicorp/aws\" {}");
        Files.writeString(stage.resolve("cdk.tf.json"), "previous");

        assertThat(Main.run(Catalog.of(Service.worker("w", IMAGE)), Map.of(), outdir, System.err)).isEqualTo(Main.OK);

        assertThat(Files.readString(stage.resolve("cdk.tf.json"))).isNotEqualTo("previous");
        assertThat(Files.readString(stage.resolve(".terraform/terraform.tfstate"))).contains("\"local\"");
        assertThat(stage.resolve(".terraform/providers")).isDirectory();
        assertThat(Files.readString(stage.resolve(".terraform.lock.hcl"))).contains("hashicorp/aws");
        assertThat(outdir.resolve("stacks/prod/.terraform")).doesNotExist();
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
