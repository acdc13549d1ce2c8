package dev.servicekit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Contexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving an environment from its one state to a state per stack, offline, with the real terraform binary: a local
 * state made from every address the one stack declared is split by the generated {@code terraform state mv}
 * steps, and every resource lands in exactly one new state (the one of the stack that declares it), with its
 * attributes, nothing left behind and nothing twice. Terraform's state commands need no provider for this.
 */
class StateMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.of(
            Service.worker("mailer", "public.ecr.aws/docker/library/busybox:1.36").owner("growth").bucket(),
            Service.web("shop", "public.ecr.aws/nginx/nginx:1.27", 8080).owner("storefront").withQueue()
                    .prod(p -> p.allowPlainHttp()),
            Service.web("portal", "public.ecr.aws/nginx/nginx:1.27", 80).owner("storefront").internal());

    /** A project that synthesized prod as one stack, then as a stack per service. */
    private static Path project(Path dir, String layout) throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("stacks"));
        Files.writeString(project.resolve("cdktf.json"), "{\"language\": \"java\", \"app\": \"true\", \"output\": \"cdktf.out\"}");
        Path before = dir.resolve("before");
        new ServicekitApp(CATALOG, Contexts.of(Map.entry("prod", Map.of())), before.toString()).synth();
        // The committed snapshot of the one stack, as it was before the layout changed.
        Files.copy(before.resolve("stacks/prod/cdk.tf.json"), project.resolve("stacks/prod.tf.json"));
        new ServicekitApp(CATALOG, Contexts.of(Map.entry("prod", Map.of("stacks", layout))),
                project.resolve("cdktf.out").toString()).synth();
        return project;
    }

    @Test
    void theStateMovesFromOneStackToAStackPerServiceWithNothingLostOrDuplicated(@TempDir Path dir) throws Exception {
        Path project = project(dir, "service");
        JsonNode old = JSON.readTree(project.resolve("stacks/prod.tf.json").toFile());
        Files.writeString(project.resolve("terraform.prod.tfstate"), stateOf(old));

        Result result = migrate(project, "prod", "--run");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("into 4 stacks (local state files)");
        Map<String, Set<String>> landed = new TreeMap<>();
        for (String stack : List.of("prod-platform", "prod-mailer", "prod-shop", "prod-portal")) {
            landed.put(stack, managedIn(project.resolve("terraform." + stack + ".tfstate")));
            JsonNode declared = JSON.readTree(project.resolve("cdktf.out/stacks/" + stack + "/cdk.tf.json").toFile());
            assertThat(landed.get(stack)).as(stack + " holds what it declares").isEqualTo(managedOf(declared));
        }
        assertThat(managedIn(project.resolve("terraform.prod.tfstate"))).as("nothing left behind").isEmpty();
        List<String> all = new ArrayList<>();
        landed.values().forEach(all::addAll);
        assertThat(all).as("nothing twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(all)).as("nothing lost").isEqualTo(managedOf(old));
        assertThat(attribute(project.resolve("terraform.prod-mailer.tfstate"), "aws_sqs_queue", "mailer_queue", "id"))
                .as("each resource moves with its attributes").isEqualTo("id-of-aws_sqs_queue.mailer_queue");
        assertThat(managedIn(project.resolve("terraform.prod.tfstate.before-split"))).isEqualTo(managedOf(old));
        try (var files = Files.list(project)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no backup per move beside the states")
                    .noneMatch(name -> name.endsWith(".backup"));
        }
    }

    @Test
    void aRemoteStateIsPulledMovedAndPushedIntoEachStacksBackend(@TempDir Path dir) throws Exception {
        // The pull-and-push path that S3 and HCP Terraform take, run offline against local backends.
        Path project = project(dir, "owner");
        JsonNode old = JSON.readTree(project.resolve("stacks/prod.tf.json").toFile());
        Files.writeString(project.resolve("terraform.prod.tfstate"), stateOf(old));
        StateMigration.Plan plan = StateMigration.plan("prod", old,
                StateMigration.newStacks(project.resolve("cdktf.out/stacks"), "prod"));
        Path script = project.resolve("migrate.sh");
        Files.writeString(script, StateMigration.script(plan, StateMigration.Mode.PULL_AND_PUSH, "cdktf.out"));

        Result result = bash(project, script, offlineProviders(dir));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(script)).contains("state pull", "state push");
        Set<String> all = new HashSet<>();
        for (String stack : List.of("prod-platform", "prod-growth", "prod-storefront")) {
            Set<String> landed = managedIn(project.resolve("terraform." + stack + ".tfstate"));
            JsonNode declared = JSON.readTree(project.resolve("cdktf.out/stacks/" + stack + "/cdk.tf.json").toFile());
            assertThat(landed).as(stack).isEqualTo(managedOf(declared));
            landed.forEach(address -> assertThat(all.add(address)).as(address + " in one state only").isTrue());
        }
        assertThat(all).isEqualTo(managedOf(old));
        assertThat(managedIn(project.resolve("terraform.prod.tfstate"))).as("the old state stays, a backup")
                .isEqualTo(managedOf(old));
    }

    @Test
    void aResourceNoNewStackDeclaresIsRefusedBeforeAnythingMoves(@TempDir Path dir) throws Exception {
        Path project = project(dir, "service");
        ObjectNode old = (ObjectNode) JSON.readTree(project.resolve("stacks/prod.tf.json").toFile());
        ((ObjectNode) old.path("resource").path("aws_sqs_queue")).putObject("ghost_queue").put("name", "prod-ghost");
        assertThatThrownBy(() -> StateMigration.plan("prod", old,
                StateMigration.newStacks(project.resolve("cdktf.out/stacks"), "prod")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod: aws_sqs_queue.ghost_queue: is in no new stack of prod");

        Result unsplit = migrate(dir.resolve("project"), "stage");
        assertThat(unsplit.exit()).isEqualTo(1);
        assertThat(unsplit.output()).contains("stage: --from: no ");
    }

    record Result(int exit, String output) {}

    private static Result migrate(Path project, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = StateMigration.run(List.of(args), project, print, print);
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * A CLI configuration whose provider mirror holds placeholder executables of the AWS and Datadog providers:
     * {@code terraform init} of a backend-only directory installs the providers the pulled state names, and this
     * machine cannot reach the registry. No state command runs a provider; a placeholder that ran would fail.
     */
    private static Path offlineProviders(Path dir) throws Exception {
        Path mirror = dir.resolve("mirror");
        for (String provider : List.of("hashicorp/aws/5.23.1", "datadog/datadog/3.33.0")) {
            String[] parts = provider.split("/");
            Path folder = mirror.resolve("registry.terraform.io/" + parts[0] + "/" + parts[1] + "/" + parts[2] + "/linux_amd64");
            Files.createDirectories(folder);
            Path executable = folder.resolve("terraform-provider-" + parts[1] + "_v" + parts[2]);
            Files.writeString(executable, "#!/bin/sh\necho placeholder provider: never to be run >&2\nexit 1\n");
            executable.toFile().setExecutable(true);
        }
        Path config = dir.resolve("offline.tfrc");
        Files.writeString(config, "provider_installation {\n  filesystem_mirror {\n    path = \"" + mirror + "\"\n  }\n}\n");
        return config;
    }

    private static Result bash(Path project, Path script, Path cliConfig) throws Exception {
        Path log = Files.createTempFile("migrate", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        Process process = builder.start();
        int exit = process.waitFor();
        return new Result(exit, Files.readString(log));
    }

    /**
     * A Terraform state (format 4) holding every resource and data source {@code stack} declares, each with an id
     * of its own, as if the stack had been applied.
     */
    static String stateOf(JsonNode stack) throws Exception {
        ObjectNode state = JSON.createObjectNode();
        state.put("version", 4).put("terraform_version", "1.11.4").put("serial", 1)
                .put("lineage", UUID.randomUUID().toString());
        state.putObject("outputs");
        ArrayNode resources = state.putArray("resources");
        for (String mode : List.of("managed", "data")) {
            stack.path(mode.equals("managed") ? "resource" : "data").fields().forEachRemaining(type ->
                    type.getValue().fieldNames().forEachRemaining(name -> {
                        ObjectNode resource = resources.addObject();
                        resource.put("mode", mode).put("type", type.getKey()).put("name", name);
                        String provider = type.getKey().startsWith("datadog_") ? "datadog/datadog" : "hashicorp/aws";
                        resource.put("provider", "provider[\"registry.terraform.io/" + provider + "\"]");
                        ObjectNode instance = resource.putArray("instances").addObject();
                        instance.put("schema_version", 0);
                        instance.putObject("attributes").put("id", "id-of-" + type.getKey() + "." + name);
                    }));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    }

    static Set<String> managedOf(JsonNode stack) {
        return new TreeSet<>(StateMigration.addresses(stack));
    }

    static Set<String> managedIn(Path state) throws Exception {
        Set<String> addresses = new TreeSet<>();
        if (!Files.exists(state)) {
            return addresses;
        }
        for (JsonNode resource : JSON.readTree(state.toFile()).path("resources")) {
            if (resource.path("mode").asText().equals("managed")) {
                assertThat(addresses.add(resource.path("type").asText() + "." + resource.path("name").asText()))
                        .as("one entry per address in " + state).isTrue();
            }
        }
        return addresses;
    }

    private static String attribute(Path state, String type, String name, String attribute) throws Exception {
        for (JsonNode resource : JSON.readTree(state.toFile()).path("resources")) {
            if (resource.path("type").asText().equals(type) && resource.path("name").asText().equals(name)) {
                return resource.path("instances").get(0).path("attributes").path(attribute).asText();
            }
        }
        return null;
    }
}
