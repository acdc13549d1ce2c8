package dev.servicekit.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.JavaStacks;
import dev.servicekit.support.TerraformCli;
import dev.servicekit.support.TerraformMirror;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cdktf destroy stage} leaves nothing behind, even with access logs and objects in its buckets; prod
 * refuses. What decides it is in the synthesized attributes: Terraform refuses to plan the destruction of a
 * resource with {@code prevent_destroy}; S3 refuses to delete a bucket that holds objects (BucketNotEmpty) unless
 * the provider empties it first, which it does when the state says {@code force_destroy} (resourceBucketDelete, on
 * BucketNotEmpty, deletes every object version and delete marker and tries again: hashicorp/terraform-provider-aws
 * internal/service/s3/bucket.go @0070bcd1); ELB refuses to delete a load
 * balancer with deletion protection; a log group or task definition with {@code skip_destroy} stays in AWS.
 * Terraform itself, offline, plans the destruction of stand-ins of stage's resources and refuses prod's.
 */
@Execution(ExecutionMode.CONCURRENT) // Terraform in a temporary directory of its own
class StageTeardownTest {
    /** Assembled in pure Java: this class runs beside others, and cdktf's jsii runtime is not thread safe. */
    private static java.util.Map<String, JsonNode> stacks;

    @BeforeAll
    static void synthesize() {
        stacks = JavaStacks.of(Catalog.of(
                Service.worker("mailer", "public.ecr.aws/docker/library/busybox:1.36").owner("growth").bucket(),
                Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 8080).owner("storefront")
                        .prod(p -> p.allowPlainHttp())), TestEnvironments.context());
    }

    @Test
    void stagesBucketsAreEmptiedOnDestroyAndNothingInStageHoldsOnToItsResources() {
        JsonNode stage = stacks.get("stage");
        List<String> buckets = names(stage, "aws_s3_bucket");
        assertThat(buckets).as("the access-log bucket and the service's bucket")
                .contains("environment_lb_logs", "mailer_bucket");
        for (String bucket : buckets) {
            assertThat(stage.path("resource").path("aws_s3_bucket").path(bucket).path("force_destroy").asBoolean())
                    .as(bucket + " force_destroy").isTrue();
        }
        assertThat(holdingOn(stage)).isEmpty();
    }

    @Test
    void prodRefusesToBeDestroyed() {
        JsonNode prod = stacks.get("prod");
        for (String bucket : names(prod, "aws_s3_bucket")) {
            JsonNode attributes = prod.path("resource").path("aws_s3_bucket").path(bucket);
            assertThat(attributes.path("force_destroy").asBoolean()).as(bucket + " force_destroy").isFalse();
            assertThat(attributes.path("lifecycle").path("prevent_destroy").asBoolean()).as(bucket).isTrue();
        }
        assertThat(holdingOn(prod)).contains("aws_lb.shop_lb: enable_deletion_protection",
                "aws_sqs_queue.mailer_queue: prevent_destroy", "aws_cloudwatch_log_group.mailer_logs: prevent_destroy",
                "aws_s3_bucket.mailer_bucket: prevent_destroy", "aws_s3_bucket.environment_lb_logs: prevent_destroy");
    }

    @Test
    void terraformPlansStagesDestructionAndRefusesProds(@TempDir Path dir) throws Exception {
        TerraformCli.Result stage = planDestroy(dir.resolve("stage"), stacks.get("stage"));
        assertThat(stage.exit()).as(stage.output()).isZero();
        int resources = 0;
        for (String type : iterable(stacks.get("stage").path("resource").fieldNames())) {
            resources += names(stacks.get("stage"), type).size();
        }
        assertThat(stage.output()).contains("0 to add, 0 to change, " + resources + " to destroy");

        TerraformCli.Result prod = planDestroy(dir.resolve("prod"), stacks.get("prod"));
        assertThat(prod.exit()).isNotZero();
        assertThat(prod.output()).contains("Instance cannot be destroyed");
    }

    /** What keeps a resource from going: prevent_destroy, skip_destroy, deletion protection. */
    private static List<String> holdingOn(JsonNode stack) {
        List<String> holding = new ArrayList<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(r -> {
            String address = type.getKey() + "." + r.getKey();
            if (r.getValue().path("lifecycle").path("prevent_destroy").asBoolean()) {
                holding.add(address + ": prevent_destroy");
            }
            if (r.getValue().path("skip_destroy").asBoolean()) {
                holding.add(address + ": skip_destroy");
            }
            if (r.getValue().path("enable_deletion_protection").asBoolean()) {
                holding.add(address + ": enable_deletion_protection");
            }
        }));
        return holding;
    }

    private static TerraformCli.Result planDestroy(Path work, JsonNode stack) throws Exception {
        Files.createDirectories(work);
        Files.writeString(work.resolve("main.tf.json"), new ObjectMapper().writeValueAsString(TerraformMirror.of(stack)));
        for (String[] command : List.of(new String[] {"init", "-input=false", "-no-color"},
                new String[] {"apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=50"})) {
            TerraformCli.Result result = TerraformCli.run(work, command);
            assertThat(result.exit()).as(result.output()).isZero();
        }
        return TerraformCli.run(work, "plan", "-destroy", "-input=false", "-no-color", "-refresh=false");
    }

    private static List<String> names(JsonNode stack, String type) {
        List<String> names = new ArrayList<>();
        stack.path("resource").path(type).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
