package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.app.ExampleCatalog;
import dev.servicekit.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The committed stacks/stage.tf.json and stacks/prod.tf.json are exactly what synthesis produces now,
 * and their references resolve. Update them with {@code npm run update-snapshots}.
 */
class SnapshotTest {
    static final Snapshots SNAPSHOTS = new Snapshots(Path.of("stacks"));

    @Test
    void stacksMatchTheirCommittedSnapshots(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cdktf.out");
        assertThat(Main.run(ExampleCatalog.services(), Main.context(), out, System.err)).isEqualTo(Main.OK);
        Set<String> services = ExampleCatalog.services().activeServiceNames();
        boolean update = Snapshots.updateRequested(System.getenv());

        List<String> failures = new ArrayList<>();
        for (String env : List.of("stage", "prod")) {
            JsonNode synthesized = StackJson.parse(Files.readString(out.resolve("stacks/" + env + "/cdk.tf.json")));
            assertThat(ReferenceCheck.problems(synthesized, ReferenceCheck.Providers.CONFIGURED))
                    .as(env + ": broken references").isEmpty();
            if (update) {
                SNAPSHOTS.write(env, synthesized);
                System.out.println("Updated " + SNAPSHOTS.file(env) + ": review its diff before committing.");
            } else {
                Optional<String> failure = SNAPSHOTS.compare(env, synthesized, services);
                failure.ifPresent(failures::add);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }
}
