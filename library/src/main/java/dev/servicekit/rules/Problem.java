package dev.servicekit.rules;

/**
 * One broken rule: where ({@code stage/auth}, or {@code catalog/auth} for rules that do not depend on
 * the environment), which field, and what is wrong.
 */
public record Problem(String where, String field, String message) {
    @Override
    public String toString() {
        return where + ": " + field + ": " + message;
    }
}
