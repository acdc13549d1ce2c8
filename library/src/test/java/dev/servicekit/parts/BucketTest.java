package dev.servicekit.parts;

import dev.servicekit.support.TestEnvironments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.bucket.Bucket;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Synthesized;
import dev.servicekit.validation.CatalogValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** .bucket() on a line: the bucket and its protections, its grant, its variable, in both stacks and the modules. */
class BucketTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";

    @Test
    void aLinesBucketIsPrivateEncryptedVersionedTlsOnlyAndItsTasksAlone() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("reports", IMAGE).bucket(),
                Service.worker("mailer", IMAGE)));
        for (String env : List.of("stage", "prod")) {
            JsonNode bucket = out.resource(env, "aws_s3_bucket", "reports_bucket");
            assertThat(bucket.path("bucket").asText())
                    .isEqualTo(env + "-reports-${data.aws_caller_identity.current.account_id}");
            assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).isEqualTo(env.equals("prod"));
            assertThat(bucket.path("tags").path("service").asText()).isEqualTo("reports");
            assertThat(out.resource(env, "aws_s3_bucket_server_side_encryption_configuration", "reports_bucket_encryption")
                    .path("rule").get(0).path("apply_server_side_encryption_by_default").path("sse_algorithm").asText())
                    .isEqualTo("AES256");
            JsonNode block = out.resource(env, "aws_s3_bucket_public_access_block", "reports_bucket_public_access");
            for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                    "restrict_public_buckets")) {
                assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
            }
            assertThat(out.resource(env, "aws_s3_bucket_versioning", "reports_bucket_versioning")
                    .path("versioning_configuration").path("status").asText()).isEqualTo("Enabled");
            JsonNode lifecycle = out.resource(env, "aws_s3_bucket_lifecycle_configuration", "reports_bucket_lifecycle");
            assertThat(lifecycle.path("rule").get(0).path("noncurrent_version_expiration").path("noncurrent_days").asInt())
                    .isEqualTo(30);
            assertThat(lifecycle.path("depends_on").toString()).contains("aws_s3_bucket_versioning.reports_bucket_versioning");
            assertThat(out.resource(env, "aws_s3_bucket_policy", "reports_bucket_policy").path("policy").asText())
                    .contains("\"Effect\" = \"Deny\"", "\"aws:SecureTransport\" = \"false\"", "\"Action\" = \"s3:*\"",
                            "[aws_s3_bucket.reports_bucket.arn, \"${aws_s3_bucket.reports_bucket.arn}/*\"]");
            assertThat(out.resource(env, "aws_iam_role_policy", "reports_task_policy").path("policy").asText())
                    .contains("{\"Action\" = [\"s3:ListBucket\"], \"Effect\" = \"Allow\", \"Resource\" = "
                            + "[aws_s3_bucket.reports_bucket.arn], \"Sid\" = \"ListOwnBucket\"}")
                    .contains("{\"Action\" = [\"s3:GetObject\", \"s3:PutObject\", \"s3:DeleteObject\"], \"Effect\" = "
                            + "\"Allow\", \"Resource\" = [\"${aws_s3_bucket.reports_bucket.arn}/*\"], \"Sid\" = "
                            + "\"ReadWriteOwnBucket\"}");
            assertThat(out.resource(env, "aws_iam_role_policy", "mailer_task_policy").path("policy").asText())
                    .as("another service gets nothing of it").doesNotContain("s3:");
            assertThat(out.resource(env, "aws_ecs_task_definition", "reports_task").path("container_definitions").asText())
                    .contains("{\"name\" = \"BUCKET_NAME\", \"value\" = aws_s3_bucket.reports_bucket.bucket}");
            assertThat(out.stack(env).path("output").path("reports_bucket_name").path("value").asText())
                    .isEqualTo("${aws_s3_bucket.reports_bucket.bucket}");
            assertThat(out.has(env, "aws_s3_bucket", "mailer_bucket")).isFalse();
        }
        assertThat(out.written("prod").path("resource").path("aws_s3_bucket").path("reports_bucket").path("//")
                .path("metadata").path("stateful").path("loss").asText())
                .as("the replacement warning knows what a new bucket would lose").isEqualTo("its objects would be lost");
    }

    @Test
    void theBucketsNameAndOptionsAreChecked() {
        assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(
                Service.worker("a-service-whose-name-is-long-enough", IMAGE).bucket(Bucket.keepingOldVersionsFor(0))),
                List.of(TestEnvironments.stage(), TestEnvironments.prod().toBuilder().prefix("platform-team").build())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("catalog/a-service-whose-name-is-long-enough: bucket.noncurrentVersionDays: 0 is "
                        + "outside 1-36500 days")
                .hasMessageContaining("prod/a-service-whose-name-is-long-enough: bucket name (its last 12 digits are "
                        + "the account ID): 'platform-team-prod-a-service-whose-name-is-long-enough-000000000000' is 67 "
                        + "characters; AWS limits S3 bucket names to 63")
                .message().doesNotContain("stage/a-service-whose-name-is-long-enough: bucket name");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Service.worker("w", IMAGE).bucket().bucket())))
                .hasMessageContaining("catalog/w: bucket: given more than once");
    }

    @Test
    void stagesBucketGoesWithItsObjectsProdsRefusesToGo() throws Exception {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("reports", IMAGE).bucket()), TestEnvironments.context());
        JsonNode stage = out.resource("stage", "aws_s3_bucket", "reports_bucket");
        assertThat(stage.path("force_destroy").asBoolean())
                .as("S3 refuses DeleteBucket while any version or delete marker remains; force_destroy empties it")
                .isTrue();
        assertThat(stage.path("lifecycle").path("prevent_destroy").asBoolean()).isFalse();
        JsonNode prod = out.resource("prod", "aws_s3_bucket", "reports_bucket");
        assertThat(prod.path("force_destroy").asBoolean()).isFalse();
        assertThat(prod.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
        for (String module : List.of("worker", "web-service")) {
            JsonNode bucket = new ObjectMapper().readTree(Files.readString(Path.of("modules", module, "main.tf.json")))
                    .path("resource").path("aws_s3_bucket").path("bucket");
            assertThat(bucket.path("force_destroy").asBoolean()).as(module + " protects its bucket").isFalse();
            assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).as(module).isTrue();
        }
    }

    @Test
    void oldVersionsAndTheDeleteMarkersLeftAloneGoAfterTheirDays() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("reports", IMAGE).bucket(Bucket.keepingOldVersionsFor(60))),
                TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            JsonNode rules = out.resource(env, "aws_s3_bucket_lifecycle_configuration", "reports_bucket_lifecycle")
                    .path("rule");
            assertThat(rules).hasSize(1);
            JsonNode rule = rules.get(0);
            assertThat(rule.path("noncurrent_version_expiration").path("noncurrent_days").asInt()).isEqualTo(60);
            assertThat(rule.path("expiration").path("expired_object_delete_marker").asBoolean())
                    .as("a deleted object leaves a delete marker, which outlives its last old version unless removed")
                    .isTrue();
            assertThat(rule.path("expiration").has("days")).as("S3 refuses Days beside ExpiredObjectDeleteMarker")
                    .isFalse();
        }
    }

    @Test
    void theModulesOfferTheBucketBehindABooleanInput() throws Exception {
        for (String module : List.of("worker", "web-service")) {
            JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of("modules", module, "main.tf.json")));
            assertThat(json.path("variable").path("bucket").path("type").asText()).isEqualTo("bool");
            assertThat(json.path("variable").path("bucket").path("default").asBoolean()).isFalse();
            json.path("resource").fields().forEachRemaining(type -> {
                if (type.getKey().startsWith("aws_s3_bucket")) {
                    type.getValue().forEach(block -> assertThat(block.path("count").asText())
                            .as(type.getKey()).isEqualTo("${var.bucket ? 1 : 0}"));
                }
            });
            assertThat(json.path("resource").path("aws_s3_bucket").path("bucket").path("bucket").asText())
                    .isEqualTo("${var.environment}-${var.name}-${data.aws_caller_identity.current.account_id}");
            assertThat(json.path("resource").path("aws_ecs_task_definition").path("task").path("container_definitions")
                    .asText()).contains("var.bucket ? [{\"name\" = \"BUCKET_NAME\", \"value\" = aws_s3_bucket.bucket[0].bucket}] : []");
            JsonNode taskPolicy = json.path("resource").path("aws_iam_role_policy").path("task_policy");
            assertThat(taskPolicy.path("policy").asText()).contains("var.bucket ? [{\"Action\" = [\"s3:ListBucket\"]");
            assertThat(json.path("output").path("bucket_name").path("value").asText())
                    .isEqualTo("${var.bucket ? aws_s3_bucket.bucket[0].bucket : null}");
        }
        JsonNode web = new ObjectMapper().readTree(Files.readString(Path.of("modules/web-service/main.tf.json")));
        assertThat(web.path("resource").path("aws_iam_role_policy").path("task_policy").path("count").asText())
                .as("a web service without a queue has a task policy only with its bucket")
                .isEqualTo("${var.bucket ? 1 : 0}");
    }
}
