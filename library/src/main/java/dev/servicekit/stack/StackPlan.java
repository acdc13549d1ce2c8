package dev.servicekit.stack;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.StackLayout;
import dev.servicekit.settings.EnvironmentNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stacks of one environment, as its layout ({@link StackLayout}) splits a catalog: each with a state and a
 * lock of its own. The environment layout has one stack holding everything; the others a platform stack and
 * a stack per line or per owner, each depending on the platform, none reading another's state.
 *
 * @param units the stacks, the platform first
 */
public record StackPlan(Environment environment, List<Unit> units) {

    /** What a stack holds. */
    public enum Role {
        /** The environment's shared resources and every line: the environment layout's one stack. */
        WHOLE,
        /** The environment's shared resources alone: network, cluster, log bucket, shared load balancers, overview. */
        PLATFORM,
        /** Some lines (one, or one owner's), finding the platform's resources by name. */
        SERVICES
    }

    /**
     * One stack.
     *
     * @param name  the stack's name ({@code prod}, {@code prod-platform}, {@code prod-auth}): its directory under
     *              {@code cdktf.out/stacks}, its snapshot's name, and what {@code cdktf deploy} takes
     * @param part  the part of the name after the environment, empty for the environment layout's stack: names
     *              the stack's state (file, S3 key, workspace)
     * @param lines the catalog lines the stack holds, in catalog order
     * @param owner the owner of the lines of an owner layout's stack
     */
    public record Unit(String name, Optional<String> part, Role role, List<ServiceSpec> lines, Optional<String> owner) {
        public Unit {
            lines = List.copyOf(lines);
        }

        /** Whether this stack holds the environment's own resources. */
        public boolean holdsPlatform() {
            return role != Role.SERVICES;
        }
    }

    public StackPlan {
        units = List.copyOf(units);
    }

    /** How {@code environment}'s layout splits {@code catalog}. */
    public static StackPlan of(Environment environment, Catalog catalog) {
        EnvironmentNames names = EnvironmentNames.of(environment);
        List<ServiceSpec> lines = catalog.services();
        if (environment.stacks() == StackLayout.ENVIRONMENT) {
            return new StackPlan(environment, List.of(new Unit(names.stack(Optional.empty()), Optional.empty(),
                    Role.WHOLE, lines, Optional.empty())));
        }
        List<Unit> units = new ArrayList<>();
        Optional<String> platform = Optional.of(EnvironmentNames.PLATFORM_PART);
        units.add(new Unit(names.stack(platform), platform, Role.PLATFORM, List.of(), Optional.empty()));
        if (environment.stacks() == StackLayout.SERVICE) {
            for (ServiceSpec line : lines) {
                Optional<String> part = Optional.of(line.name());
                units.add(new Unit(names.stack(part), part, Role.SERVICES, List.of(line), Optional.empty()));
            }
        } else {
            Map<String, List<ServiceSpec>> byPart = new LinkedHashMap<>();
            Map<String, String> owners = new LinkedHashMap<>();
            for (ServiceSpec line : lines) {
                String part = EnvironmentNames.ownerPart(line.owner());
                byPart.computeIfAbsent(part, p -> new ArrayList<>()).add(line);
                owners.putIfAbsent(part, line.owner());
            }
            byPart.forEach((part, owned) -> units.add(new Unit(names.stack(Optional.of(part)), Optional.of(part),
                    Role.SERVICES, owned, Optional.of(owners.get(part)))));
        }
        return new StackPlan(environment, units);
    }

    /** The platform stack, or the one stack holding everything. */
    public Unit platform() {
        return units.get(0);
    }
}
