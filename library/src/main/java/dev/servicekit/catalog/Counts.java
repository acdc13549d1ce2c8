package dev.servicekit.catalog;

import java.util.Optional;

/**
 * Task counts a line sets, each by name: {@code .counts(c -> c.min(2).desired(3).max(12))}. A count the
 * line leaves out is the environment's.
 *
 * @param min     autoscaling's floor, at least 1
 * @param desired tasks when the service is created; autoscaling owns the count afterwards
 * @param max     autoscaling's ceiling
 */
public record Counts(Optional<Integer> min, Optional<Integer> desired, Optional<Integer> max) {
    /** No count set: every one is the environment's. */
    public static final Counts ENVIRONMENTS = new Counts(Optional.empty(), Optional.empty(), Optional.empty());

    public Counts min(int value) {
        return new Counts(Optional.of(value), desired, max);
    }

    public Counts desired(int value) {
        return new Counts(min, Optional.of(value), max);
    }

    public Counts max(int value) {
        return new Counts(min, desired, Optional.of(value));
    }

    /** These counts, with {@code specific}'s present ones taking precedence. */
    Counts overriddenBy(Counts specific) {
        return new Counts(specific.min.or(() -> min), specific.desired.or(() -> desired), specific.max.or(() -> max));
    }
}
