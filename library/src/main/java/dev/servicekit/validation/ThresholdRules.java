package dev.servicekit.validation;

import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.terraform.Tokens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Monitor thresholds on their kind's scale, and the SLO they burn. */
final class ThresholdRules {
    private ThresholdRules() {}

    static boolean validSlo(SloTarget slo) {
        double target = slo.targetPercent().doubleValue();
        return Double.isFinite(target) && target >= Rules.SLO_TARGET_MIN && target < 100;
    }

    /** A window Datadog's SLOs take, and a target below 100 % that leaves an error budget. */
    static void checkSlo(Problems.Scope scope, SloTarget slo) {
        scope.check(SloTarget.WINDOWS.contains(slo.window()), "slo.window", Rules.badSloWindow(slo.window(), SloTarget.WINDOWS));
        scope.check(validSlo(slo), "slo.target", Rules.badSloTarget(String.valueOf(slo.targetPercent())));
    }

    /**
     * Thresholds are finite and non-negative; percentages are at most 100, burn rates at most what the SLO's
     * target allows, locations at most the environment's; a monitor that fires below its threshold has one
     * above zero; a dead-man's switch waits at least twice its window; a warning comes before its critical.
     */
    static void check(Problems.Scope scope, MonitorKind kind, Thresholds thresholds, SloTarget slo,
                      SyntheticsSettings synthetics) {
        String field = "monitor " + kind.key();
        double critical = thresholds.critical().doubleValue();
        String criticalText = thresholds.critical().toString();
        if (!Double.isFinite(critical)) {
            scope.add(field + ".critical", Rules.notFinite(criticalText));
            return;
        }
        scope.check(critical >= 0, field + ".critical", Rules.negative(criticalText));
        // A switch expression: a new scale does not compile until it has its rule here (and in ModuleInputs).
        String problem = switch (kind.scale()) {
            case PERCENTAGE -> critical <= 100 ? null : Rules.percentageAbove100(criticalText);
            // An SLO target that is itself wrong is reported once, as such.
            // critical <= 1 / (1 - target/100), multiplied out: exact at the maximum, as in the modules.
            case BURN_RATE -> !validSlo(slo) || critical > 0
                    && critical * (100 - slo.targetPercent().doubleValue()) <= 100 + 1e-9 ? null
                    : Rules.badBurnRate(criticalText, Tokens.text(slo.targetPercent()),
                            new BigDecimal(slo.maximumBurnRate()).setScale(1, RoundingMode.HALF_UP)
                                    .stripTrailingZeros().toPlainString());
            case LOCATIONS -> synthetics.locations().isEmpty() || critical >= 1 && critical <= synthetics.locations().size()
                    ? null : Rules.badLocationCount(criticalText, String.valueOf(synthetics.locations().size()));
            case NO_DATA_MINUTES -> critical >= kind.minimumCritical() ? null
                    : Rules.noDataTooShort(criticalText, kind.minimumCritical());
            case RESPONSE_SECONDS -> critical <= AwsLimits.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS ? null
                    : Rules.slowerThanTheLoadBalancerWaits(criticalText);
            case PLAIN -> null;
        };
        if (problem != null) {
            scope.add(field + ".critical", problem);
        }
        if (!kind.above()) {
            scope.check(critical > 0, field + ".critical", Rules.neverFires(criticalText));
        }
        Optional<Number> warning = thresholds.warning();
        if (warning.isPresent() && !kind.takesWarning()) {
            scope.add(field + ".warning", Rules.NO_WARNING);
            return;
        }
        warning.ifPresent(w -> {
            if (!Double.isFinite(w.doubleValue())) {
                scope.add(field + ".warning", Rules.notFinite(w.toString()));
                return;
            }
            scope.check(w.doubleValue() >= 0, field + ".warning", Rules.negative(w.toString()));
            if (kind.scale() == MonitorKind.Scale.PERCENTAGE) {
                scope.check(w.doubleValue() <= 100, field + ".warning", Rules.percentageAbove100(w.toString()));
            }
            boolean before = kind.above() ? w.doubleValue() < critical : w.doubleValue() > critical;
            scope.check(before, field + ".warning", Rules.warningAfterCritical(kind.above(), w.toString(), criticalText));
        });
    }
}
