package dev.servicekit.alerting;

import java.util.Optional;

/**
 * When a monitor alerts: {@code critical} pages (or notifies); the optional {@code warning} comes first.
 * For monitors that fire above a value the warning must be below the critical; for those that fire
 * below a value (running tasks, healthy targets) it must be above.
 */
public record Thresholds(Number critical, Optional<Number> warning) {

    public Thresholds {
        warning = warning == null ? Optional.empty() : warning;
    }

    public static Thresholds critical(Number critical) {
        return new Thresholds(critical, Optional.empty());
    }

    /** A critical and a warning threshold; a null warning means none. */
    public static Thresholds of(Number critical, Number warning) {
        return new Thresholds(critical, Optional.ofNullable(warning));
    }
}
