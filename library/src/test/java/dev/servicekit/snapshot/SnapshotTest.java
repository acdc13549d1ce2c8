package dev.servicekit.snapshot;

import dev.servicekit.example.ExampleCatalog;
import dev.servicekit.testing.SnapshotAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The committed stacks/*.tf.json are exactly what synthesis of this repository's catalog produces now, and
 * their references resolve: the same public assertion a team calls from its own repository. Update them
 * with {@code npm run update-snapshots}.
 */
class SnapshotTest {
    static final Snapshots SNAPSHOTS = new Snapshots(Path.of("stacks"));

    @Test
    void stacksMatchTheirCommittedSnapshots() {
        SnapshotAssertions.assertMatchesSnapshots(ExampleCatalog.services());
    }
}
