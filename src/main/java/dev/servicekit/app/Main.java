package dev.servicekit.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.validation.ConfigurationException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The cdktf app: synthesizes the stage and prod stacks of {@link ExampleCatalog} into {@code cdktf.out}
 * (or {@code SERVICEKIT_OUTDIR}, which bin/app sets from the CLI's {@code CDKTF_OUTDIR}). Invalid
 * configuration prints one message and exits 1 before anything is written; output is staged and swapped
 * in whole, so a failure never leaves a half-written {@code cdktf.out}.
 */
public final class Main {
    /** Exit codes: success, invalid configuration, any other failure. */
    public static final int OK = 0;
    public static final int INVALID_CONFIGURATION = 1;
    public static final int FAILED = 2;

    private Main() {}

    public static void main(String[] args) throws Exception {
        Optional<Integer> rerun = PinnedNode.rerunIfNeeded(Main.class, args);
        if (rerun.isPresent()) {
            System.exit(rerun.get());
        }
        int exit;
        String cliOutdir = System.getenv("CDKTF_OUTDIR");
        try {
            Map<String, Object> context = context();
            Catalog catalog = ExampleCatalog.services();
            if (cliOutdir != null) {
                // cdktf's App writes there whatever we ask; bin/app renames the variable to avoid this.
                exit = synthInPlace(catalog, context, Path.of(cliOutdir), System.err);
            } else {
                Path outdir = Path.of(System.getenv().getOrDefault("SERVICEKIT_OUTDIR", "cdktf.out"));
                exit = run(catalog, context, outdir, System.err);
            }
        } catch (IOException e) {
            System.err.println("servicekit: cannot read cdktf.json: " + e.getMessage());
            exit = INVALID_CONFIGURATION;
        } catch (RuntimeException e) {
            System.err.println("servicekit: the catalog could not be built: " + e);
            exit = FAILED;
        }
        // The jsii runtime's Node process would otherwise keep the JVM alive.
        System.exit(exit);
    }

    /**
     * Validates and synthesizes {@code catalog} into {@code outdir}, which is replaced only when the whole
     * synthesis succeeded. Returns the process exit code; problems go to {@code err}.
     */
    public static int run(Catalog catalog, Map<String, Object> context, Path outdir, PrintStream err) {
        return guarded(err, () -> OutputSwap.into(outdir,
                staging -> new ServicekitApp(catalog, context, staging.toString()).synth()));
    }

    private static int synthInPlace(Catalog catalog, Map<String, Object> context, Path outdir, PrintStream err) {
        return guarded(err, () -> new ServicekitApp(catalog, context, outdir.toString()).synth());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static int guarded(PrintStream err, Work work) {
        try {
            LargeStack.call(() -> {
                work.run();
                return null;
            });
            return OK;
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return INVALID_CONFIGURATION;
        } catch (Exception | Error e) {
            err.println("servicekit: synthesis failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    /**
     * cdktf.json's {@code context}: from the CLI's {@code CDKTF_CONTEXT_JSON}, or read from cdktf.json when
     * the app runs without the CLI (Maven), so both give the same stacks.
     */
    public static Map<String, Object> context() throws IOException {
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
