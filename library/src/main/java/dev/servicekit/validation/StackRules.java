package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.StackLayout;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.EnvironmentNames;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an environment's layout splits a catalog into stacks: every stack's name is its own (two owners whose
 * letters and digits agree would share a stack, and with it a state), and, in HCP Terraform, a workspace name the
 * service takes.
 */
final class StackRules {
    /** HCP Terraform's workspace names: letters, digits, {@code -} and {@code _}, at most 90 characters. */
    static final Pattern WORKSPACE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,90}");

    private StackRules() {}

    static void check(Catalog catalog, Environment env, Problems problems) {
        EnvironmentNames names = EnvironmentNames.of(env);
        if (env.stacks() == StackLayout.OWNER) {
            Map<String, String> ownerOfPart = new LinkedHashMap<>();
            for (ServiceSpec spec : catalog.services()) {
                String part = EnvironmentNames.ownerPart(spec.owner());
                Problems.Scope scope = problems.about(env.name() + "/" + spec.name());
                if (part.isEmpty()) {
                    scope.add("owner", Rules.ownerGivesNoStack(spec.owner()));
                } else if (part.equals(EnvironmentNames.PLATFORM_PART)) {
                    scope.add("owner", Rules.ownerStackTaken(spec.owner(), names.stack(Optional.of(part)),
                            "the platform"));
                } else {
                    String other = ownerOfPart.putIfAbsent(part, spec.owner());
                    if (other != null && !other.equals(spec.owner())) {
                        scope.add("owner", Rules.ownerStackTaken(spec.owner(), names.stack(Optional.of(part)),
                                "owner '" + other + "'"));
                    }
                }
            }
        }
        if (env.state() instanceof StateBackend.Cloud cloud) {
            Problems.Scope scope = problems.about(env.name());
            scope.check(!cloud.organization().isBlank(), "cloud.organization", Rules.MUST_NOT_BE_EMPTY);
            String longest = env.awsName() + "-" + EnvironmentNames.PLATFORM_PART;
            for (ServiceSpec spec : catalog.services()) {
                String part = env.stacks() == StackLayout.OWNER ? EnvironmentNames.ownerPart(spec.owner()) : spec.name();
                String candidate = env.awsName() + "-" + part;
                if (env.stacks() != StackLayout.ENVIRONMENT && candidate.length() > longest.length()) {
                    longest = candidate;
                }
            }
            scope.check(WORKSPACE_NAME.matcher(longest).matches(), "cloud", Rules.badWorkspaceName(longest));
        }
    }
}
