package dev.servicekit.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.EnvironmentContext;
import dev.servicekit.stack.StackDocument;
import dev.servicekit.stack.StackPlan;
import dev.servicekit.validation.CatalogValidator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * servicekit's part of each environment's one stack, assembled in pure Java, without cdktf's runtime: for tests
 * that run beside others ({@code @Execution(CONCURRENT)}), since the jsii runtime cdktf runs on is not thread safe.
 * It holds every resource, output and lifecycle servicekit writes; not the providers or backend cdktf writes.
 */
public final class JavaStacks {
    private JavaStacks() {}

    /** Each environment's resources, by environment, for {@code catalog} with cdktf.json's {@code context}. */
    public static Map<String, JsonNode> of(Catalog catalog, Map<String, Object> context) {
        List<Environment> environments = EnvironmentContext.environments(context);
        CatalogValidator.validate(catalog, environments);
        Map<String, JsonNode> stacks = new LinkedHashMap<>();
        for (Environment environment : environments) {
            StackDocument document = new StackDocument(environment, StackPlan.of(environment, catalog).platform());
            document.assemble(name -> {
                throw new IllegalStateException("a stack assembled in Java has no cdktf scope for customizers");
            });
            stacks.put(environment.name(), document.document().toJson());
        }
        return stacks;
    }
}
