package dev.servicekit.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a stack's snapshot lives: an environment in one stack keeps {@code stacks/<env>.tf.json}, as before layouts
 * existed; the stacks of a split environment live in {@code stacks/<env>/<stack>.tf.json}.
 */
class SnapshotFilesTest {
    @Test
    void anEnvironmentsOneStackKeepsItsFileAndASplitEnvironmentsStacksGetAFolder(@TempDir Path dir) throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        assertThat(snapshots.file("prod")).isEqualTo(dir.resolve("prod.tf.json"));
        assertThat(snapshots.file("prod-platform")).isEqualTo(dir.resolve("prod/prod-platform.tf.json"));
        assertThat(snapshots.file("prod-integrations-consumer"))
                .isEqualTo(dir.resolve("prod/prod-integrations-consumer.tf.json"));

        snapshots.write("stage", StackJson.parse("{}"));
        snapshots.write("prod-platform", StackJson.parse("{}"));
        snapshots.write("prod-auth", StackJson.parse("{}"));
        Files.writeString(dir.resolve("README.md"), "not a snapshot");
        Files.writeString(dir.resolve("prod/stage.tf.json"), "{}");
        assertThat(snapshots.committed().keySet()).as("every snapshot, by stack; a file where no stack's would be is none")
                .containsExactly("prod-auth", "prod-platform", "stage");
    }
}
