package dev.servicekit.snapshot;

import dev.servicekit.support.TestEnvironments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a reviewer sees when a synthesized stack no longer matches its snapshot. */
class SnapshotComparisonTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";

    @Test
    void aChangedParameterFailsWithItsAddressTheChangedKeyAndTheDiff(@TempDir Path dir) throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Synthesized before = Synthesized.of(Catalog.of(Service.web("auth", IMAGE, 80)
                .prod(p -> p.counts(c -> c.min(2).desired(3).max(12)).allowPlainHttp())));
        snapshots.write("prod", before.stack("prod"));
        assertThat(snapshots.compare("prod", before.stack("prod"), Set.of("auth"))).isEmpty();

        Synthesized after = Synthesized.of(Catalog.of(Service.web("auth", IMAGE, 80)
                .prod(p -> p.counts(c -> c.min(2).desired(4).max(12)).allowPlainHttp())));
        Difference difference = snapshots.compare("prod", after.stack("prod"), Set.of("auth")).orElseThrow();

        assertThat(difference.brief()).isEqualTo("prod: 0 added, 1 changed, 0 removed (" + dir.resolve("prod.tf.json")
                + ")\n  ~ resource.aws_ecs_service.auth_service: desired_count\n");
        assertThat(difference.diff()).startsWith("~ changed resource.aws_ecs_service.auth_service\n")
                .contains("  -   \"desired_count\": 3,\n  +   \"desired_count\": 4,\n");
    }

    @Test
    void aJsonEncodedValueIsDiffedByKey(@TempDir Path dir) throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        snapshots.write("stage", Synthesized.of(Catalog.of(Service.worker("mailer", IMAGE))).written("stage"));
        JsonNode renamedOwner = Synthesized.of(Catalog.of(Service.worker("mailer", IMAGE).owner("growth"))).written("stage");

        Difference difference = snapshots.compare("stage", renamedOwner, Set.of("mailer")).orElseThrow();

        // The dashboard is one JSON string in Terraform; its changed note is one line of the diff, by key.
        assertThat(difference.diff()).contains("~ changed resource.datadog_dashboard_json.mailer_dashboard\n")
                .doesNotContain("\\\"widgets\\\"");
        assertThat(difference.changes()).filteredOn(c -> c.address().equals("resource.datadog_dashboard_json.mailer_dashboard"))
                .singleElement().satisfies(change -> assertThat(change.changedKeys()).allMatch(k -> k.startsWith("dashboard.")));
    }

    @Test
    void replacingAStatefulResourceIsSpelledOutFirst(@TempDir Path dir) throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        snapshots.write("prod", Synthesized.of(Catalog.of(Service.web("auth", IMAGE, 80)
                .prod(p -> p.allowPlainHttp()))).written("prod"));
        JsonNode internal = Synthesized.of(Catalog.of(Service.web("auth", IMAGE, 80).internal())).written("prod");

        assertThat(snapshots.compare("prod", internal, Set.of("auth")).orElseThrow().brief()).startsWith(
                "prod: WARNING, stateful resources would be destroyed or replaced:\n  prod: aws_lb.auth_lb would be "
                        + "destroyed and recreated; its DNS name would change under its clients (internal: false -> true)\n"
                        + "prod: ");
    }

    @Test
    void everySecurityGroupAndTargetGroupReplacementIsNamedWithHowItIsReplaced() {
        Synthesized before = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 80).prod(p -> p.allowPlainHttp())),
                dev.servicekit.support.TestEnvironments.context());
        Synthesized adopted = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 8080).prod(p -> p.allowPlainHttp())),
                dev.servicekit.support.TestEnvironments.context(Map.of(), Map.of("vpcId", "vpc-0123456789abcdef0",
                        "publicSubnetIds", java.util.List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                        "privateSubnetIds", java.util.List.of("subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"),
                        "clusterName", "platform")));
        assertThat(ReplacementCheck.findings("prod", before.written("prod"), adopted.written("prod"), Set.of("shop")))
                .contains("prod: aws_security_group.shop_task_security_group would be replaced, the new one created "
                                + "before the old one is destroyed; running tasks keep the old group until the rollout has "
                                + "moved them to the new one (vpc_id: \"${aws_vpc.network_vpc.id}\" -> \"vpc-0123456789abcdef0\")",
                        "prod: aws_security_group.shop_lb_security_group would be replaced, the new one created "
                                + "before the old one is destroyed; running tasks keep the old group until the rollout has "
                                + "moved them to the new one (vpc_id: \"${aws_vpc.network_vpc.id}\" -> \"vpc-0123456789abcdef0\")",
                        "prod: aws_lb_target_group.shop_target_group would be replaced, the new one created before the "
                                + "old one is destroyed; its registered tasks would be dropped and the service would be "
                                + "unreachable until it recovers (port: 80 -> 8080)");
    }

    @Test
    void aQueueWhoseAddressMovesWhileItsServiceStaysIsALoss() {
        JsonNode before = Synthesized.of(Catalog.of(Service.worker("mailer", IMAGE))).written("prod");
        ObjectNode after = before.deepCopy();
        ObjectNode queues = (ObjectNode) after.path("resource").path("aws_sqs_queue");
        queues.set("mailer_queue_v2", queues.remove("mailer_queue"));

        assertThat(ReplacementCheck.findings("prod", before, after, Set.of("mailer"))).containsExactly(
                "prod: aws_sqs_queue.mailer_queue would be destroyed and recreated; its messages would be lost "
                        + "(its address changed or vanished while mailer is still in the catalog)");
    }

    @Test
    void removingAServiceIsWantedInStageButDestroysProtectedDataInProdUnlessItWasRetired() {
        // "other" stays: a service that vanishes while one of its shape appears looks renamed (RenameTest).
        Synthesized before = Synthesized.of(Catalog.of(Service.worker("mailer", IMAGE),
                Service.web("auth", IMAGE, 80).prod(p -> p.allowPlainHttp()), Service.worker("other", IMAGE)));
        Synthesized without = Synthesized.of(Catalog.of(Service.worker("other", IMAGE)));
        assertThat(ReplacementCheck.findings("stage", before.written("stage"), without.written("stage"), Set.of("other")))
                .as("removing a service from an unprotected environment is wanted, not a loss").isEmpty();

        String protection = " (it was protected, and a protection holds only while the block is in the "
                + "configuration; to retire %s and keep its data, mark its line .retire() first)";
        assertThat(ReplacementCheck.findings("prod", before.written("prod"), without.written("prod"), Set.of("other")))
                .containsExactly(
                        "prod: aws_cloudwatch_log_group.auth_logs would be destroyed; its logs would be lost"
                                + protection.formatted("auth"),
                        "prod: aws_cloudwatch_log_group.mailer_logs would be destroyed; its logs would be lost"
                                + protection.formatted("mailer"),
                        "prod: aws_lb.auth_lb would be destroyed; its DNS name would change under its clients"
                                + protection.formatted("auth"),
                        "prod: aws_sqs_queue.mailer_dlq would be destroyed; its messages would be lost"
                                + protection.formatted("mailer"),
                        "prod: aws_sqs_queue.mailer_queue would be destroyed; its messages would be lost"
                                + protection.formatted("mailer"));

        Catalog retiring = Catalog.of(Service.worker("mailer", IMAGE).retire(), Service.worker("other", IMAGE),
                Service.web("auth", IMAGE, 80).prod(p -> p.allowPlainHttp()).retire());
        Synthesized retired = Synthesized.of(retiring);
        assertThat(ReplacementCheck.findings("prod", before.written("prod"), retired.written("prod"),
                retiring.activeServiceNames()))
                .as("retiring releases the data and lifts the load balancer's protection: nothing is lost").isEmpty();
        assertThat(ReplacementCheck.findings("prod", retired.written("prod"), without.written("prod"), Set.of("other")))
                .as("then the line can go").isEmpty();
    }

    @Test
    void updatingIsExplicitAndRefusedUnderCi() {
        assertThat(Snapshots.updateRequested(Map.of())).isFalse();
        assertThat(Snapshots.updateRequested(Map.of("SERVICEKIT_UPDATE_SNAPSHOTS", "1"))).isTrue();
        assertThatThrownBy(() -> Snapshots.updateRequested(Map.of("SERVICEKIT_UPDATE_SNAPSHOTS", "1", "CI", "true")))
                .hasMessageContaining("refused under CI=true");
        java.util.Properties property = new java.util.Properties();
        property.setProperty("servicekit.updateSnapshots", "true");
        assertThat(Snapshots.updateRequested(Map.of(), property)).isTrue();
        assertThatThrownBy(() -> Snapshots.updateRequested(Map.of("CI", "true"), property))
                .hasMessageContaining("refused under CI=true");
    }

    @Test
    void canonicalJsonSortsKeysAndIndentsTwoSpaces() {
        assertThat(StackJson.render(StackJson.parse("{\"b\":[1,{\"d\":true,\"c\":\"x\"}],\"a\":{},\"e\":[]}")))
                .isEqualTo("""
                        {
                          "a": {},
                          "b": [
                            1,
                            {
                              "c": "x",
                              "d": true
                            }
                          ],
                          "e": []
                        }
                        """);
    }
}
