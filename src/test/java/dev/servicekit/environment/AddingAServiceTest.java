package dev.servicekit.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
            compare(env, "", before.stack(env), after.stack(env), changed, added);
            assertThat(changed).as(env + ": existing blocks that changed")
                    .containsExactly(env + ": resource.datadog_dashboard_json.overview_dashboard");
            assertThat(added).as(env + ": blocks added").isNotEmpty()
                    .allSatisfy(address -> assertThat(address).containsAnyOf("aardvark_", "aardwolf_"));
            assertThat(after.stack(env).path("resource").path("aws_lb").has("aardwolf_lb")).isTrue();
            assertThat(after.stack(env).path("resource").path("aws_sqs_queue").has("aardvark_queue")).isTrue();
            assertThat(after.stack(env).path("resource").path("aws_ecs_service").has("aardvark_service")).isTrue();
        }
    }

    /** Compares two stacks block by block (resource and data addresses, outputs, providers, terraform). */
    private static void compare(String env, String path, JsonNode before, JsonNode after, List<String> changed,
                                List<String> added) {
        boolean blockLevel = path.startsWith("resource.") || path.startsWith("data.") || path.equals("output")
                || path.equals("provider") || path.equals("terraform");
        after.fieldNames().forEachRemaining(key -> {
            String child = path.isEmpty() ? key : path + "." + key;
            if (!before.has(key)) {
                added.add(child);
            } else if (blockLevel) {
                if (!before.get(key).equals(after.get(key))) {
                    changed.add(env + ": " + child);
                }
            } else {
                compare(env, child, before.get(key), after.get(key), changed, added);
            }
        });
        before.fieldNames().forEachRemaining(key -> {
            if (!after.has(key)) {
                changed.add(env + ": " + (path.isEmpty() ? key : path + "." + key) + " vanished");
            }
        });
    }
}
