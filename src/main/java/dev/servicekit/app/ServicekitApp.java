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
import dev.servicekit.stack.EnvironmentStack;
import dev.servicekit.terraform.TerraformJson;
import dev.servicekit.validation.CatalogValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<Environment> resolved = EnvironmentContext.adapt(context, environments);
        CatalogValidator.validate(catalog, resolved);
        this.outdir = outdir;
        app = new App(AppConfig.builder().outdir(outdir).context(context).skipValidation(false).build());
        for (Environment environment : resolved) {
            stacks.add(new EnvironmentStack(app, environment, catalog, outputDirectory));
        }
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
        Map<String, JsonNode> written = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (EnvironmentStack stack : stacks) {
            String name = stack.environment().name();
            Path file = Path.of(outdir, "stacks", name, "cdk.tf.json");
            ObjectNode json = (ObjectNode) StackJson.parse(Files.readString(file));
            AddressCheck.requireUniqueAddresses(name, stack, json, stack.document().handedOver());
            stack.mergeInto(json);
            Files.writeString(file, TerraformJson.write(json));
            java.util.Set<String> ours = stack.document().blocks().stream().map(dev.servicekit.terraform.Block::address)
                    .collect(java.util.stream.Collectors.toSet());
            AwsTextCheck.problems(json, ours::contains)
                    .forEach(problem -> problems.add(new Problem(name, "synthesized", problem)));
            written.put(name, json);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return written;
    }
}
