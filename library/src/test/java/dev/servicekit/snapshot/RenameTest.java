package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renaming a service: a line that says .renamedFrom("old") keeps every AWS name the old name gave it and moves
 * each Terraform address with a moved block (Terraform 1.1+), so nothing is destroyed or replaced; a plain
 * rename is flagged by the snapshot check with the way to keep the data, not the advice for a removal.
 */
class RenameTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";

    private static Service mailer(String name) {
        return Service.worker(name, IMAGE).owner("growth").bucket().secret("SMTP_PASSWORD");
    }

    @Test
    void aRenamedLineKeepsItsAwsNamesAndMovesItsAddresses() {
        Synthesized before = Synthesized.of(Catalog.of(mailer("mailer")), TestEnvironments.context());
        Synthesized after = Synthesized.of(Catalog.of(mailer("notifier").renamedFrom("mailer")), TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            assertThat(after.resource(env, "aws_sqs_queue", "notifier_queue").path("name").asText()).isEqualTo(env + "-mailer");
            assertThat(after.resource(env, "aws_sqs_queue", "notifier_dlq").path("name").asText())
                    .isEqualTo(env + "-mailer-dlq");
            assertThat(after.resource(env, "aws_cloudwatch_log_group", "notifier_logs").path("name").asText())
                    .isEqualTo("/" + env + "/mailer");
            assertThat(after.resource(env, "aws_s3_bucket", "notifier_bucket").path("bucket").asText())
                    .isEqualTo(env + "-mailer-${data.aws_caller_identity.current.account_id}");
            assertThat(after.resource(env, "aws_ecs_service", "notifier_service").path("name").asText())
                    .isEqualTo(env + "-mailer");
            assertThat(after.resource(env, "aws_iam_role", "notifier_task_role").path("name").asText())
                    .isEqualTo(env + "-mailer-task");

            List<String> moves = new ArrayList<>();
            after.stack(env).path("moved").forEach(move -> moves.add(move.path("from").asText() + " -> "
                    + move.path("to").asText()));
            List<String> expected = new ArrayList<>();
            before.stack(env).path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> expected.add(type.getKey() + "." + name + " -> " + type.getKey() + "."
                            + name.replaceFirst("^mailer_", "notifier_"))));
            assertThat(moves).as(env + ": every address of the service moves, and only those")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().filter(m -> m.contains(".mailer_")).toList());

            assertThat(ReplacementCheck.findings(env, before.written(env), after.written(env), Set.of("notifier")))
                    .as(env + ": nothing is destroyed or replaced").isEmpty();
        }
    }

    @Test
    void aPlainRenameIsFlaggedWithTheWayToKeepTheData() {
        Synthesized before = Synthesized.of(Catalog.of(mailer("mailer")), TestEnvironments.context());
        Synthesized after = Synthesized.of(Catalog.of(mailer("notifier")), TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            List<String> findings = ReplacementCheck.findings(env, before.written(env), after.written(env),
                    Set.of("notifier"));
            assertThat(findings).as(env).anySatisfy(finding -> assertThat(finding)
                    .startsWith(env + ": mailer looks renamed to notifier")
                    .contains("aws_sqs_queue.mailer_queue", "aws_s3_bucket.mailer_bucket")
                    .contains("If it was renamed, add .renamedFrom(\"mailer\") to notifier's line"));
            assertThat(String.join("\n", findings)).as(env + ": not only the advice for a removal")
                    .doesNotContain("mark its line .retire() first");
        }
    }

    @Test
    void aRenameMustNameAnotherServiceThatNoLineStillHas() {
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(mailer("mailer").renamedFrom("mailer"),
                mailer("notifier").renamedFrom("billing"), Service.worker("billing", IMAGE),
                mailer("sender").renamedFrom("Bad_Name")), TestEnvironments.context()))
                .hasMessageContaining("catalog/mailer: renamedFrom: 'mailer' is the line's own name")
                .hasMessageContaining("catalog/notifier: renamedFrom: 'billing' is still a line of the catalog")
                .hasMessageContaining("catalog/sender: renamedFrom: 'Bad_Name' must be lowercase letters");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(mailer("notifier").renamedFrom("mailer").retire()),
                TestEnvironments.context()))
                .hasMessageContaining("catalog/notifier: renamedFrom: a retired line keeps the name its resources "
                        + "have in Terraform: retire it as mailer");
    }

    @Test
    void terraformReadsTheMovedBlocks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        JsonNode moved = Synthesized.of(Catalog.of(mailer("notifier").renamedFrom("mailer")), TestEnvironments.context())
                .stack("stage").path("moved");
        // Terraform's own parser, offline, on the same moved blocks between stand-in resources.
        StringBuilder resources = new StringBuilder();
        moved.forEach(move -> resources.append(resources.isEmpty() ? "" : ", ")
                .append("\"").append(move.path("to").asText().replace('.', '_')).append("\": {}"));
        List<String> moves = new ArrayList<>();
        moved.forEach(move -> moves.add("{\"from\": \"terraform_data." + move.path("from").asText().replace('.', '_')
                + "\", \"to\": \"terraform_data." + move.path("to").asText().replace('.', '_') + "\"}"));
        java.nio.file.Files.writeString(dir.resolve("main.tf.json"), "{\"resource\": {\"terraform_data\": {"
                + resources + "}}, \"moved\": [" + String.join(", ", moves) + "]}");
        assertThat(dev.servicekit.support.TerraformCli.run(dir, "init", "-input=false").exit()).isZero();
        var validate = dev.servicekit.support.TerraformCli.run(dir, "validate", "-no-color");
        assertThat(validate.exit()).as(validate.output()).isZero();
        assertThat(moved.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("from", "to");
    }
}
