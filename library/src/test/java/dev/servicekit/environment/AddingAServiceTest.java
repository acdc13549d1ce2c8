package dev.servicekit.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import dev.servicekit.snapshot.StackJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prod is sacred: adding a line adds that service and, besides its own resources, changes only the
 * environment's overview dashboard, in both stacks.
 */
class AddingAServiceTest {

    @Test
    void addingALineInTheMiddleOfTheCatalogChangesNothingElse() {
        Synthesized before = Catalogs.workerAndWebSynthesized();
        Synthesized after = Synthesized.of(Catalog.of(Catalogs.worker(),
                Service.worker("aardvark", "public.ecr.aws/docker/library/busybox:1.36").owner("zoo"),
                Service.web("aardwolf", "public.ecr.aws/nginx/nginx:1.27", 80).owner("zoo").withQueue()
                        .prod(p -> p.allowPlainHttp()),
                Catalogs.web()));

        for (String env : List.of("stage", "prod")) {
            List<String> changed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            compare(env, before.stack(env), after.stack(env), changed, added);
            assertThat(changed).as(env + ": existing blocks that changed")
                    .containsExactly(env + ": resource.datadog_dashboard_json.overview_dashboard");
            assertThat(added).as(env + ": blocks added").isNotEmpty()
                    .allSatisfy(address -> assertThat(address).containsAnyOf("aardvark_", "aardwolf_"));
            assertThat(after.stack(env).path("resource").path("aws_lb").has("aardwolf_lb")).isTrue();
            assertThat(fieldNames(after.stack(env).path("resource").path("datadog_monitor")))
                    .as("the new worker's full set of monitors").contains("aardvark_monitor_queue_backlog",
                            "aardvark_monitor_oldest_message", "aardvark_monitor_no_consumers",
                            "aardvark_monitor_dead_letter_arrivals", "aardvark_monitor_dead_letter_age",
                            "aardvark_monitor_cpu", "aardvark_monitor_memory", "aardvark_monitor_running_tasks",
                            "aardvark_monitor_tasks_missing", "aardvark_monitor_service_reporting")
                    .as("the new web service's").contains("aardwolf_monitor_latency", "aardwolf_monitor_error_rate",
                            "aardwolf_monitor_no_healthy_targets", "aardwolf_monitor_queue_backlog",
                            "aardwolf_monitor_slo_fast_burn", "aardwolf_monitor_slo_slow_burn");
            assertThat(after.stack(env).path("resource").path("datadog_synthetics_test").has("aardwolf_synthetics"))
                    .isTrue();
            assertThat(after.stack(env).path("resource").path("datadog_service_level_objective").has("aardwolf_slo"))
                    .isTrue();
            assertThat(fieldNames(after.stack(env).path("resource").path("datadog_dashboard_json")))
                    .contains("aardvark_dashboard", "aardwolf_dashboard");
            assertThat(after.stack(env).path("resource").path("datadog_dashboard_json").path("overview_dashboard")
                    .path("dashboard").asText()).contains("[aardvark]", "[aardwolf]");
            assertThat(after.stack(env).path("resource").path("aws_sqs_queue").has("aardvark_queue")).isTrue();
            assertThat(after.stack(env).path("resource").path("aws_ecs_service").has("aardvark_service")).isTrue();
        }
    }

    /**
     * Compares two stacks block by block (resource and data addresses, outputs, providers, terraform),
     * byte for byte in the snapshots' canonical form.
     */
    private static void compare(String env, JsonNode before, JsonNode after, List<String> changed, List<String> added) {
        Map<String, String> old = StackJson.blocks(before);
        Map<String, String> now = StackJson.blocks(after);
        now.forEach((address, text) -> {
            if (!old.containsKey(address)) {
                added.add(address);
            } else if (!old.get(address).equals(text)) {
                changed.add(env + ": " + address);
            }
        });
        old.keySet().stream().filter(address -> !now.containsKey(address))
                .forEach(address -> changed.add(env + ": " + address + " vanished"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
