package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.EnvironmentContext;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Contexts;
import dev.servicekit.support.LargeCatalog;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS's default quotas, summed at synth over the environments that share an account and a region: a catalog over
 * one is refused with the quota, its default, the count and the setting that avoids it.
 */
class QuotaRulesTest {
    private static final String BUSYBOX = "public.ecr.aws/docker/library/busybox:1.36";

    private static List<Environment> environments(Map<String, Object> context) {
        return EnvironmentContext.environments(context);
    }

    private static void validate(Catalog catalog, Map<String, Object> context) {
        CatalogValidator.validate(catalog, environments(context));
    }

    private static Map<String, Object> sharedProd(int internetFacing) {
        return Contexts.of(Map.entry("prod", Map.of("loadBalancer", "shared", "domain", "prod.example.com",
                "hostedZoneId", "Z0123456789ABCDEFGHIJ",
                "sharedLoadBalancers", Map.of("internet-facing", internetFacing, "internal", 0))));
    }

    @Test
    void fiveHundredServicesOnSharedLoadBalancersFitEveryDefaultQuotaAndOnTheirOwnAreRefused() {
        int shared = LargeCatalog.sharedLoadBalancers(500);
        assertThat(shared).isEqualTo(3);
        assertThatCode(() -> validate(LargeCatalog.onSharedLoadBalancers(500), sharedProd(shared))).doesNotThrowAnyException();

        assertThatThrownBy(() -> validate(LargeCatalog.of(500), Contexts.of(Map.entry("prod", Map.of()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod: quotas.applicationLoadBalancers: AWS quota \"Application Load Balancers per "
                        + "Region\" is 50 by default, and prod would need 250")
                .hasMessageContaining("share load balancers (\"loadBalancer\": \"shared\"")
                .hasMessageContaining("or declare the increase AWS granted: \"quotas\": {\"applicationLoadBalancers\": 250}");
    }

    @Test
    void aDeclaredIncreaseIsTheLimit() {
        Map<String, Object> context = Contexts.of(Map.entry("prod", Map.of("quotas", Map.of("applicationLoadBalancers", 250))));
        assertThatCode(() -> validate(LargeCatalog.of(500), context)).doesNotThrowAnyException();
        Map<String, Object> tooLow = Contexts.of(Map.entry("prod", Map.of("quotas", Map.of("applicationLoadBalancers", 200))));
        assertThatThrownBy(() -> validate(LargeCatalog.of(500), tooLow)).hasMessageContaining(
                "is 200 (declared in cdktf.json; AWS's default 50), and prod would need 250");
    }

    @Test
    void aSharedLoadBalancerTakesAHundredServicesAndAWSDoesNotRaiseThat() {
        List<Service> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            lines.add(Service.web("web" + i, "public.ecr.aws/nginx/nginx:1.27", 80));
        }
        assertThatThrownBy(() -> validate(Catalog.of(lines), sharedProd(2)))
                .hasMessageContaining("prod: quotas.targetGroupsPerLoadBalancer: AWS quota \"Target Groups per Application "
                        + "Load Balancer\" is 100 by default, not adjustable, and prod's shared load balancer "
                        + "internet-facing 0 would need 101")
                .hasMessageContaining("put the services above 100 on another shared load balancer (raise "
                        + "\"sharedLoadBalancers\" in cdktf.json, then give the new lines .sharedLoadBalancer(n); the others stay)")
                .hasMessageContaining("quotas.rulesPerLoadBalancer: AWS quota \"Rules per Application Load Balancer (default "
                        + "rules not counted)\" is 100 by default");
        Map<String, Object> raised = Contexts.of(Map.entry("prod", Map.of("loadBalancer", "shared", "domain", "example.com",
                "quotas", Map.of("targetGroupsPerLoadBalancer", 200))));
        assertThatThrownBy(() -> validate(Catalog.of(Service.worker("w", BUSYBOX)), raised)).hasMessageContaining(
                "prod: quotas.targetGroupsPerLoadBalancer: \"Target Groups per Application Load Balancer\" is 100 and "
                        + "AWS does not raise it; leave it out");

        lines.set(100, Service.web("web100", "public.ecr.aws/nginx/nginx:1.27", 80).sharedLoadBalancer(1));
        assertThatCode(() -> validate(Catalog.of(lines), sharedProd(2))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate(Catalog.of(lines), sharedProd(1))).hasMessageContaining(
                "prod/web100: sharedLoadBalancer: shared load balancer 1 does not exist: prod keeps 1 internet-facing one "
                        + "(numbered from 0); raise \"sharedLoadBalancers\": {\"internet-facing\": 2} in cdktf.json first");
    }

    @Test
    void environmentsOfOneAccountAndRegionAreCountedTogetherAndWithoutAnAccountEachAlone() {
        Catalog catalog = Catalog.of(Service.worker("w", BUSYBOX));
        Map<String, Map<String, Object>> environments = new LinkedHashMap<>();
        for (String name : List.of("prod", "eu", "ap")) {
            environments.put(name, new LinkedHashMap<>(Map.of("natGateways", 2, "cidr", "10." + (30 + name.length() + name.charAt(0)) + ".0.0/16")));
            if (!name.equals("prod")) {
                environments.get(name).put("preset", "prod");
            }
        }
        assertThatCode(() -> validate(catalog, context(environments))).as("each alone: 2 Elastic IPs each")
                .doesNotThrowAnyException();

        environments.values().forEach(settings -> settings.put("account", "123456789012"));
        assertThatThrownBy(() -> validate(catalog, context(environments)))
                .hasMessageContaining("account 123456789012 in us-east-1 (prod, eu, ap): quotas.elasticIps: AWS quota "
                        + "\"Elastic IP addresses per Region\" is 5 by default, and account 123456789012 in us-east-1 "
                        + "(prod, eu, ap) would need 6")
                .hasMessageContaining("fewer NAT gateways (\"natGateways\": 1 shares one per environment");

        environments.get("ap").put("region", "ap-southeast-2");
        assertThatCode(() -> validate(catalog, context(environments))).as("another region counts apart")
                .doesNotThrowAnyException();
    }

    @Test
    void theDefaultVpcCountsAndAnAdoptedVpcAvoidsTheVpcQuota() {
        Catalog catalog = Catalog.of(Service.worker("w", BUSYBOX));
        Map<String, Map<String, Object>> environments = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            environments.put("env" + i, new LinkedHashMap<>(Map.of("preset", "stage", "account", "123456789012",
                    "cidr", "10." + (40 + i) + ".0.0/16")));
        }
        assertThatThrownBy(() -> validate(catalog, context(environments))).hasMessageContaining(
                "quotas.vpcs: AWS quota \"VPCs per Region\" is 5 by default, and account 123456789012 in us-east-1 "
                        + "(env0, env1, env2, env3, env4) would need 6")
                .hasMessageContaining("adopt an existing VPC in some environments (\"vpcId\"");
        environments.put("env4", new LinkedHashMap<>(Map.of("preset", "stage", "account", "123456789012",
                "vpcId", "vpc-0123456789abcdef0", "publicSubnetIds", List.of("subnet-0a1b2c3d4e5f60001",
                        "subnet-0a1b2c3d4e5f60002"), "clusterName", "shared")));
        assertThatCode(() -> validate(catalog, context(environments))).doesNotThrowAnyException();
    }

    @Test
    void everyQuotaHasItsDefaultFromAWSsPagesAndAKeyOfItsOwn() {
        assertThat(AwsLimits.QUOTAS).extracting(AwsLimits.Quota::key).doesNotHaveDuplicates();
        assertThat(AwsLimits.APPLICATION_LOAD_BALANCERS.defaultValue()).isEqualTo(50);
        assertThat(AwsLimits.TARGET_GROUPS_PER_LOAD_BALANCER.adjustable()).isFalse();
        assertThatThrownBy(() -> validate(Catalog.of(Service.worker("w", BUSYBOX)),
                Contexts.of(Map.entry("prod", Map.of("quotas", Map.of("loadBalancers", 100))))))
                .hasMessageContaining("prod: quotas.loadBalancers: unknown quota; known: [applicationLoadBalancers,");
        assertThatThrownBy(() -> validate(Catalog.of(Service.worker("w", BUSYBOX)),
                Contexts.of(Map.entry("prod", Map.of("quotas", Map.of("securityGroupRules", 100))))))
                .hasMessageContaining("prod: quotas.securityGroupRules: servicekit keeps \"Inbound or outbound rules per "
                        + "security group\" at AWS's default 60");
    }

    private static Map<String, Object> context(Map<String, Map<String, Object>> environments) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, Map<String, Object>>[] entries = environments.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (Map<String, Object>) new LinkedHashMap<>(e.getValue())))
                .toArray(Map.Entry[]::new);
        return Contexts.of(entries);
    }
}
