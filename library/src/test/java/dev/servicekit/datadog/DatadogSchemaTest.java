package dev.servicekit.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Our hand-written Datadog bindings emit only what the provider's schema has, with the right types. */
class DatadogSchemaTest {
    private static final Map<String, String> MODULES = Map.of(
            DatadogMonitor.TYPE, "monitor",
            DatadogDashboardJson.TYPE, "dashboard-json",
            DatadogServiceLevelObjective.TYPE, "service-level-objective",
            DatadogSyntheticsTest.TYPE, "synthetics-test");

    @Test
    void theSchemaIsTheOneTheBindingsTarget() throws Exception {
        assertThat(DatadogSchema.packageVersion()).isEqualTo("10.0.3");
        assertThat(DatadogSchema.of("monitor").kinds()).containsEntry("evaluation_delay", DatadogSchema.Kind.NUMBER)
                .containsEntry("monitor_thresholds", DatadogSchema.Kind.BLOCK);
        assertThat(DatadogSchema.of("monitor").blocks().get("monitor_thresholds").kinds())
                .containsEntry("critical", DatadogSchema.Kind.STRING);
    }

    @Test
    void everyEmittedAttributeIsInTheProviderSchema() {
        Synthesized out = Catalogs.workerAndWebSynthesized();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String env : List.of("stage", "prod")) {
            JsonNode stack = out.stack(env);
            for (Map.Entry<String, String> type : MODULES.entrySet()) {
                DatadogSchema.Attributes schema = DatadogSchema.of(type.getValue());
                var resources = stack.path("resource").path(type.getKey()).fields();
                while (resources.hasNext()) {
                    var resource = resources.next();
                    violations.addAll(DatadogSchema.violations(env + ":" + type.getKey() + "." + resource.getKey(),
                            resource.getValue(), schema));
                    checked++;
                }
            }
            for (JsonNode provider : stack.path("provider").path("datadog")) {
                violations.addAll(DatadogSchema.violations(env + ":provider.datadog", provider,
                        DatadogSchema.of("provider")));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        for (String type : MODULES.keySet()) {
            assertThat(out.stack("prod").path("resource").path(type).size()).as(type + " is checked").isPositive();
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckCatchesAnUnknownAttributeAndAWrongType() throws Exception {
        JsonNode emitted = new ObjectMapper().readTree("""
                {"name": "x", "priority": "1", "evaluation_deley": 900,
                 "monitor_thresholds": {"critical": "5", "critcal": "1"}}""");
        assertThat(DatadogSchema.violations("m", emitted, DatadogSchema.of("monitor"))).containsExactlyInAnyOrder(
                "m.priority: expected NUMBER, got STRING",
                "m.evaluation_deley: not in the provider schema",
                "m.monitor_thresholds.critcal: not in the provider schema");
    }

    @Test
    void providerRequirementAdmits333AndLater3x() {
        JsonNode required = Catalogs.workerAndWebSynthesized().stack("prod").path("terraform")
                .path("required_providers").path("datadog");
        assertThat(required.path("source").asText()).isEqualTo("DataDog/datadog");
        assertThat(required.path("version").asText()).isEqualTo("~> 3.33");
    }

    @Test
    void credentialsNeverEnterConfiguration() {
        for (String env : List.of("stage", "prod")) {
            JsonNode provider = Catalogs.workerAndWebSynthesized().stack(env).path("provider").path("datadog").get(0);
            assertThat(provider.has("api_key")).isFalse();
            assertThat(provider.has("app_key")).isFalse();
            assertThat(provider.path("api_url").asText()).isEqualTo("https://api.datadoghq.com/");
        }
    }
}
