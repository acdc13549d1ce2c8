package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.Problem;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.ServiceSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a catalog and its environments against servicekit's rules and AWS's limits before anything is
 * synthesized, so that a bad line never leaves half-written output or half-applied infrastructure. The
 * checks are small rule sets, one per concern ({@link LineRules}, {@link ServiceRules}, {@link TaskRules},
 * {@link dev.servicekit.queue.QueueRules}, {@link WebRules}, {@link ThresholdRules}, {@link AccessRules}, {@link EnvironmentRules},
 * {@link StackRules}, {@link QuotaRules});
 * their messages all come from {@link Rules} and {@link dev.servicekit.rules.AwsLimits}. Every problem names
 * the environment (or {@code catalog}), the service and the field, and is reported once: where a value
 * comes from.
 */
public final class CatalogValidator {
    private CatalogValidator() {}

    /** Throws a {@link dev.servicekit.rules.ConfigurationException} listing every problem, or returns when there is none. */
    public static void validate(Catalog catalog, List<Environment> environments) {
        // The other rules read these values: a null is reported first, alone.
        requireNoNulls(catalog, environments);

        Problems problems = new Problems();
        // An environment's own values first: names and limits derived from a wrong one would only repeat it,
        // once per service, so the lines are checked in the sound environments alone.
        List<Environment> sound = new ArrayList<>();
        for (Environment env : environments) {
            Problems own = new Problems();
            EnvironmentRules.check(env, own.about(env.name()));
            own.found().forEach(p -> problems.about(p.where()).add(p.field(), p.message()));
            if (own.found().isEmpty()) {
                sound.add(env);
            }
        }
        if (catalog.services().isEmpty() && catalog.misuses().isEmpty()) {
            problems.about("catalog").add("services", Rules.EMPTY_CATALOG);
        }
        List<String> environmentNames = environments.stream().map(Environment::name).toList();
        Set<String> seen = new HashSet<>();
        for (ServiceSpec spec : catalog.services()) {
            boolean first = seen.add(spec.name());
            // A name or image given as null is reported as that, not again as empty.
            Set<String> nulls = new HashSet<>();
            catalog.misuses().stream().filter(m -> spec.name().equals(m.service()) && m.message().equals(Rules.MUST_NOT_BE_NULL))
                    .forEach(m -> nulls.add(m.option()));
            LineRules.check(spec, first, environmentNames, problems.about("catalog/" + spec.name()), nulls);
            if (first && Rules.SERVICE_NAME.matcher(spec.name()).matches()) {
                checkInEveryEnvironment(spec, sound, problems);
            }
        }
        RenameRules.check(catalog, problems);
        for (Catalog.Misuse misuse : catalog.misuses()) {
            problems.about(misuse.service() == null ? "catalog" : "catalog/" + misuse.service())
                    .add(misuse.option(), misuse.message());
        }
        for (Environment env : sound) {
            NameRules.checkCollisions(catalog, env, problems);
            StackRules.check(catalog, env, problems);
        }
        QuotaRules.check(catalog, sound, problems);
        problems.throwIfAny();
    }

    /**
     * Throws a {@link dev.servicekit.rules.ConfigurationException} naming every null in the catalog's lines and
     * the environments, wherever it sits; first, because everything else reads those values.
     */
    public static void requireNoNulls(Catalog catalog, List<Environment> environments) {
        Problems nulls = new Problems();
        for (ServiceSpec spec : catalog.services()) {
            NullRules.check(spec, nulls.about("catalog/" + spec.name()));
        }
        for (Environment env : environments) {
            NullRules.check(env, nulls.about(env.name() == null ? "environment" : env.name()));
        }
        nulls.throwIfAny();
    }

    /**
     * Checks a line in each environment; a problem found in every environment alike (a size set for all
     * of them, say) is reported once, as {@code catalog/<service>}, the others as {@code <env>/<service>}.
     */
    private static void checkInEveryEnvironment(ServiceSpec spec, List<Environment> environments, Problems problems) {
        Map<String, List<Problem>> byEnvironment = new LinkedHashMap<>();
        for (Environment env : environments) {
            Problems found = new Problems();
            ServiceRules.check(ServiceSettings.resolve(spec, env), spec, env, found.about(env.name() + "/" + spec.name()));
            byEnvironment.put(env.name(), found.found());
        }
        Set<String> reported = new HashSet<>();
        for (List<Problem> found : byEnvironment.values()) {
            for (Problem problem : found) {
                boolean everywhere = byEnvironment.size() > 1 && byEnvironment.values().stream().allMatch(others -> others.stream()
                        .anyMatch(p -> p.field().equals(problem.field()) && p.message().equals(problem.message())));
                if (!everywhere) {
                    problems.about(problem.where()).add(problem.field(), problem.message());
                } else if (reported.add(problem.field() + "\n" + problem.message())) {
                    problems.about("catalog/" + spec.name()).add(problem.field(), problem.message());
                }
            }
        }
    }
}
