package dev.servicekit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import dev.servicekit.app.LargeStack;
import dev.servicekit.app.ServicekitApp;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.EnvironmentStack;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Terraform JSON of every stack of a catalog, as {@code cdktf synth} writes it, for assertions. */
public record Synthesized(Map<String, JsonNode> stacks, Map<String, String> texts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Synthesized of(Catalog catalog) {
        return of(catalog, Map.of());
    }

    /** Synthesizes {@code catalog} with cdktf.json-style {@code context}. */
    public static Synthesized of(Catalog catalog, Map<String, Object> context) {
        try {
            return LargeStack.call(() -> {
                ServicekitApp app = new ServicekitApp(catalog, context,
                        Files.createTempDirectory("servicekit-test").toString());
                Map<String, JsonNode> stacks = new LinkedHashMap<>();
                Map<String, String> texts = new LinkedHashMap<>();
                for (EnvironmentStack stack : app.stacks()) {
                    String text = Testing.synth(stack);
                    texts.put(stack.environment().name(), text);
                    stacks.put(stack.environment().name(), JSON.readTree(text));
                }
                return new Synthesized(stacks, texts);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode stack(String env) {
        return stacks.get(env);
    }

    /** One resource's attributes; fails when it does not exist. */
    public JsonNode resource(String env, String type, String address) {
        JsonNode node = stack(env).path("resource").path(type).path(address);
        if (node.isMissingNode()) {
            List<String> present = new ArrayList<>();
            stack(env).path("resource").path(type).fieldNames().forEachRemaining(present::add);
            throw new AssertionError(env + ": no " + type + "." + address + "; there are " + present);
        }
        return node;
    }

    public boolean has(String env, String type, String address) {
        return !stack(env).path("resource").path(type).path(address).isMissingNode();
    }
}
