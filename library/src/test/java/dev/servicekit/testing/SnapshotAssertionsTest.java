package dev.servicekit.testing;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The failure a team's snapshot test gives, as its reviewer reads it: short enough for one screen, what would be
 * lost first, the environments in cdktf.json's order, the whole diff in a file.
 */
class SnapshotAssertionsTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
    /** A terminal's screen, with room for the test runner's own lines. */
    private static final int SCREEN_LINES = 40;

    private static Service worker(String name) {
        return Service.worker(name, IMAGE).owner("integrations").command("sh", "-c", "sleep 3600")
                .runbook("https://runbooks.example.com/" + name);
    }

    private static Service web(String name) {
        return Service.web(name, "public.ecr.aws/nginx/nginx:1.27", 80).owner("identity")
                .runbook("https://runbooks.example.com/" + name)
                .writablePaths("/var/cache/nginx", "/var/run").prod(p -> p.allowPlainHttp());
    }

    /**
     * Records {@code catalog}'s stacks in {@code snapshots}, as `npm run update-snapshots` does; directly, since
     * an update asked for by property is refused under CI=true, where this test runs too.
     */
    private static void record(Catalog catalog, Path snapshots) {
        SnapshotAssertions.record(catalog, snapshots);
    }

    @Test
    void addingOneServiceFailsWithAMessageThatFitsOnOneScreen(@TempDir Path snapshots) throws Exception {
        record(Catalog.of(worker("integrations-consumer"), web("auth")), snapshots);

        AssertionError failure = catchThrowableOfType(() -> SnapshotAssertions.assertMatchesSnapshots(
                Catalog.of(worker("integrations-consumer"), web("auth"), worker("mailer")), snapshots), AssertionError.class);

        List<String> lines = failure.getMessage().lines().toList();
        assertThat(lines).as(failure.getMessage()).hasSizeLessThanOrEqualTo(SCREEN_LINES);
        String message = failure.getMessage();
        // cdktf.json names stage before prod: so does the failure.
        assertThat(message.indexOf("\nstage: ")).isPositive().isLessThan(message.indexOf("\nprod: "));
        assertThat(lines).anyMatch(line -> line.matches("stage: \\d+ added, 1 changed, 0 removed \\(.*stage.tf.json\\)"))
                .anyMatch(line -> line.matches("prod: \\d+ added, 1 changed, 0 removed \\(.*prod.tf.json\\)"))
                .anyMatch(line -> line.matches("  \\+ mailer: \\d+ blocks added \\(\\d+ resources, \\d+ outputs\\)"))
                .anyMatch(line -> line.startsWith("  ~ resource.datadog_dashboard_json.overview_dashboard: dashboard."))
                .noneMatch(line -> line.contains("//"));
        assertThat(message).doesNotContain("WARNING").contains("npm run update-snapshots");
        // The whole diff is in a file, JSON-encoded values decoded.
        Path diff = Path.of(message.lines().filter(line -> line.startsWith("The whole diff, block by block: "))
                .findFirst().orElseThrow().substring("The whole diff, block by block: ".length()));
        assertThat(Files.readString(diff)).contains("+ added resource.aws_sqs_queue.mailer_queue")
                .contains("~ changed resource.datadog_dashboard_json.overview_dashboard");
    }

    @Test
    void whatARenameWouldDestroyComesBeforeEverythingElseOfItsEnvironment(@TempDir Path snapshots) {
        record(Catalog.of(worker("integrations-consumer"), web("auth")), snapshots);

        AssertionError failure = catchThrowableOfType(() -> SnapshotAssertions.assertMatchesSnapshots(
                Catalog.of(worker("integrations-consumer"), web("login")), snapshots), AssertionError.class);

        String message = failure.getMessage();
        String prod = message.substring(message.indexOf("\nprod: ") + 1);
        assertThat(prod).startsWith("prod: WARNING, stateful resources would be destroyed or replaced:\n"
                + "  prod: auth looks renamed to login: its aws_cloudwatch_log_group.auth_logs, ")
                .contains("add .renamedFrom(\"auth\") to login's line");
        assertThat(message.lines().count()).as(message).isLessThanOrEqualTo(SCREEN_LINES);
    }
}
