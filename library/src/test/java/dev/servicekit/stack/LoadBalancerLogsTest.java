package dev.servicekit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access logs go to the environment's own bucket by default, to an existing one, or nowhere, as cdktf.json says. */
class LoadBalancerLogsTest {
    @Test
    void anExistingBucketOrNoneInsteadOfTheEnvironmentsOwn() {
        Synthesized out = Synthesized.of(Catalog.of(Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 80)
                        .prod(p -> p.allowPlainHttp())),
                Map.of("servicekit", Map.of("stage", Map.of("loadBalancerLogs", false),
                        "prod", Map.of("loadBalancerLogsBucket", "acme-central-lb-logs",
                                "runbook", "https://runbooks.example.com/prod"))));
        JsonNode stage = out.resource("stage", "aws_lb", "shop_lb");
        assertThat(stage.has("access_logs")).isFalse();
        assertThat(out.has("stage", "aws_s3_bucket", "environment_lb_logs")).isFalse();
        JsonNode prod = out.resource("prod", "aws_lb", "shop_lb");
        assertThat(prod.path("access_logs").path("bucket").asText()).isEqualTo("acme-central-lb-logs");
        assertThat(prod.path("access_logs").path("prefix").asText()).isEqualTo("shop");
        assertThat(prod.path("depends_on").toString()).doesNotContain("lb_logs");
        assertThat(out.has("prod", "aws_s3_bucket", "environment_lb_logs")).isFalse();
    }

    @Test
    void accessLogsAreGoneAfterTheLogRetentionAndStagesBucketGoesWithThem() {
        Synthesized out = Synthesized.of(Catalog.of(Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 80)
                .prod(p -> p.allowPlainHttp())), TestEnvironments.context(Map.of(), Map.of("logRetentionDays", 30)));
        for (String env : List.of("stage", "prod")) {
            int retention = env.equals("stage") ? 14 : 30;
            JsonNode rules = out.resource(env, "aws_s3_bucket_lifecycle_configuration", "environment_lb_logs_lifecycle")
                    .path("rule");
            JsonNode logs = rules.get(0);
            // On a versioned bucket expiring a log only adds a delete marker: the log stays as an old version
            // until the noncurrent expiration removes it.
            assertThat(logs.path("expiration").path("days").asInt()
                    + logs.path("noncurrent_version_expiration").path("noncurrent_days").asInt())
                    .as(env + ": days until a log is gone for good").isEqualTo(retention);
            JsonNode markers = rules.get(1);
            assertThat(markers.path("expiration").path("expired_object_delete_marker").asBoolean()).isTrue();
            assertThat(markers.path("expiration").has("days")).isFalse();
            assertThat(markers.path("filter").isObject()).isTrue();
        }
        JsonNode stage = out.resource("stage", "aws_s3_bucket", "environment_lb_logs");
        assertThat(stage.path("force_destroy").asBoolean()).isTrue();
        assertThat(stage.path("lifecycle").path("prevent_destroy").asBoolean()).isFalse();
        JsonNode prod = out.resource("prod", "aws_s3_bucket", "environment_lb_logs");
        assertThat(prod.path("force_destroy").asBoolean()).isFalse();
        assertThat(prod.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    }
}
