package dev.servicekit.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one subject (a service in an environment) so that every rule can be
 * checked and the user sees all of them at once. Values that are Terraform tokens (module inputs)
 * are passed through: Terraform validates those.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    /** Problems about {@code where} (e.g. {@code prod/auth}). */
    public Scope about(String where) {
        return new Scope(where);
    }

    public void addAll(Problems other) {
        found.addAll(other.found);
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ConfigurationException} naming every problem found, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigurationException(found);
        }
    }

    /** Checks about one subject. */
    public final class Scope {
        private final String where;

        private Scope(String where) {
            this.where = where;
        }

        public void add(String field, String message) {
            found.add(new Problem(where, field, message));
        }

        public void check(boolean ok, String field, String message) {
            if (!ok) {
                add(field, message);
            }
        }

        public void name(String field, String name, AwsLimits.NameRule rule) {
            if (Tokens.isToken(name)) {
                return;
            }
            String problem = rule.problem(name);
            if (problem != null) {
                add(field, problem);
            }
        }

        public void range(String field, Number value, AwsLimits.Range range) {
            if (Tokens.isToken(value)) {
                return;
            }
            if (value.doubleValue() != Math.rint(value.doubleValue()) || !range.contains(value.longValue())) {
                add(field, value + " is outside " + range);
            }
        }
    }
}
