package dev.servicekit.validation;

import dev.servicekit.catalog.Access;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.Placement;
import dev.servicekit.environment.Safeguards;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every null a user put into a catalog line's values or an environment, wherever it sits (a statement's
 * action, a health check's path, a network's CIDR), named by its path: checked first, because the other
 * rules read those values.
 */
final class NullRules {
    /**
     * What only groups a line's options, not an option of its own: a null in it is named as the line's option
     * (the line's healthCheck, not its kind's; its image, not its container's; its taskPolicies, not its access').
     */
    private static final Set<Class<?>> GROUPS = Set.of(ServiceKind.class, ServiceSpec.Container.class,
            Access.class, Overrides.Https.class, Overrides.Alerts.class,
            // An environment's groups: named as before the grouping, and as in cdktf.json (region, not placement.region).
            Placement.class, Safeguards.class);

    private NullRules() {}

    static void check(ServiceSpec spec, Problems.Scope line) {
        walk(spec, "", line);
    }

    static void check(Environment environment, Problems.Scope scope) {
        walk(environment, "", scope);
    }

    private static void walk(Object value, String path, Problems.Scope scope) {
        if (value == null) {
            scope.add(path, Rules.MUST_NOT_BE_NULL);
        } else if (value.getClass().isRecord() && value.getClass().getName().startsWith("dev.servicekit.")) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = GROUPS.contains(component.getType()) ? "" : component.getName();
                walk(read(component, value), join(path, name), scope);
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> walk(present, path, scope));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + (i + 1) + "]", scope);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (key == null) {
                    scope.add(path, Rules.NULL_KEY);
                } else {
                    walk(element, join(path, String.valueOf(key)), scope);
                }
            });
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : name.isEmpty() ? path : path + "." + name;
    }
}
