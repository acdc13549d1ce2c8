package dev.servicekit.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package layout is the architecture. {@link #ALLOWED} lists every package of {@code dev.servicekit} from the
 * bottom up, each with the packages it may use: only packages listed before it, and only those named. A new edge
 * (a part reaching into the CLI, the rules into monitoring), an edge upwards or a cycle fails here; so does an
 * allowed edge nothing uses any more, so that the list stays the true picture. A package's subpackages
 * ({@code alerting.simulation}) belong to it; {@code root} is {@code dev.servicekit} itself (the entry point).
 */
class ArchitectureTest {
    /** Bottom to top: each package and the packages it may depend on. */
    static final Map<String, Set<String>> ALLOWED = allowed(
            // Terraform blocks, expressions and tokens: knows no AWS or Datadog concept.
            "terraform", List.of(),
            // Every limit, default and user-facing message: plain values, usable by every layer.
            "rules", List.of(),
            // Monitor kinds, thresholds, paging plans and their replay: what a monitor watches, not how it is written.
            "alerting", List.of("terraform"),
            // The contract parts and add-ons code against: handles, roles, trust, policy documents.
            "assembly", List.of("alerting", "rules", "terraform"),
            // Resource families, one slice each: options, checks, resources, handle (written against assembly alone).
            "queue", List.of("alerting", "assembly", "rules", "terraform"),
            "loadbalancer", List.of("alerting", "assembly", "rules", "terraform"),
            // Add-ons, one slice each: their resources, rules and module inputs.
            "bucket", List.of("assembly", "rules", "terraform"),
            "schedule", List.of("alerting", "assembly", "queue", "rules", "terraform"),
            // The user's catalog: lines, options and overrides.
            "catalog", List.of("alerting", "assembly", "bucket", "loadbalancer", "queue", "rules", "schedule",
                    "terraform"),
            // Environments: presets, cdktf.json context, state backends, layouts.
            "environment", List.of("alerting", "rules"),
            // A line's settings in one environment, resolved once.
            "settings", List.of("alerting", "assembly", "catalog", "environment", "loadbalancer", "queue", "rules",
                    "terraform"),
            // Checks before synthesis: every problem at once, by environment, service and field.
            "validation", List.of("alerting", "assembly", "catalog", "environment", "loadbalancer", "queue", "rules",
                    "settings", "terraform"),
            // Datadog resource bindings (ours: cdktf-provider-datadog is not served for Java).
            "datadog", List.of("alerting", "terraform"),
            // Dashboards.
            "monitoring", List.of("alerting", "datadog", "terraform"),
            // The parts of a service (queue, task, load balancer, monitors, ...) and the shared platform.
            "parts", List.of("alerting", "assembly", "catalog", "datadog", "environment", "loadbalancer", "monitoring",
                    "queue", "rules", "settings", "terraform"),
            // Stacks: an environment's, a platform's, a service's.
            "stack", List.of("alerting", "assembly", "bucket", "catalog", "datadog", "environment", "loadbalancer",
                    "monitoring", "parts", "rules", "settings", "terraform"),
            // Snapshot comparison and plan previews of synthesized Terraform.
            "snapshot", List.of("terraform"),
            // The cdktf app: context, synthesis, messages to the CLI.
            "app", List.of("catalog", "environment", "rules", "snapshot", "stack", "terraform", "validation"),
            // Generated modules and README tables.
            "generation", List.of("alerting", "assembly", "catalog", "datadog", "environment", "loadbalancer", "parts",
                    "queue", "rules", "settings", "snapshot", "stack", "terraform", "validation"),
            "root", List.of("app", "catalog", "environment", "rules"),
            // What a team's tests use: snapshot assertions.
            "testing", List.of("app", "catalog", "environment", "root", "snapshot"),
            // This repository's example catalog.
            "example", List.of("catalog", "root"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.servicekit");

    @Test
    void everyPackageDependsOnlyOnThePackagesItIsAllowed() {
        assertThat(violations(MAIN)).as("dependencies outside ArchitectureTest.ALLOWED").isEmpty();
    }

    @Test
    void everyAllowedEdgePointsDownwardsAndIsUsed() {
        List<String> order = List.copyOf(ALLOWED.keySet());
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> assertThat(order.indexOf(to))
                .as(from + " may use " + to + ", which must be listed before it").isBetween(0, order.indexOf(from) - 1)));
        Map<String, Set<String>> used = edges(MAIN);
        List<String> unused = new ArrayList<>();
        ALLOWED.forEach((from, targets) -> targets.stream()
                .filter(to -> !used.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> unused.add(from + " -> " + to)));
        assertThat(unused).as("allowed edges no class uses any more: remove them from ALLOWED").isEmpty();
        assertThat(packagesOf(MAIN)).as("every package is listed").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @Test
    void noPackagesDependOnEachOther() {
        cycles().check(MAIN);
    }

    @Test
    void theRulesCatchACycleAndANewEdge() {
        JavaClasses fixture = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.servicekit.architecture.cyclic");
        assertThatThrownBy(() -> slices().matching("dev.servicekit.architecture.cyclic.(*)..").should()
                .beFreeOfCycles().check(fixture)).hasMessageContaining("Cycle detected");
        JavaClasses upward = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.servicekit.terraform", "dev.servicekit.parts");
        assertThat(upward.contain("dev.servicekit.terraform.UpwardDependencyFixture")).isTrue();
        assertThat(violations(upward)).anySatisfy(violation -> assertThat(violation)
                .startsWith("dev.servicekit.terraform.UpwardDependencyFixture -> dev.servicekit.parts.")
                .endsWith("(terraform may not use parts)"));
    }

    /** Every dependency of a class on a package its own may not use, as {@code Class -> Target (why)}. */
    static List<String> violations(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass origin : classes) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                Optional<String> from = packageOf(origin);
                Optional<String> to = packageOf(target);
                if (from.isPresent() && to.isPresent() && !from.equals(to)
                        && !ALLOWED.getOrDefault(from.get(), Set.of()).contains(to.get())) {
                    found.add(origin.getName() + " -> " + target.getName() + " (" + from.get() + " may not use "
                            + to.get() + ")");
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static Map<String, Set<String>> edges(JavaClasses classes) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass origin : classes) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                Optional<String> from = packageOf(origin);
                Optional<String> to = packageOf(dependency.getTargetClass());
                if (from.isPresent() && to.isPresent() && !from.equals(to)) {
                    edges.computeIfAbsent(from.get(), k -> new TreeSet<>()).add(to.get());
                }
            }
        }
        return edges;
    }

    private static Set<String> packagesOf(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packageOf(c).ifPresent(packages::add));
        return packages;
    }

    /** The top-level servicekit package a class belongs to ({@code root} for dev.servicekit itself). */
    private static Optional<String> packageOf(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals("dev.servicekit")) {
            return Optional.of("root");
        }
        if (!name.startsWith("dev.servicekit.") || name.startsWith("dev.servicekit.architecture")) {
            return Optional.empty();
        }
        String rest = name.substring("dev.servicekit.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    static ArchRule cycles() {
        return slices().matching("dev.servicekit.(*)..").should().beFreeOfCycles();
    }

    private static Map<String, Set<String>> allowed(Object... packageAndTargets) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (int i = 0; i < packageAndTargets.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) packageAndTargets[i + 1];
            allowed.put((String) packageAndTargets[i], new TreeSet<>(targets));
        }
        return allowed;
    }
}
