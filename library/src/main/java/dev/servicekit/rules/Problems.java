package dev.servicekit.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule so that the user sees all of them at once, in one message. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    /** Problems about {@code where} (e.g. {@code prod/auth}). */
    public Scope about(String where) {
        return new Scope(where);
    }

    /** The problems found so far. */
    public List<Problem> found() {
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

        /** Adds a problem, once: two checks that find the same thing say it once. */
        public void add(String field, String message) {
            Problem problem = new Problem(where, field, message);
            if (!found.contains(problem)) {
                found.add(problem);
            }
        }

        /** Adds a problem unless {@code ok}; returns {@code ok}, for checks that make sense only after this one. */
        public boolean check(boolean ok, String field, String message) {
            if (!ok) {
                add(field, message);
            }
            return ok;
        }

        public void name(String field, String name, AwsLimits.TextRule rule) {
            String problem = rule.problem(name);
            if (problem != null) {
                add(field, problem);
            }
        }

        public void range(String field, long value, AwsLimits.Range range) {
            check(range.contains(value), field, Rules.outside(String.valueOf(value), range));
        }
    }
}
