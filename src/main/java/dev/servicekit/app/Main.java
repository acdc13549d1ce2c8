package dev.servicekit.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.validation.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cdktf app: synthesizes the stage and prod stacks of {@link ExampleCatalog} into {@code cdktf.out}
 * (or {@code SERVICEKIT_OUTDIR}, which bin/app sets from the CLI's {@code CDKTF_OUTDIR}). Invalid configuration prints one message and
 * exits 1 before anything is written; output is written to a fresh directory and swapped in whole, so
 * a failure never leaves a half-written {@code cdktf.out}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        try {
            LargeStack.call(() -> {
                String cliOutdir = System.getenv("CDKTF_OUTDIR");
                if (cliOutdir != null) {
                    // cdktf's App writes there whatever we ask (bin/app renames the variable to avoid this).
                    new ServicekitApp(ExampleCatalog.services(), context(), cliOutdir).synth();
                } else {
                    Path outdir = Path.of(System.getenv().getOrDefault("SERVICEKIT_OUTDIR", "cdktf.out"));
                    OutputSwap.into(outdir, staging -> new ServicekitApp(ExampleCatalog.services(), context(),
                            staging.toString()).synth());
                }
                return null;
            });
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("servicekit: synthesis failed: " + e);
            e.printStackTrace();
            System.exit(2);
        }
        // The jsii runtime's Node process would otherwise keep the JVM alive.
        System.exit(0);
    }

    /**
     * cdktf.json's {@code context}: from the CLI's {@code CDKTF_CONTEXT_JSON}, or read from cdktf.json when
     * the app runs without the CLI (Maven), so both give the same stacks.
     */
    static Map<String, Object> context() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String fromCli = System.getenv("CDKTF_CONTEXT_JSON");
        if (fromCli != null && !fromCli.isBlank()) {
            return json.readValue(fromCli, new TypeReference<>() {});
        }
        Path cdktfJson = Path.of("cdktf.json");
        if (!Files.exists(cdktfJson)) {
            return Map.of();
        }
        JsonNode context = json.readTree(cdktfJson.toFile()).path("context");
        return context.isObject() ? json.convertValue(context, new TypeReference<>() {}) : Map.of();
    }
}
