package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancerLogs;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.settings.ServiceNames;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AWS names that two services (or a service and its environment) would derive alike: one service's
 * dead-letter queue and another's queue ({@code a} with {@code a-dlq}), a service's log group and the VPC's
 * flow logs. AWS would refuse the second at apply, half-way through. Retired services count: AWS keeps their
 * queues and log groups.
 */
final class NameRules {
    private NameRules() {}

    private record Owner(String where, String field, String who) {}

    static void checkCollisions(Catalog catalog, Environment env, Problems problems) {
        Map<AwsLimits.TextRule, Map<String, Owner>> taken = new HashMap<>();
        EnvironmentNames environmentNames = EnvironmentNames.of(env);
        for (AwsName name : environmentNames.awsNames(env.network() instanceof NetworkConfig.Managed,
                env.loadBalancerLogs() instanceof LoadBalancerLogs.Managed)) {
            claim(taken, name, new Owner(env.name(), name.field(), "the environment " + env.name()), problems);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ServiceSpec spec : catalog.services()) {
            // A line declared twice is reported as such, once.
            if (!Rules.SERVICE_NAME.matcher(spec.name()).matches() || !seen.add(spec.name())) {
                continue;
            }
            // A renamed line keeps its old name's AWS names.
            for (AwsName name : new ServiceNames(env.awsName(), spec.awsName(), Optional.empty()).awsNames(spec)) {
                claim(taken, name, new Owner(env.name() + "/" + spec.name(), name.field(), "service " + spec.name()),
                        problems);
            }
        }
    }

    private static void claim(Map<AwsLimits.TextRule, Map<String, Owner>> taken, AwsName name, Owner owner,
                              Problems problems) {
        // Terraform makes each name from a prefix unique itself.
        if (name.rule() == AwsLimits.SECURITY_GROUP_NAME_PREFIX) {
            return;
        }
        Owner first = taken.computeIfAbsent(name.rule(), rule -> new HashMap<>()).putIfAbsent(name.value(), owner);
        if (first != null) {
            problems.about(owner.where()).add(owner.field(), Rules.nameTaken(name.value(), first.field(), first.who()));
        }
    }
}
