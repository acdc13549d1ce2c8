package dev.servicekit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.snapshot.ReferenceCheck;
import dev.servicekit.support.Contexts;
import dev.servicekit.support.LargeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared load balancers: each web service a target group and a host-header rule on one of the platform's load
 * balancers (internet-facing and internal apart), the one its line names, so that adding or removing a line never
 * moves another service; the certificate and DNS records where the environment has a hosted zone.
 */
class SharedLoadBalancerTest {
    private static final String NGINX = "public.ecr.aws/nginx/nginx:1.27";
    private static final String ZONE = "Z0123456789ABCDEFGHIJ";

    private static Map<String, Object> shared(String stacks, Map<String, Object> extra) {
        Map<String, Object> prod = new HashMap<>(Map.of("stacks", stacks, "loadBalancer", "shared",
                "domain", "prod.example.com", "hostedZoneId", ZONE,
                "sharedLoadBalancers", Map.of("internet-facing", 2, "internal", 1)));
        prod.putAll(extra);
        return Contexts.of(Map.entry("prod", prod));
    }

    private static Catalog catalog(Service... lines) {
        return Catalog.of(lines);
    }

    private static final Service SHOP = Service.web("shop", NGINX, 8080).owner("storefront").healthCheck("/healthz");
    private static final Service ADMIN = Service.web("admin", NGINX, 80).owner("ops").internal();
    private static final Service SEARCH = Service.web("search", NGINX, 80).owner("storefront").sharedLoadBalancer(1);

    @Test
    void aServiceStackAddsItsRuleTargetGroupAndRecordToTheLoadBalancerItsLineNames(@TempDir Path dir) throws Exception {
        StackLayoutTest.Output output = StackLayoutTest.synth(catalog(SHOP, ADMIN, SEARCH), shared("service", Map.of()), dir);
        JsonNode platform = output.stack("prod-platform");
        JsonNode lbs = platform.path("resource").path("aws_lb");
        assertThat(lbs.fieldNames()).toIterable().containsExactlyInAnyOrder("environment_lb_public_0",
                "environment_lb_public_1", "environment_lb_internal_0");
        assertThat(lbs.path("environment_lb_internal_0").path("internal").asBoolean()).isTrue();
        assertThat(lbs.path("environment_lb_public_1").path("name").asText()).isEqualTo("prod-public-1");
        assertThat(platform.path("resource").path("aws_acm_certificate").path("environment_certificate")
                .path("domain_name").asText()).isEqualTo("*.prod.example.com");
        assertThat(platform.path("resource").path("aws_lb_listener").path("environment_lb_public_0_https")
                .path("certificate_arn").asText())
                .isEqualTo("${aws_acm_certificate_validation.environment_certificate_valid.certificate_arn}");

        JsonNode shop = output.stack("prod-shop");
        assertThat(shop.path("resource").has("aws_lb")).as("no load balancer of its own").isFalse();
        JsonNode rule = shop.path("resource").path("aws_lb_listener_rule").path("shop_listener_rule");
        assertThat(rule.path("listener_arn").asText()).isEqualTo("${data.aws_lb_listener.platform_lb_public_0_https.arn}");
        assertThat(rule.path("condition").get(0).path("host_header").path("values").get(0).asText())
                .isEqualTo("shop.prod.example.com");
        assertThat(rule.has("priority")).as("the provider takes the next free priority, retrying on a race").isFalse();
        assertThat(rule.path("action").get(0).path("target_group_arn").asText())
                .isEqualTo("${aws_lb_target_group.shop_target_group.arn}");
        assertThat(shop.path("data").path("aws_lb").path("platform_lb_public_0").path("name").asText())
                .isEqualTo(lbs.path("environment_lb_public_0").path("name").asText());
        assertThat(shop.path("resource").path("aws_vpc_security_group_ingress_rule").path("shop_task_ingress")
                .path("referenced_security_group_id").asText())
                .isEqualTo("${one(data.aws_lb.platform_lb_public_0.security_groups)}");
        JsonNode record = shop.path("resource").path("aws_route53_record").path("shop_dns");
        assertThat(record.path("name").asText()).isEqualTo("shop.prod.example.com");
        assertThat(record.path("zone_id").asText()).isEqualTo(ZONE);
        assertThat(record.path("alias").path("name").asText()).isEqualTo("${data.aws_lb.platform_lb_public_0.dns_name}");
        assertThat(shop.path("resource").path("aws_ecs_service").path("shop_service").path("depends_on"))
                .extracting(JsonNode::asText).contains("aws_lb_listener_rule.shop_listener_rule");
        assertThat(shop.path("resource").path("datadog_synthetics_test").path("shop_synthetics").path("request_definition")
                .path("url").asText()).isEqualTo("https://shop.prod.example.com/healthz");

        assertThat(output.stack("prod-search").path("resource").path("aws_lb_listener_rule").path("search_listener_rule")
                .path("listener_arn").asText()).isEqualTo("${data.aws_lb_listener.platform_lb_public_1_https.arn}");
        assertThat(output.stack("prod-admin").path("resource").path("aws_lb_listener_rule").path("admin_listener_rule")
                .path("listener_arn").asText()).isEqualTo("${data.aws_lb_listener.platform_lb_internal_0_https.arn}");
        for (JsonNode stack : output.stacks().values()) {
            assertThat(ReferenceCheck.problems(stack, ReferenceCheck.Providers.CONFIGURED)).isEmpty();
        }
    }

    @Test
    void aServicesOwnMetricsStayItsOwnOnASharedLoadBalancer(@TempDir Path dir) throws Exception {
        StackLayoutTest.Output output = StackLayoutTest.synth(catalog(SHOP), shared("service", Map.of()), dir);
        JsonNode monitors = output.stack("prod-shop").path("resource").path("datadog_monitor");
        List<String> queries = new ArrayList<>();
        monitors.forEach(monitor -> queries.add(monitor.path("query").asText()));
        assertThat(queries).as("the load balancer's own 5xx has no target group tag: every service's on a shared one")
                .noneMatch(query -> query.contains("httpcode_elb_5xx"))
                .anyMatch(query -> query.contains("target_connection_error_count{targetgroup:"));
        assertThat(queries).filteredOn(query -> query.contains("aws.applicationelb."))
                .allMatch(query -> query.contains("targetgroup:"));
    }

    @Test
    void inOneStackTheServicesReferToThePlatformsLoadBalancersDirectly(@TempDir Path dir) throws Exception {
        StackLayoutTest.Output output = StackLayoutTest.synth(catalog(SHOP, ADMIN), shared("environment", Map.of()), dir);
        JsonNode prod = output.stack("prod");
        assertThat(prod.path("resource").path("aws_lb_listener_rule").path("shop_listener_rule").path("listener_arn").asText())
                .isEqualTo("${aws_lb_listener.environment_lb_public_0_https.arn}");
        assertThat(prod.path("data").has("aws_lb")).isFalse();
        assertThat(ReferenceCheck.problems(prod, ReferenceCheck.Providers.CONFIGURED)).isEmpty();
    }

    @Test
    void withoutACertificateTheRulesGoOnTheHttpListener(@TempDir Path dir) throws Exception {
        Map<String, Object> stage = Contexts.of(Map.entry("stage", Map.of("stacks", "service", "loadBalancer", "shared",
                "domain", "stage.example.com")));
        StackLayoutTest.Output output = StackLayoutTest.synth(catalog(SHOP), stage, dir);
        assertThat(output.stack("stage-platform").path("resource").path("aws_lb_listener").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("environment_lb_public_0_http", "environment_lb_internal_0_http");
        assertThat(output.stack("stage-shop").path("resource").path("aws_lb_listener_rule").path("shop_listener_rule")
                .path("listener_arn").asText()).isEqualTo("${data.aws_lb_listener.platform_lb_public_0_http.arn}");
        assertThat(output.stack("stage-shop").path("resource").has("aws_route53_record")).as("no zone: DNS is yours")
                .isFalse();
    }

    @Test
    void addingOrRemovingLinesMovesNoServiceToAnotherLoadBalancer(@TempDir Path dir) throws Exception {
        StackLayoutTest.Output before = StackLayoutTest.synth(catalog(SHOP, ADMIN, SEARCH), shared("service", Map.of()), dir);
        // A line added in front, one at the end, and one removed between: the others keep their load balancer and
        // their stacks are unchanged, byte for byte.
        StackLayoutTest.Output after = StackLayoutTest.synth(catalog(Service.web("aaa", NGINX, 80), SHOP, SEARCH,
                Service.web("zzz", NGINX, 80).sharedLoadBalancer(1)), shared("service", Map.of()), dir);
        for (String stack : List.of("prod-platform", "prod-shop", "prod-search")) {
            assertThat(after.texts().get(stack)).as(stack).isEqualTo(before.texts().get(stack));
        }
    }

    @Test
    void fiveHundredServicesOfOneEnvironmentFitThreeSharedLoadBalancers(@TempDir Path dir) throws Exception {
        Map<String, Object> context = Contexts.of(Map.entry("prod", Map.of("loadBalancer", "shared", "domain", "example.com",
                "hostedZoneId", ZONE, "sharedLoadBalancers", Map.of("internet-facing", LargeCatalog.sharedLoadBalancers(500),
                        "internal", 0))));
        JsonNode prod = StackLayoutTest.synth(LargeCatalog.onSharedLoadBalancers(500), context, dir).stack("prod");
        assertThat(prod.path("resource").path("aws_lb").size()).isEqualTo(3);
        Map<String, Integer> rulesPerListener = new HashMap<>();
        prod.path("resource").path("aws_lb_listener_rule").forEach(rule ->
                rulesPerListener.merge(rule.path("listener_arn").asText(), 1, Integer::sum));
        assertThat(rulesPerListener).containsOnly(
                Map.entry("${aws_lb_listener.environment_lb_public_0_https.arn}", 100),
                Map.entry("${aws_lb_listener.environment_lb_public_1_https.arn}", 100),
                Map.entry("${aws_lb_listener.environment_lb_public_2_https.arn}", 50));
        assertThat(prod.path("resource").path("aws_ecs_service").size()).isEqualTo(500);
    }
}
