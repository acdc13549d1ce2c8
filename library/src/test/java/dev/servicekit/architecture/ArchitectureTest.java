package dev.servicekit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package layout is the architecture: each layer depends only on the layers listed before it, and no
 * two packages depend on each other. A new dependency upwards, or a new cycle, fails here.
 */
class ArchitectureTest {
    /** Bottom to top; a layer may use itself and those before it. */
    static final List<List<String>> LAYERS = List.of(
            List.of("terraform"),
            List.of("alerting"),
            List.of("rules"),
            List.of("catalog"),
            List.of("environment"),
            List.of("settings"),
            List.of("validation"),
            List.of("datadog"),
            List.of("monitoring", "parts"),
            List.of("stack"),
            List.of("snapshot"),
            List.of("app", "generation", "testing", ""),
            List.of("example"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.servicekit");

    @Test
    void everyLayerDependsOnlyOnTheLayersBelowIt() {
        layers().check(MAIN);
    }

    @Test
    void noPackagesDependOnEachOther() {
        cycles().check(MAIN);
    }

    @Test
    void theRulesCatchACycleAndAnUpwardDependency() {
        JavaClasses fixture = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.servicekit.architecture.cyclic");
        assertThatThrownBy(() -> slices().matching("dev.servicekit.architecture.cyclic.(*)..").should()
                .beFreeOfCycles().check(fixture)).hasMessageContaining("Cycle detected");
        JavaClasses upward = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.servicekit.terraform", "dev.servicekit.parts");
        assertThat(upward.contain("dev.servicekit.terraform.UpwardDependencyFixture")).isTrue();
        assertThatThrownBy(() -> layers().check(upward)).hasMessageContaining("UpwardDependencyFixture");
    }

    static ArchRule layers() {
        Architectures.LayeredArchitecture architecture = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (int i = 0; i < LAYERS.size(); i++) {
            architecture = architecture.layer(name(i)).definedBy(packages(LAYERS.get(i)));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < LAYERS.size(); j++) {
                above.add(name(j));
            }
            architecture = above.isEmpty() ? architecture.whereLayer(name(i)).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(name(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return architecture;
    }

    static ArchRule cycles() {
        return slices().matching("dev.servicekit.(*)..").should().beFreeOfCycles();
    }

    private static String name(int layer) {
        return String.join("+", LAYERS.get(layer).stream().map(n -> n.isEmpty() ? "root" : n).toList());
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> n.isEmpty() ? "dev.servicekit" : "dev.servicekit." + n + "..")
                .toArray(String[]::new);
    }
}
