package com.example.infra;

import dev.servicekit.testing.SnapshotAssertions;
import org.junit.jupiter.api.Test;

/** The synthesized stacks are the reviewed ones in stacks/; after an intended change, `npm run update-snapshots`. */
class InfrastructureTest {
    @Test
    void stacksMatchTheirSnapshots() {
        SnapshotAssertions.assertMatchesSnapshots(Infrastructure.catalog());
    }
}
