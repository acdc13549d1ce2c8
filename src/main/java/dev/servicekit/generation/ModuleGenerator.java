package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.Testing;
import dev.servicekit.app.LargeStack;
import dev.servicekit.app.Relaunch;
import dev.servicekit.snapshot.StackJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Generates modules/worker and modules/web-service from the service construct the stacks use: one
 * source of truth for a service, whether declared in Java or called from HCL.
 * Run: {@code npm run generate-modules}.
 */
public final class ModuleGenerator {
    /** Where the modules live, relative to the project. */
    public static final Path MODULES = Path.of("modules");
    /** The command that regenerates them. */
    public static final String COMMAND = "npm run generate-modules";
    public static final String MODULE_FILE = "main.tf.json";
    public static final String README_FILE = "README.md";
    /** The Terraform versions a module accepts. */
    public static final String REQUIRED_TERRAFORM = ">= 1.9.0";
    /** The AWS provider versions a module accepts. */
    public static final String AWS_PROVIDER_RANGE = ">= 5.23.1, < 6.0.0";

    private ModuleGenerator() {}

    /** Every generated file, by its path under modules/. */
    public static Map<Path, String> generate() throws Exception {
        return LargeStack.call(() -> {
            App app = new App(AppConfig.builder().outdir(Files.createTempDirectory("servicekit-modules").toString())
                    .build());
            Map<Path, String> files = new LinkedHashMap<>();
            for (ModuleKind kind : ModuleKind.values()) {
                ModuleStack stack = new ModuleStack(app, kind);
                JsonNode module = asModule(StackJson.parse(Testing.synth(stack)), stack);
                files.put(Path.of(kind.folder(), MODULE_FILE), StackJson.render(module));
                files.put(Path.of(kind.folder(), README_FILE), ModuleReadme.render(kind, stack.inputs(), module));
            }
            return files;
        });
    }

    /** A stack's JSON as a module: no provider configuration, no backend, optional inputs that default to null. */
    static JsonNode asModule(JsonNode stack, ModuleStack source) {
        ObjectNode module = stack.deepCopy();
        module.remove("provider");
        ObjectNode terraform = (ObjectNode) module.path("terraform");
        terraform.remove("backend");
        // Validation blocks that refer to other variables need Terraform 1.9.
        terraform.put("required_version", REQUIRED_TERRAFORM);
        // The stacks pin the provider version the Java bindings were generated for; a reusable module
        // admits the caller's 5.x from that version on.
        ((ObjectNode) terraform.path("required_providers").path("aws")).put("version", AWS_PROVIDER_RANGE);
        for (ModuleInput input : source.inputs()) {
            if (input.defaultValue().filter(v -> v == ModuleInput.NULL).isPresent()) {
                ((ObjectNode) module.path("variable").path(input.name())).set("default", NullNode.getInstance());
            }
        }
        return module;
    }

    public static void main(String[] args) throws Exception {
        Optional<Integer> rerun = Relaunch.ifNeeded(ModuleGenerator.class, args);
        if (rerun.isPresent()) {
            System.exit(rerun.get());
        }
        Path root = args.length > 0 ? Path.of(args[0]) : MODULES;
        Map<Path, String> files = generate();
        for (ModuleKind kind : ModuleKind.values()) {
            Path folder = root.resolve(kind.folder());
            if (Files.isDirectory(folder)) {
                try (var stale = Files.list(folder)) {
                    for (Path file : stale.toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            System.out.println("wrote " + target);
        }
        System.exit(0);
    }
}
