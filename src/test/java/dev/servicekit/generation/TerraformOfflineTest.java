package dev.servicekit.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform binary on these machines accepts a root configuration that calls both modules, as far
 * as it can go without the registry: {@code terraform get} loads the modules (and checks their variable
 * validation blocks), {@code terraform providers} resolves what they require. init, validate and plan
 * need the providers from the registry and are not run here.
 */
class TerraformOfflineTest {
    private static final Path MODULES = Path.of("modules").toAbsolutePath();

    @Test
    void aRootConfigurationCallingBothModulesPassesGetAndProviders(@TempDir Path root) throws Exception {
        Files.createSymbolicLink(root.resolve("modules"), MODULES);
        Files.writeString(root.resolve("main.tf.json"), """
                {"module": {
                  "integrations_consumer": {"source": "./modules/worker", "name": "integrations-consumer",
                    "environment": "prod", "image": "public.ecr.aws/docker/library/busybox:1.36",
                    "vpc_id": "vpc-0abc", "subnet_ids": ["subnet-a", "subnet-b"], "cluster_name": "prod",
                    "notify": "@pagerduty-integrations"},
                  "auth": {"source": "./modules/web-service", "name": "auth", "environment": "prod",
                    "image": "public.ecr.aws/nginx/nginx:1.27", "vpc_id": "vpc-0abc",
                    "subnet_ids": ["subnet-a", "subnet-b"], "public_subnet_ids": ["subnet-c", "subnet-d"],
                    "cluster_name": "prod", "notify": "@pagerduty-identity"}}}
                """);

        Result get = terraform(root, "get");
        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(get.output()).contains("- auth in ", "modules/web-service", "- integrations_consumer in ", "modules/worker");

        Result providers = terraform(root, "providers");
        assertThat(providers.exit()).as(providers.output()).isZero();
        assertThat(providers.output()).contains("module.integrations_consumer", "module.auth",
                "provider[registry.terraform.io/hashicorp/aws] 5.23.1",
                "provider[registry.terraform.io/datadog/datadog] ~> 3.33");
    }

    record Result(int exit, String output) {}

    private static Result terraform(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        command.add("-no-color");
        Path log = Files.createTempFile("terraform", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("TF_IN_AUTOMATION", "1");
        String config = env.get("TF_CLI_CONFIG_FILE");
        if (config != null && !new File(config).isFile()) {
            env.remove("TF_CLI_CONFIG_FILE");
        }
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("the terraform binary (1.10+) must be on PATH for this test", e);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("terraform " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
