package dev.servicekit.environment;

import dev.servicekit.support.TestEnvironments;
import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.support.Synthesized;
import dev.servicekit.rules.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** cdktf.json's context adapts the environments to an account without touching library code. */
class EnvironmentContextTest {
    private static final Catalog CATALOG = Catalog.of(Service.web("web", "public.ecr.aws/nginx/nginx:1.27", 80)
            .runbook("https://runbooks.example.com/web"));

    @Test
    void anAccountIsConfiguredInCdktfJsonContext() {
        Map<String, Object> context = Map.of("servicekit", Map.of("stage", Map.of(),
                "prod", Map.of("region", "eu-west-1", "stateBucket", "acme-terraform-state",
                        "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/x",
                        "notify", "@slack-acme",
                        "vpcId", "vpc-0123456789abcdef0", "publicSubnetIds", List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                        "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"), "clusterName", "shared")));
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
                .isEqualTo("[\"subnet-0a1b2c3d4e5f60003\",\"subnet-0a1b2c3d4e5f60004\"]");
        assertThat(service.path("cluster").asText()).isEqualTo("${data.aws_ecs_cluster.existing.arn}");
        assertThat(out.resource("prod", "aws_lb", "web_lb").path("subnets").toString())
                .isEqualTo("[\"subnet-0a1b2c3d4e5f60001\",\"subnet-0a1b2c3d4e5f60002\"]");
        assertThat(out.has("prod", "aws_lb_listener", "web_listener_https")).isTrue();

        JsonNode stage = out.stack("stage");
        assertThat(stage.path("terraform").path("backend").path("local").path("path").asText())
                .isEqualTo("../../../terraform.stage.tfstate");
        assertThat(stage.path("resource").has("aws_vpc")).isTrue();
    }

    @Test
    void aKeyThatWouldHaveNoEffectIsAnError() {
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("stateRegion", "eu-west-1", "privateSubnetIds", List.of("subnet-1"))))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.prod.stateRegion: has no effect without stateBucket")
                .hasMessageContaining("cdktf.json: context.servicekit.prod.privateSubnetIds: has no effect without "
                        + "vpcId and clusterName");
    }

    @Test
    void loadBalancerLogsGoToTheEnvironmentsBucketAnExistingOneOrNowhere() {
        List<Environment> environments = EnvironmentContext.environments(Map.of("servicekit", Map.of(
                "stage", Map.of("loadBalancerLogs", false),
                "prod", Map.of("loadBalancerLogsBucket", "acme-central-lb-logs"),
                "dev", Map.of("preset", "stage"))));
        assertThat(environments.stream().collect(java.util.stream.Collectors.toMap(Environment::name,
                Environment::loadBalancerLogs))).containsEntry("stage", new LoadBalancerLogs.Off())
                .containsEntry("prod", new LoadBalancerLogs.Existing("acme-central-lb-logs"))
                .containsEntry("dev", new LoadBalancerLogs.Managed());
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("loadBalancerLogs", false, "loadBalancerLogsBucket", "b")))))
                .hasMessageContaining("cdktf.json: context.servicekit.prod.loadBalancerLogsBucket: has no effect with "
                        + "loadBalancerLogs false");
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("loadBalancerLogs", "no")))))
                .hasMessageContaining("cdktf.json: context.servicekit.prod.loadBalancerLogs");
    }

    /** A misspelt top-level key would leave prod on local state, or every name without its prefix, silently. */
    @Test
    void aMisspeltServicekitKeyIsAnErrorNotIgnored() {
        for (String typo : List.of("serviceKit", "servicekits", "servicekitDefault", "serviceKitDefaults", "sevicekit")) {
            assertThatThrownBy(() -> EnvironmentContext.environments(Map.of(typo, Map.of("prod", Map.of()))))
                    .as(typo).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cdktf.json: context." + typo + ": unknown key; did you mean \"servicekit"
                            + (typo.toLowerCase().contains("default") ? "Defaults" : "") + "\"?");
        }
        assertThat(EnvironmentContext.environments(Map.of("excludeStackIdFromLogicalIds", "true",
                "allowSepCharsInLogicalIds", "true", "services", 3, "serviceId", "x", "serviceKind", "y",
                "servicekitVersion", "1"))).as("cdktf's keys and others' are left alone")
                .extracting(Environment::name).containsExactly("stage", "prod");
    }

    /** A value from servicekitDefaults is wrong where the user wrote it: reported there, once. */
    @Test
    void aBadDefaultIsReportedOnceUnderServicekitDefaults() {
        Map<String, Object> context = Map.of("servicekitDefaults", Map.of("prefix", "teamx", "maxcount", 3, "cpu", "big"),
                "servicekit", Map.of("dev", Map.of("preset", "stage"), "stage", Map.of(), "prod", Map.of("cpu", 512)));
        ConfigurationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> EnvironmentContext.environments(context), ConfigurationException.class);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "cdktf.json: context.servicekitDefaults.maxcount: unknown key; did you mean \"maxCount\"?",
                "cdktf.json: context.servicekitDefaults.cpu: expected a whole number, got the string \"big\"");
    }

    @Test
    void aTypoInTheContextIsAnErrorThatNamesTheKey() {
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("regoin", "eu-west-1")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.prod.regoin: unknown key; did you mean \"region\"?");
        // The issue's own example: one letter left out of maxCount, which would otherwise list all the keys.
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("maxCont", 3))))).hasMessageContaining("cdktf.json: context.servicekit.prod.maxCont: unknown key; "
                + "did you mean \"maxCount\"?");
        // Two keys as near: both named. Nothing near: every key known.
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("mixCount", 3))))).hasMessageContaining("unknown key; did you mean \"minCount\" or \"maxCount\"?");
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("flavour", "large"))))).hasMessageContaining("prod.flavour: unknown key; known: "
                + EnvironmentContext.KEYS.keySet());
        Map<String, Object> nested = new java.util.HashMap<>();
        nested.put("slo", Map.of("target", 99.9, "windw", "7d"));
        nested.put("synthetics", Map.of("tick", 60));
        nested.put("monitors", Map.of("cpu", Map.of("critical", 90, "warn", 80)));
        nested.put("certificateArn", null);
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod", nested))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.prod.slo.windw: unknown key; did you mean \"window\"?")
                .hasMessageContaining("cdktf.json: context.servicekit.prod.synthetics.tick: unknown key; known: "
                        + "[locations, tickSeconds]")
                .hasMessageContaining("cdktf.json: context.servicekit.prod.monitors.cpu.warn: unknown key; known: "
                        + "[critical, warning]")
                .hasMessageContaining("cdktf.json: context.servicekit.prod.certificateArn: expected a string, got null "
                        + "(leave the key out for the default)");
        Map<String, Object> nullCritical = new java.util.HashMap<>();
        nullCritical.put("critical", null);
        assertThat(catchThrowableOfType(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("monitors", Map.of("cpu", nullCritical))))), ConfigurationException.class).problems())
                .extracting(Object::toString).containsExactly("cdktf.json: context.servicekit.prod.monitors.cpu.critical: "
                        + "expected a number, got null (leave the key out for the default)");
        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("qa", Map.of()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cdktf.json: context.servicekit.qa.preset: an environment other than stage and "
                        + "prod needs \"preset\": \"stage\" or \"prod\"");
    }

    @Test
    void aManagedNetworkAvoidsOptInZonesAndTheZonesAnEnvironmentExcludes() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("w", "public.ecr.aws/docker/library/busybox:1.36")
                        .runbook("https://runbooks.example.com/w")),
                Map.of("servicekit", Map.of("stage", Map.of(), "prod", Map.of("excludeZoneIds", List.of("use1-az3")))));
        for (String env : List.of("stage", "prod")) {
            JsonNode zones = out.stack(env).path("data").path("aws_availability_zones").path("available");
            assertThat(zones.path("state").asText()).isEqualTo("available");
            assertThat(zones.path("filter").toString()).as(env + ": Local Zones sort first and offer no Fargate")
                    .isEqualTo("[{\"name\":\"opt-in-status\",\"values\":[\"opt-in-not-required\"]}]");
        }
        assertThat(out.stack("prod").path("data").path("aws_availability_zones").path("available")
                .path("exclude_zone_ids").toString()).isEqualTo("[\"use1-az3\"]");
        JsonNode fewerZones = Synthesized.of(Catalog.of(Service.worker("w", "public.ecr.aws/docker/library/busybox:1.36")
                        .runbook("https://runbooks.example.com/w")),
                Map.of("servicekit", Map.of("stage", Map.of("zones", 3), "prod", Map.of()))).stack("stage");
        assertThat(fewerZones.path("data").path("aws_availability_zones").path("available").path("lifecycle")
                .path("postcondition").get(0).path("condition").asText())
                .as("a region with fewer usable zones stops the plan with a message, instead of wrapping around")
                .isEqualTo("${length(self.names) >= 3}");
        assertThat(fewerZones.path("resource").path("aws_subnet").path("network_private_subnet_c")
                .path("availability_zone").asText()).isEqualTo("${data.aws_availability_zones.available.names[2]}");
        assertThat(out.stack("stage").path("data").path("aws_availability_zones").path("available")
                .has("exclude_zone_ids")).isFalse();

        assertThatThrownBy(() -> EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                Map.of("excludeZoneIds", List.of("use1-az3"), "vpcId", "vpc-1", "clusterName", "c")))))
                .hasMessageContaining("context.servicekit.prod.excludeZoneIds: has no effect with vpcId");
        assertThatThrownBy(() -> dev.servicekit.validation.CatalogValidator.validate(CATALOG,
                EnvironmentContext.environments(Map.of("servicekit", Map.of("prod",
                        Map.of("excludeZoneIds", List.of("us-east-1a")))))))
                .hasMessageContaining("prod: excludeZoneIds: 'us-east-1a' is not an availability zone ID such as use1-az3");
    }

    @Test
    void everyKeyNamesAnEnvironmentSynthesizedInOrderAndEveryPresetValueCanBeSet() {
        Map<String, Object> devSettings = new java.util.LinkedHashMap<>();
        devSettings.put("preset", "stage");
        devSettings.put("prefix", "team");
        devSettings.put("cidr", "10.40.0.0/16");
        devSettings.put("zones", 3);
        devSettings.put("natGateways", 1);
        devSettings.put("cpu", 512);
        devSettings.put("memory", 2048);
        devSettings.put("minCount", 1);
        devSettings.put("desiredCount", 2);
        devSettings.put("maxCount", 4);
        devSettings.put("logRetentionDays", 30);
        devSettings.put("protectStatefulResources", true);
        devSettings.put("httpsRequired", true);
        devSettings.put("page", "@pagerduty-team");
        devSettings.put("notify", "@slack-team");
        devSettings.put("pagePriority", 2);
        devSettings.put("notifyPriority", 4);
        devSettings.put("evaluationDelaySeconds", 600);
        devSettings.put("monitors", Map.of("cpu", Map.of("critical", 90, "warning", 80)));
        devSettings.put("slo", Map.of("target", 99.5, "window", "30d"));
        devSettings.put("synthetics", Map.of("locations", List.of("aws:eu-west-1"), "tickSeconds", 120));
        Map<String, Object> environments = new java.util.LinkedHashMap<>();
        environments.put("prod", Map.of());
        environments.put("dev", devSettings);

        List<Environment> resolved = EnvironmentContext.environments(Map.of("servicekit", environments,
                "servicekitDefaults", Map.of("region", "eu-west-1")));

        assertThat(resolved).extracting(Environment::name).containsExactly("prod", "dev");
        Environment d = resolved.get(1);
        assertThat(d.preset()).isEqualTo(Preset.STAGE);
        assertThat(d.awsName()).isEqualTo("team-dev");
        assertThat(d.region()).as("from servicekitDefaults").isEqualTo("eu-west-1");
        assertThat(resolved.get(0).region()).isEqualTo("eu-west-1");
        assertThat(d.network()).isEqualTo(new NetworkConfig.Managed("10.40.0.0/16", 3, 1, List.of()));
        assertThat(d.tasks()).isEqualTo(new TaskDefaults(512, 2048, 1, 2, 4));
        assertThat(d.logRetentionDays()).isEqualTo(30);
        assertThat(d.protectStatefulResources()).isTrue();
        assertThat(d.httpsRequired()).isTrue();
        assertThat(d.monitoring().routing()).isEqualTo(new AlertRouting("@pagerduty-team", 2,
                "@slack-team", 4));
        assertThat(d.monitoring().evaluationDelaySeconds()).isEqualTo(600);
        assertThat(d.monitoring().thresholds().get(MonitorKind.CPU))
                .isEqualTo(Thresholds.of(90, 80));
        assertThat(d.monitoring().thresholds().get(MonitorKind.MEMORY))
                .as("the preset's, where the context says nothing")
                .isEqualTo(TestEnvironments.stage().monitoring().thresholds().get(MonitorKind.MEMORY));
        assertThat(d.monitoring().slo()).isEqualTo(SloTarget.of(99.5, "30d"));
        assertThat(d.monitoring().synthetics().locations()).containsExactly("aws:eu-west-1");

        assertThat(EnvironmentContext.environments(Map.of())).extracting(Environment::name)
                .as("without context.servicekit: stage and prod").containsExactly("stage", "prod");
    }

    @Test
    void aVpcAdoptedInJavaIsAdaptedByCdktfJsonNeverReplaced() {
        NetworkConfig.Existing adopted = new NetworkConfig.Existing("vpc-0123456789abcdef0",
                List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                List.of("subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"), "shared-prod");
        Environment prod = TestEnvironments.prod().toBuilder().network(adopted).build();
        assertThat(EnvironmentContext.adapt(Map.of("servicekit", Map.of("prod", Map.of("region", "eu-west-1"))),
                List.of(prod)).get(0).network()).isEqualTo(adopted);
        assertThat(EnvironmentContext.adapt(Map.of("servicekit", Map.of("prod", Map.of("clusterName", "other"))),
                List.of(prod)).get(0).network()).isEqualTo(new NetworkConfig.Existing(adopted.vpcId(),
                adopted.publicSubnetIds(), adopted.privateSubnetIds(), "other"));
        assertThatThrownBy(() -> EnvironmentContext.adapt(Map.of("servicekit", Map.of("prod", Map.of("zones", 3))),
                List.of(prod))).hasMessageContaining("context.servicekit.prod.zones: has no effect with vpcId");
    }

    @Test
    void environmentsBuiltInJavaAreAdaptedByNameAndAreTheOnlyOnes() {
        Environment qa = TestEnvironments.of("qa", Preset.STAGE).toBuilder().region("eu-central-1")
                .build();
        assertThat(EnvironmentContext.adapt(Map.of("servicekit", Map.of("qa", Map.of("prefix", "x"))), List.of(qa)))
                .containsExactly(qa.toBuilder().prefix("x").build());
        assertThatThrownBy(() -> EnvironmentContext.adapt(Map.of("servicekit", Map.of("prod", Map.of())), List.of(qa)))
                .hasMessageContaining("cdktf.json: context.servicekit.prod: unknown environment; known: [qa]");
        assertThatThrownBy(() -> EnvironmentContext.adapt(Map.of(), List.of(qa, qa.toBuilder().region("eu-west-1")
                .build()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("qa: name: two environments are named qa; each needs a name of its own");
    }

    @Test
    void thePrefixChangesOnlyAwsNames() {
        Catalog catalog = Catalog.of(Service.worker("w", "public.ecr.aws/docker/library/busybox:1.36").secret("KEY")
                        .runbook("https://runbooks.example.com/w"),
                Service.web("web", "public.ecr.aws/nginx/nginx:1.27", 80).withQueue().prod(p -> p.allowPlainHttp())
                        .runbook("https://runbooks.example.com/web"));
        Map<String, Object> plain = Map.of("servicekit", Map.of("prod", Map.of("stateBucket", "acme-state")));
        Map<String, Object> prefixed = Map.of("servicekit", Map.of("prod", Map.of("stateBucket", "acme-state",
                "prefix", "team")));
        String without = Synthesized.of(catalog, plain).texts().get("prod");
        String with = Synthesized.of(catalog, prefixed).texts().get("prod");
        assertThat(with).isNotEqualTo(without).contains("\"team-prod-web\"", "\"team-servicekit-prod\"",
                "\"/team-prod/w\"", "parameter/team-prod/w/KEY", "servicekit/team-prod.tfstate",
                "\"team-prod-web-80\"", "\"[prod] web: p95 latency high\"");
        String stripped = with.replace("team-prod", "prod").replace("team-servicekit-prod", "servicekit-prod");
        assertThat(stripped).as("once the prefix is taken out, nothing else differs").isEqualTo(without);
    }
}
