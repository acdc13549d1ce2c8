package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.environment.Environment;
import dev.servicekit.snapshot.PlanPreview;
import dev.servicekit.support.TerraformCli;
import dev.servicekit.support.TerraformMirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terraform 1.11 itself, offline, plans every day-two scenario on stand-ins of the synthesized resources
 * ({@link TerraformMirror}: the same replace-forcing attributes, lifecycles, references, moved and removed blocks),
 * and its plan must be the one {@link PlanPreview} derives for the table: the same action on every resource
 * (create, update, delete, forget, a move, a replacement and whether it creates first), and a refusal where
 * prevent_destroy stands in the way.
 */
@Execution(ExecutionMode.CONCURRENT)
class DayTwoTerraformTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void terraformPlansEveryScenarioAsTheTableSays(@TempDir Path dir) throws Exception {
        List<DayTwoTable.Scenario> scenarios = DayTwoTable.scenarios();
        String only = System.getProperty("dayTwoScenario");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> results = new ArrayList<>();
        int index = 0;
        for (DayTwoTable.Scenario scenario : scenarios) {
            if (only != null && !scenario.change().contains(only)) {
                continue;
            }
            for (Environment environment : DayTwoTable.environments()) {
                Path work = dir.resolve("s" + index++);
                results.add(pool.submit(() -> compare(scenario, environment, work)));
            }
        }
        List<String> differences = new ArrayList<>();
        for (Future<List<String>> result : results) {
            differences.addAll(result.get());
        }
        pool.shutdown();
        assertThat(results).isNotEmpty();
        assertThat(differences).isEmpty();
    }

    private static List<String> compare(DayTwoTable.Scenario scenario, Environment environment, Path work)
            throws Exception {
        Files.createDirectories(work);
        String where = environment.name() + ", " + scenario.change() + ": ";
        JsonNode before = DayTwoTable.configuration(scenario.before(), environment);
        JsonNode after = DayTwoTable.configuration(scenario.after(), environment);
        PlanPreview.Plan preview = PlanPreview.of(before, after);

        Path config = work.resolve("main.tf.json");
        Files.copy(applied(JSON.writeValueAsString(TerraformMirror.of(before)), work.resolveSibling(work.getFileName()
                + "-before")), work.resolve("terraform.tfstate"));
        Files.writeString(config, JSON.writeValueAsString(TerraformMirror.of(after)));
        run(work, "init", "-input=false", "-no-color");
        TerraformCli.Result plan = TerraformCli.run(work, "plan", "-input=false", "-no-color", "-refresh=false",
                "-out=plan.bin", "-parallelism=50");
        List<String> differences = new ArrayList<>();
        if (plan.exit() != 0) {
            if (preview.refusals().isEmpty() || !plan.output().contains("Instance cannot be destroyed")) {
                differences.add(where + "Terraform's plan failed: " + plan.output());
            }
            return differences;
        }
        if (!preview.refusals().isEmpty()) {
            differences.add(where + "Terraform plans what the preview refuses: " + preview.refusals());
            return differences;
        }
        String shown = run(work, "show", "-json", "plan.bin");
        JsonNode show = JSON.readTree(shown.lines().filter(line -> line.startsWith("{")).findFirst().orElse(shown));
        Map<String, String> terraform = new TreeMap<>();
        for (JsonNode change : show.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
            String action = String.join(",", actions);
            if (change.has("previous_address") && action.equals("no-op")) {
                action = "move";
            }
            if (!action.equals("no-op") && !action.equals("read")) {
                terraform.put(change.path("address").asText(), action);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (PlanPreview.Change change : preview.changes()) {
            expected.put(TerraformMirror.address(change.address()), switch (change.action()) {
                case CREATE -> "create";
                case UPDATE -> "update";
                case REPLACE_CREATE_FIRST -> "create,delete";
                case REPLACE_DESTROY_FIRST -> "delete,create";
                case DESTROY -> "delete";
                case FORGET -> "forget";
                case MOVE -> "move";
            });
        }
        if (!terraform.equals(expected)) {
            Map<String, String> wrong = new TreeMap<>();
            terraform.forEach((address, action) -> {
                if (!action.equals(expected.get(address))) {
                    wrong.put(address, "terraform " + action + ", preview " + expected.get(address));
                }
            });
            expected.forEach((address, action) -> {
                if (!terraform.containsKey(address)) {
                    wrong.put(address, "terraform no-op, preview " + action);
                }
            });
            differences.add(where + wrong);
        }
        return differences;
    }

    /** The state of a configuration applied once; most scenarios start from the same catalog. */
    private static final java.util.concurrent.ConcurrentMap<String, Future<Path>> APPLIED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Path applied(String config, Path work) throws Exception {
        java.util.concurrent.FutureTask<Path> task = new java.util.concurrent.FutureTask<>(() -> {
            Files.createDirectories(work);
            Files.writeString(work.resolve("main.tf.json"), config);
            run(work, "init", "-input=false", "-no-color");
            run(work, "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=50");
            return work.resolve("terraform.tfstate");
        });
        Future<Path> existing = APPLIED.putIfAbsent(config, task);
        if (existing == null) {
            task.run();
            return task.get();
        }
        return existing.get();
    }

    private static String run(Path work, String... args) throws Exception {
        TerraformCli.Result result = TerraformCli.run(work, args);
        assertThat(result.exit()).as("terraform " + String.join(" ", args) + "\n"
                + result.output().lines().filter(line -> !line.startsWith("  ")).limit(40)
                .collect(java.util.stream.Collectors.joining("\n"))).isZero();
        return result.output();
    }
}
