package dev.servicekit.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the app writes: the CLI's directory when it runs under the CLI, cdktf.json's output otherwise. */
class ProjectSettingsTest {
    @TempDir
    Path project;

    @Test
    void anEmptyCdktfOutdirIsNoDirectory() throws Exception {
        Files.writeString(project.resolve("cdktf.json"), "{\"output\": \"out\"}");
        assertThat(ProjectSettings.read(project, Map.of("CDKTF_OUTDIR", "")).outdir())
                .as("an empty CDKTF_OUTDIR would otherwise mean the working directory").isEqualTo(project.resolve("out"));
        assertThat(ProjectSettings.cliOutdir(Map.of("CDKTF_OUTDIR", " "))).isEmpty();
        assertThat(ProjectSettings.read(project, Map.of("CDKTF_OUTDIR", "/tmp/cli-out")).outdir())
                .isEqualTo(Path.of("/tmp/cli-out"));
        assertThat(ProjectSettings.read(project, Map.of(Relaunch.OUTDIR, "/tmp/relaunched", "CDKTF_OUTDIR", ""))
                .outdir()).isEqualTo(Path.of("/tmp/relaunched"));
    }
}
