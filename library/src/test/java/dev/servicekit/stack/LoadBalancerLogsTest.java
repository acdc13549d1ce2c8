package dev.servicekit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

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
}
