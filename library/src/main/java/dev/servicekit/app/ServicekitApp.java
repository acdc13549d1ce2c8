package dev.servicekit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.EnvironmentContext;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.snapshot.AwsTextCheck;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.stack.EnvironmentDocument;
import dev.servicekit.stack.EnvironmentStack;
import software.constructs.Construct;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.TerraformJson;
import dev.servicekit.validation.CatalogValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds one stack per environment of a catalog in one cdktf {@link App}: reads cdktf.json's context,
 * validates everything, and only then builds the stacks.
 */
public final class ServicekitApp {
    private final App app;
    private final String outdir;
    private final List<EnvironmentStack> stacks = new ArrayList<>();

    /** A catalog's stacks with cdktf.json's context, stage and prod unless the context names others. */
    public ServicekitApp(Catalog catalog, Map<String, Object> context, String outdir) {
        this(catalog, List.of(), context, ProjectSettings.DEFAULT_OUTPUT, outdir);
    }

    /**
     * @param environments    environments built in Java; empty for those cdktf.json's context describes
     * @param context         the value of cdktf.json's {@code context} (may be empty); {@code context.servicekit}
     *                        names the environments or adapts the given ones
     * @param outputDirectory cdktf.json's {@code output}, relative to the project: where Terraform will run
     * @param outdir          where {@link #synth()} writes
     */
    public ServicekitApp(Catalog catalog, List<Environment> environments, Map<String, Object> context,
                         String outputDirectory, String outdir) {
        // Environments built in Java are read by cdktf.json's adaptation: their nulls are reported first.
        CatalogValidator.requireNoNulls(catalog, environments);
        List<Environment> resolved = EnvironmentContext.adapt(context, environments);
        CatalogValidator.validate(catalog, resolved);
        this.outdir = outdir;
        // Every config struct asks for jsii's engine, a singleton created without a lock: created here, on this
        // thread, before any work runs on others (creating it starts nothing; the runtime starts with the App).
        software.amazon.jsii.JsiiEngine.getInstance();
        List<EnvironmentDocument> documents = resolved.stream().map(EnvironmentDocument::new).toList();
        AppConfig config = AppConfig.builder().outdir(outdir).context(context).skipValidation(false).build();
        boolean customized = catalog.services().stream().anyMatch(spec -> !spec.customizers().isEmpty());
        if (customized) {
            // A customizer may create cdktf constructs in its service's stack: the stacks come first, and
            // cdktf is called from this thread alone.
            app = new App(config);
            for (EnvironmentDocument document : documents) {
                EnvironmentStack stack = new EnvironmentStack(app, document, outputDirectory);
                stacks.add(stack);
                document.assemble(catalog, service -> new Construct(stack, service));
            }
        } else {
            // Starting cdktf's runtime (a Node process) takes a while: it starts on its own thread while the
            // environments assemble side by side, in pure Java.
            java.util.concurrent.CompletableFuture<App> starting = Parallel.background(() -> new App(config));
            Parallel.forEach(documents, document -> document.assemble(catalog, service -> {
                throw new IllegalStateException("no customizer, no cdktf scope");
            }), true);
            app = Parallel.join(starting);
            for (EnvironmentDocument document : documents) {
                stacks.add(new EnvironmentStack(app, document, outputDirectory));
            }
        }
        stacks.forEach(EnvironmentStack::handOverCdktfTokens);
    }

    public App app() {
        return app;
    }

    public List<EnvironmentStack> stacks() {
        return List.copyOf(stacks);
    }

    public EnvironmentStack stack(String environment) {
        return stacks.stream().filter(s -> s.environment().name().equals(environment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no environment " + environment));
    }

    /**
     * Writes every stack into the outdir: cdktf writes its part (providers, backend, a user's constructs),
     * servicekit adds its own. Then checks that no two resources share an address and that AWS would accept
     * every name, description and tag (the catalog's texts were checked before; this catches what a
     * customization or a servicekit change wrote).
     *
     * @return each stack's Terraform JSON, by environment
     */
    public Map<String, JsonNode> synth() throws IOException {
        app.synth();
        Map<String, ObjectNode> cdktf = new LinkedHashMap<>();
        for (EnvironmentStack stack : stacks) {
            String name = stack.environment().name();
            ObjectNode json = (ObjectNode) StackJson.parse(Files.readString(file(name)));
            AddressCheck.requireUniqueAddresses(name, stack, json, stack.document().handedOver());
            cdktf.put(name, json);
        }
        // From here on pure Java, each stack on its own.
        List<List<Problem>> problems = Parallel.each(stacks, stack -> {
            String name = stack.environment().name();
            ObjectNode json = cdktf.get(name);
            stack.mergeInto(json);
            TerraformJson.write(json, file(name));
            Set<String> ours = stack.document().blocks().stream().map(Block::address).collect(Collectors.toSet());
            return AwsTextCheck.problems(json, ours::contains).stream()
                    .map(problem -> new Problem(name, "synthesized", problem)).toList();
        }, true);
        List<Problem> all = problems.stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            throw new ConfigurationException(all);
        }
        return new LinkedHashMap<>(cdktf);
    }

    private Path file(String environment) {
        return Path.of(outdir, "stacks", environment, "cdk.tf.json");
    }
}
