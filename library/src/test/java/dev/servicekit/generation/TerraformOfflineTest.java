package dev.servicekit.generation;

import dev.servicekit.support.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
                    "vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], "cluster_name": "prod",
                    "notify": "@slack-integrations", "runbook_url": "https://runbooks.example.com/ic"},
                  "auth": {"source": "./modules/web-service", "name": "auth", "environment": "prod",
                    "image": "public.ecr.aws/nginx/nginx:1.27", "vpc_id": "vpc-0123456789abcdef0",
                    "subnet_ids": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], "public_subnet_ids": ["subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"],
                    "cluster_name": "prod", "notify": "@slack-identity",
                    "runbook_url": "https://runbooks.example.com/auth"}}}
                """);

        TerraformCli.Result get = TerraformCli.run(root, "get", "-no-color");
        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(get.output()).contains("- auth in ", "modules/web-service", "- integrations_consumer in ", "modules/worker");

        TerraformCli.Result providers = TerraformCli.run(root, "providers", "-no-color");
        assertThat(providers.exit()).as(providers.output()).isZero();
        assertThat(providers.output()).contains("module.integrations_consumer", "module.auth",
                "provider[registry.terraform.io/hashicorp/aws] " + ModuleGenerator.AWS_PROVIDER_RANGE,
                "provider[registry.terraform.io/datadog/datadog] ~> 3.33");
    }
}
