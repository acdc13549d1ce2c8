package dev.servicekit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.app.ServicekitApp;
import dev.servicekit.catalog.Catalog;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Terraform JSON of every stack of a catalog, as {@code cdktf synth} writes it, for assertions. */
public record Synthesized(Map<String, JsonNode> stacks, Map<String, String> texts, Map<String, JsonNode> written) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code catalog} in stage and prod, with their alert routing given explicitly ({@link TestEnvironments}). */
    public static Synthesized of(Catalog catalog) {
        return of(catalog, TestEnvironments.context());
    }

    /**
     * Synthesizes {@code catalog} with cdktf.json-style {@code context}, completed with what a team's cdktf.json
     * names (handles, prod's runbook and state: {@link TestEnvironments#context(Map)}).
     */
    public static Synthesized of(Catalog catalog, Map<String, Object> context) {
        return exactly(catalog, TestEnvironments.context(context));
    }

    /** Synthesizes {@code catalog} with exactly {@code context}, for a test of what it leaves out. */
    public static Synthesized exactly(Catalog catalog, Map<String, Object> context) {
        try {
            java.nio.file.Path outdir = Files.createTempDirectory("servicekit-test");
            Map<String, JsonNode> stacks = new LinkedHashMap<>();
            Map<String, JsonNode> written = new ServicekitApp(catalog, context, outdir.toString()).synth();
            // Without cdktf's "//" metadata, as cdktf's Testing.synth gives a stack.
            written.forEach((environment, json) -> stacks.put(environment, withoutMetadata(json.deepCopy())));
            Map<String, String> texts = new LinkedHashMap<>();
            for (String environment : stacks.keySet()) {
                texts.put(environment, Files.readString(outdir.resolve("stacks").resolve(environment).resolve("cdk.tf.json")));
            }
            return new Synthesized(stacks, texts, written);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutMetadata(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("//");
        }
        node.forEach(Synthesized::withoutMetadata);
        return node;
    }

    /** The stack as written, with cdktf's "//" metadata (where parts say what is stateful). */
    public JsonNode written(String env) {
        return written.get(env);
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
