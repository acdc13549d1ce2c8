package dev.servicekit.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Synthesized;
import dev.servicekit.validation.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cdktf.json's context adapts the environments to an account without touching library code. */
class EnvironmentContextTest {
    private static final Catalog CATALOG = Catalog.of(Service.web("web", "public.ecr.aws/nginx/nginx:1.27", 80));

    @Test
    void anAccountIsConfiguredInCdktfJsonContext() {
        Map<String, Object> context = Map.of("servicekit", Map.of(
                "prod", Map.of("region", "eu-west-1", "stateBucket", "acme-terraform-state",
                        "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/x",
                        "notify", "@pagerduty-acme",
                        "vpcId", "vpc-0abc", "publicSubnetIds", List.of("subnet-1", "subnet-2"),
                        "privateSubnetIds", List.of("subnet-3", "subnet-4"), "clusterName", "shared")));
        Synthesized out = Synthesized.of(CATALOG, context);
        JsonNode prod = out.stack("prod");

        assertThat(prod.path("provider").path("aws").get(0).path("region").asText()).isEqualTo("eu-west-1");
        JsonNode s3 = prod.path("terraform").path("backend").path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo("acme-terraform-state");
        assertThat(s3.path("key").asText()).isEqualTo("servicekit/prod.tfstate");
        assertThat(s3.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();

        assertThat(prod.path("resource").has("aws_vpc")).as("an adopted VPC is not created").isFalse();
        assertThat(prod.path("resource").has("aws_ecs_cluster")).isFalse();
        assertThat(prod.path("data").path("aws_ecs_cluster").path("existing").path("cluster_name").asText())
                .isEqualTo("shared");
        JsonNode service = out.resource("prod", "aws_ecs_service", "web_service");
        assertThat(service.path("network_configuration").path("subnets").toString())
                .isEqualTo("[\"subnet-3\",\"subnet-4\"]");
        assertThat(service.path("cluster").asText()).isEqualTo("${data.aws_ecs_cluster.existing.arn}");
        assertThat(out.resource("prod", "aws_lb", "web_lb").path("subnets").toString())
                .isEqualTo("[\"subnet-1\",\"subnet-2\"]");
        assertThat(out.has("prod", "aws_lb_listener", "web_listener_https")).isTrue();

        JsonNode stage = out.stack("stage");
        assertThat(stage.path("terraform").path("backend").path("local").path("path").asText())
                .isEqualTo("../../../terraform.stage.tfstate");
        assertThat(stage.path("resource").has("aws_vpc")).isTrue();
    }

    @Test
    void aKeyThatWouldHaveNoEffectIsAnError() {
        assertThatThrownBy(() -> EnvironmentContext.apply(Map.of("prod", Map.of("stateRegion", "eu-west-1",
                "privateSubnetIds", List.of("subnet-1"))), List.of(Environment.stage(), Environment.prod())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.prod.stateRegion: has no effect without stateBucket")
                .hasMessageContaining("cdktf.json: context.servicekit.prod.privateSubnetIds: has no effect without "
                        + "vpcId and clusterName");
    }

    @Test
    void aTypoInTheContextIsAnErrorThatNamesTheKey() {
        assertThatThrownBy(() -> EnvironmentContext.apply(Map.of("prod", Map.of("regoin", "eu-west-1")),
                List.of(Environment.stage(), Environment.prod())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.prod.regoin (unknown key): cannot be read");
        assertThatThrownBy(() -> EnvironmentContext.apply(Map.of("qa", Map.of()),
                List.of(Environment.stage(), Environment.prod())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.qa: unknown environment; known: [stage, prod]");
    }

    @Test
    void aManagedNetworkAvoidsOptInZonesAndTheZonesAnEnvironmentExcludes() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("w", "public.ecr.aws/docker/library/busybox:1.36")),
                Map.of("servicekit", Map.of("prod", Map.of("excludeZoneIds", List.of("use1-az3")))));
        for (String env : List.of("stage", "prod")) {
            JsonNode zones = out.stack(env).path("data").path("aws_availability_zones").path("available");
            assertThat(zones.path("state").asText()).isEqualTo("available");
            assertThat(zones.path("filter").toString()).as(env + ": Local Zones sort first and offer no Fargate")
                    .isEqualTo("[{\"name\":\"opt-in-status\",\"values\":[\"opt-in-not-required\"]}]");
        }
        assertThat(out.stack("prod").path("data").path("aws_availability_zones").path("available")
                .path("exclude_zone_ids").toString()).isEqualTo("[\"use1-az3\"]");
        assertThat(out.stack("stage").path("data").path("aws_availability_zones").path("available")
                .has("exclude_zone_ids")).isFalse();

        assertThatThrownBy(() -> EnvironmentContext.apply(Map.of("prod", Map.of("excludeZoneIds", List.of("use1-az3"),
                "vpcId", "vpc-1", "clusterName", "c")), List.of(Environment.stage(), Environment.prod())))
                .hasMessageContaining("context.servicekit.prod.excludeZoneIds: has no effect with vpcId");
        assertThatThrownBy(() -> dev.servicekit.validation.CatalogValidator.validate(CATALOG, EnvironmentContext.apply(
                Map.of("prod", Map.of("excludeZoneIds", List.of("us-east-1a"))),
                List.of(Environment.stage(), Environment.prod()))))
                .hasMessageContaining("prod: excludeZoneIds: 'us-east-1a' is not an availability zone ID such as use1-az3");
    }
}
