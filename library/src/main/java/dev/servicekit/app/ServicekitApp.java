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
import dev.servicekit.validation.AwsTextCheck;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.stack.StackDocument;
import dev.servicekit.stack.StackPlan;
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
 * Builds the stacks of every environment of a catalog in one cdktf {@link App}: reads cdktf.json's context,
 * validates everything, and only then builds the stacks, as each environment's layout splits it
 * ({@link StackPlan}): one stack per environment by default, or a platform stack and a stack per line or owner.
 */
public final class ServicekitApp {
    private final App app;
    private final String outdir;
    private final List<EnvironmentStack> stacks = new ArrayList<>();
    private final List<StackPlan> plans = new ArrayList<>();

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
        List<StackDocument> documents = new ArrayList<>();
        for (Environment environment : resolved) {
            StackPlan plan = StackPlan.of(environment, catalog);
            plans.add(plan);
            plan.units().forEach(unit -> documents.add(new StackDocument(environment, unit)));
        }
        AppConfig config = AppConfig.builder().outdir(outdir).context(context).skipValidation(false).build();
        boolean customized = catalog.services().stream().anyMatch(spec -> !spec.customizers().isEmpty());
        if (customized) {
            // A customizer may create cdktf constructs in its service's stack: the stacks come first, and
            // cdktf is called from this thread alone.
            app = new App(config);
            for (StackDocument document : documents) {
                EnvironmentStack stack = new EnvironmentStack(app, document, outputDirectory);
                stacks.add(stack);
                document.assemble(service -> new Construct(stack, service));
            }
        } else {
            // Starting cdktf's runtime (a Node process) takes a while: it starts on its own thread while the
            // stacks assemble side by side, in pure Java.
            java.util.concurrent.CompletableFuture<App> starting = Parallel.background(() -> new App(config));
            Parallel.forEach(documents, document -> document.assemble(service -> {
                throw new IllegalStateException("no customizer, no cdktf scope");
            }), true);
            app = Parallel.join(starting);
            for (StackDocument document : documents) {
                stacks.add(new EnvironmentStack(app, document, outputDirectory));
            }
        }
        dependOnPlatforms();
        stacks.forEach(EnvironmentStack::handOverCdktfTokens);
    }

    /**
     * Every stack of services depends on its environment's platform stack: {@code cdktf deploy 'prod-*'} deploys
     * the platform first and the services after it, side by side up to {@code --parallelism}; {@code cdktf destroy}
     * the other way round. A dependency orders deployments only: no stack reads another's state.
     */
    private void dependOnPlatforms() {
        Map<String, EnvironmentStack> platforms = new LinkedHashMap<>();
        for (EnvironmentStack stack : stacks) {
            if (stack.unit().role() == StackPlan.Role.PLATFORM) {
                platforms.put(stack.environment().name(), stack);
            }
        }
        for (EnvironmentStack stack : stacks) {
            if (stack.unit().role() == StackPlan.Role.SERVICES) {
                stack.addDependency(platforms.get(stack.environment().name()));
            }
        }
    }

    /** How each environment is split into stacks. */
    public List<StackPlan> plans() {
        return List.copyOf(plans);
    }

    public App app() {
        return app;
    }

    public List<EnvironmentStack> stacks() {
        return List.copyOf(stacks);
    }

    /** The stack named {@code name}: an environment's own in the environment layout, e.g. {@code prod-auth} in another. */
    public EnvironmentStack stack(String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack " + name));
    }

    /**
     * Writes every stack into the outdir: cdktf writes its part (providers, backend, a user's constructs),
     * servicekit adds its own. Then checks that no two resources share an address and that AWS would accept
     * every name, description and tag (the catalog's texts were checked before; this catches what a
     * customization or a servicekit change wrote).
     *
     * @return each stack's Terraform JSON, by stack name (the environment's in the environment layout)
     */
    public Map<String, JsonNode> synth() throws IOException {
        Parallel.withLargeStack(app::synth);
        // Only a stack with a user's constructs has blocks cdktf wrote that servicekit did not count as it added them.
        for (EnvironmentStack stack : stacks) {
            if (stack.customized()) {
                String name = stack.name();
                AddressCheck.requireUniqueAddresses(name, stack, StackJson.parse(Files.readString(file(name))),
                        stack.document().handedOver());
            }
        }
        // From here on pure Java, each stack on its own.
        Map<String, ObjectNode> cdktf = new java.util.concurrent.ConcurrentHashMap<>();
        List<List<Problem>> problems = Parallel.each(stacks, stack -> {
            String name = stack.name();
            ObjectNode json = (ObjectNode) StackJson.parse(Files.readString(file(name)));
            cdktf.put(name, json);
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
        Map<String, JsonNode> written = new LinkedHashMap<>();
        stacks.forEach(stack -> written.put(stack.name(), cdktf.get(stack.name())));
        return written;
    }

    private Path file(String stack) {
        return Path.of(outdir, "stacks", stack, "cdk.tf.json");
    }
}
