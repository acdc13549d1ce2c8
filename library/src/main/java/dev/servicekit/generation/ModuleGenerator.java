package dev.servicekit.generation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.snapshot.StackJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates modules/worker and modules/web-service from the parts the stacks assemble services from: one
 * source of truth for a service, whether declared in Java or called from HCL. Pure Java: no cdktf app.
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
    public static final String REQUIRED_TERRAFORM = ModuleDocument.REQUIRED_TERRAFORM;
    /** The AWS provider versions a module accepts. */
    public static final String AWS_PROVIDER_RANGE = ModuleDocument.AWS_PROVIDER_RANGE;

    private ModuleGenerator() {}

    /** Every generated file, by its path under modules/. */
    public static Map<Path, String> generate() throws Exception {
        Map<Path, String> files = new LinkedHashMap<>();
        for (ModuleKind kind : ModuleKind.values()) {
            ModuleDocument module = new ModuleDocument(kind);
            ObjectNode json = module.toJson();
            files.put(Path.of(kind.folder(), MODULE_FILE), StackJson.render(json));
            files.put(Path.of(kind.folder(), README_FILE), ModuleReadme.render(kind, module.inputs(), json));
        }
        return files;
    }

    public static void main(String[] args) throws Exception {
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
    }
}
