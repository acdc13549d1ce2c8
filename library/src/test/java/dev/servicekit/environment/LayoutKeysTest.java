package dev.servicekit.environment;

import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Contexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cdktf.json's keys for stack layouts, state per stack, shared load balancers and quotas, read and refused. */
class LayoutKeysTest {
    private static Environment prod(Map<String, Object> settings) {
        List<Environment> environments = EnvironmentContext.environments(Contexts.of(Map.entry("prod", settings)));
        return environments.get(0);
    }

    @Test
    void theKeysSetTheirValuesAndTheDefaultsAreTodaysBehaviour() {
        Environment defaults = prod(Map.of());
        assertThat(defaults.stacks()).isEqualTo(StackLayout.ENVIRONMENT);
        assertThat(defaults.loadBalancing()).isEqualTo(new LoadBalancing.Own());
        assertThat(defaults.account()).isEmpty();
        assertThat(defaults.state()).isInstanceOf(StateBackend.Local.class);

        Environment set = prod(Map.of("stacks", "owner", "account", "123456789012", "loadBalancer", "shared",
                "domain", "prod.example.com", "hostedZoneId", "Z0123456789ABCDEFGHIJ",
                "sharedLoadBalancers", Map.of("internal", 0), "quotas", Map.of("applicationLoadBalancers", 80),
                "cloud", Map.of("organization", "acme", "project", "infra")));
        assertThat(set.stacks()).isEqualTo(StackLayout.OWNER);
        assertThat(set.account()).contains("123456789012");
        assertThat(set.loadBalancing()).isEqualTo(new LoadBalancing.Shared("prod.example.com",
                Optional.of("Z0123456789ABCDEFGHIJ"), 1, 0));
        assertThat(set.quotaIncreases()).containsExactly(Map.entry("applicationLoadBalancers", 80));
        assertThat(set.state()).isEqualTo(new StateBackend.Cloud("acme", "app.terraform.io", Optional.of("infra")));
    }

    @Test
    void aMistakeNamesItsKey() {
        assertThatThrownBy(() -> prod(Map.of("loadBalancer", "shared")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("context.servicekit.prod.domain: required with \"loadBalancer\": \"shared\"");
        assertThatThrownBy(() -> prod(Map.of("domain", "prod.example.com")))
                .hasMessageContaining("context.servicekit.prod.domain: has no effect without \"loadBalancer\": \"shared\"");
        assertThatThrownBy(() -> prod(Map.of("loadBalancer", "pooled")))
                .hasMessageContaining("context.servicekit.prod.loadBalancer: 'pooled' is not a load balancer mode; known: [own, shared]");
        assertThatThrownBy(() -> prod(Map.of("cloud", Map.of("project", "infra"))))
                .hasMessageContaining("context.servicekit.prod.cloud.organization: required");
        assertThatThrownBy(() -> prod(Map.of("cloud", Map.of("organization", "acme"), "stateBucket", "acme-state")))
                .hasMessageContaining("context.servicekit.prod.stateBucket: has no effect with cloud");
        assertThatThrownBy(() -> prod(Map.of("quotas", Map.of("vpcs", "ten"))))
                .hasMessageContaining("context.servicekit.prod.quotas.vpcs: expected a whole number");
        assertThatThrownBy(() -> dev.servicekit.validation.CatalogValidator.validate(
                dev.servicekit.catalog.Catalog.of(dev.servicekit.catalog.Service.worker("w",
                        "public.ecr.aws/docker/library/busybox:1.36")),
                List.of(prod(Map.of("account", "12345", "loadBalancer", "shared", "domain", "Prod_Example")))))
                .hasMessageContaining("prod: account: '12345' is not an AWS account ID (12 digits)")
                .hasMessageContaining("prod: domain: 'Prod_Example' is not a DNS domain");
    }
}
