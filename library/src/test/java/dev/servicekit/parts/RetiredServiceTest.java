package dev.servicekit.parts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Retiring a service keeps its data in AWS and lets the line go without destroying anything protected. */
class RetiredServiceTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    private final Synthesized out = Synthesized.of(Catalog.of(
            Service.worker("mailer", IMAGE).bucket().retire(),
            Service.web("auth", IMAGE, 80).withQueue().prod(p -> p.allowPlainHttp()).retire(),
            Service.worker("billing", IMAGE)));

    @Test
    void aRetiredServicesDataIsReleasedNotDestroyed() {
        for (String env : new String[] {"stage", "prod"}) {
            // The queues and the bucket leave with their settings: destroying a policy or a public access
            // block would leave the kept data reachable without TLS, or exposable.
            assertThat(out.stack(env).path("removed").toString()).as(env).isEqualTo("["
                    + released("aws_sqs_queue.mailer_queue") + "," + released("aws_sqs_queue.mailer_dlq") + ","
                    + released("aws_sqs_queue_policy.mailer_queue_policy") + ","
                    + released("aws_sqs_queue_policy.mailer_dlq_policy") + ","
                    + released("aws_sqs_queue_redrive_allow_policy.mailer_dlq_redrive_allow") + ","
                    + released("aws_cloudwatch_log_group.mailer_logs") + ","
                    + released("aws_s3_bucket.mailer_bucket") + ","
                    + released("aws_s3_bucket_server_side_encryption_configuration.mailer_bucket_encryption") + ","
                    + released("aws_s3_bucket_public_access_block.mailer_bucket_public_access") + ","
                    + released("aws_s3_bucket_versioning.mailer_bucket_versioning") + ","
                    + released("aws_s3_bucket_lifecycle_configuration.mailer_bucket_lifecycle") + ","
                    + released("aws_s3_bucket_policy.mailer_bucket_policy") + ","
                    + released("aws_sqs_queue.auth_queue") + "," + released("aws_sqs_queue.auth_dlq") + ","
                    + released("aws_sqs_queue_policy.auth_queue_policy") + ","
                    + released("aws_sqs_queue_policy.auth_dlq_policy") + ","
                    + released("aws_sqs_queue_redrive_allow_policy.auth_dlq_redrive_allow") + ","
                    + released("aws_cloudwatch_log_group.auth_logs") + "]");
            JsonNode resources = out.stack(env).path("resource");
            resources.fields().forEachRemaining(type -> type.getValue().fieldNames().forEachRemaining(address ->
                    assertThat(address).as(env + ": what runs of a retired service goes")
                            .doesNotStartWith("mailer_")));
            assertThat(resources.path("aws_ecs_service").has("auth_service")).isFalse();
            assertThat(resources.path("aws_ecs_service").has("billing_service")).isTrue();
            assertThat(resources.path("datadog_monitor").fieldNames()).toIterable()
                    .allMatch(address -> address.startsWith("billing_"));
            assertThat(resources.path("datadog_dashboard_json").path("overview_dashboard").path("dashboard").asText())
                    .doesNotContain("mailer").doesNotContain("auth");
        }
    }

    @Test
    void inProdARetiredLoadBalancerStaysWithoutProtectionSoThatTheLineCanGoNext() {
        JsonNode lb = out.resource("prod", "aws_lb", "auth_lb");
        assertThat(lb.path("enable_deletion_protection").asBoolean()).isFalse();
        assertThat(out.has("prod", "aws_lb_listener", "auth_listener_http")).isTrue();
        assertThat(out.has("prod", "aws_vpc_security_group_egress_rule", "auth_lb_to_tasks"))
                .as("the tasks' security group goes with the tasks").isFalse();
        assertThat(out.has("stage", "aws_lb", "auth_lb")).as("stage's load balancer was never protected").isFalse();
    }

    /** Terraform itself reads the removed blocks: they need no provider. */
    @Test
    void terraformAcceptsTheRemovedBlocks(@TempDir Path dir) throws Exception {
        ObjectNode removedOnly = new ObjectMapper().createObjectNode();
        removedOnly.set("removed", out.stack("prod").path("removed"));
        Files.writeString(dir.resolve("main.tf.json"), removedOnly.toPrettyString());
        TerraformCli.Result init = TerraformCli.run(dir, "init", "-backend=false", "-input=false", "-no-color");
        assertThat(init.exit()).as(init.output()).isZero();
        TerraformCli.Result validate = TerraformCli.run(dir, "validate", "-no-color");
        assertThat(validate.exit()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("The configuration is valid");
    }

    private static String released(String address) {
        return "{\"from\":\"" + address + "\",\"lifecycle\":{\"destroy\":false}}";
    }
}
