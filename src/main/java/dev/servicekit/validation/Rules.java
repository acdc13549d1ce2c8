package dev.servicekit.validation;

import dev.servicekit.monitoring.MonitorKind;

import java.util.List;
import java.util.regex.Pattern;

/**
 * servicekit's own rules and the text of every message that reports a broken one. The messages are
 * shared with the validation blocks of generated modules, where the arguments are Terraform
 * interpolations: one rule, one text, in Java and in HCL.
 */
public final class Rules {
    private Rules() {}

    /** Service names: lowercase letters, digits and inner hyphens, starting with a letter. */
    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z](?:[a-z0-9-]*[a-z0-9])?");
    /** Environment names: lowercase letters and digits, starting with a letter. */
    public static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z][a-z0-9]*");
    /** A Datadog notification handle: {@code @slack-...}, {@code @pagerduty-...}, {@code @team-...}, an email. */
    public static final Pattern NOTIFY_HANDLE = Pattern.compile("@[A-Za-z0-9_.+@-]+");
    /** An ACM certificate ARN. */
    public static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+");
    /** Monitor priority: 1 (highest) to 5. */
    public static final AwsLimits.Range PRIORITY = new AwsLimits.Range(1, 5, "");

    /** {@code pattern} as an anchored regular expression inside an HCL string literal. */
    public static String hclRegex(Pattern pattern) {
        return "^" + pattern.pattern().replace("\\", "\\\\") + "$";
    }

    public static String badServiceName(String name) {
        return "'" + name + "' must be lowercase letters, digits and inner hyphens, starting with a letter";
    }

    public static String badEnvironmentName(String name) {
        return "'" + name + "' must be lowercase letters and digits, starting with a letter";
    }

    public static String badCpu(String cpu) {
        return cpu + " is not a Fargate cpu size; allowed: "
                + AwsLimits.FARGATE_MEMORY_BY_CPU.keySet().stream().sorted().toList();
    }

    public static String badMemory(String memory, String cpu, String allowed) {
        return memory + " MiB does not fit Fargate cpu " + cpu + "; allowed: " + allowed;
    }

    /** The memory sizes Fargate pairs with a cpu size, as messages show them. */
    public static String describe(List<Integer> sizes) {
        if (sizes.size() <= 3) {
            return sizes.toString();
        }
        return sizes.get(0) + " to " + sizes.get(sizes.size() - 1) + " in steps of " + (sizes.get(1) - sizes.get(0));
    }

    public static String badCounts(String min, String desired, String max) {
        return "counts must satisfy min <= desired <= max; got " + min + " <= " + desired + " <= " + max;
    }

    public static String badRetention(String days) {
        return days + " is not a CloudWatch retention; allowed: " + AwsLimits.LOG_RETENTION_DAYS.stream().sorted().toList();
    }

    public static String outside(String value, AwsLimits.Range range) {
        return value + " is outside " + range;
    }

    public static String badHealthCheckPath(String path) {
        return "'" + path + "' must start with / and be at most " + AwsLimits.HEALTH_CHECK_PATH_MAX + " characters";
    }

    public static String badRunbook(String url) {
        return "'" + url + "' must be an http(s) URL";
    }

    public static String badCertificate(String arn) {
        return "'" + arn + "' is not an ACM certificate ARN";
    }

    /** With HTTPS on, a certificate is required, and a certificate without HTTPS would be ignored. */
    public static final String HTTPS_NEEDS_A_CERTIFICATE =
            "enable_https and certificate_arn go together: HTTPS needs a certificate, and a certificate without "
                    + "enable_https would be ignored";

    public static String privateEcrImage(String image, String switchName) {
        return "'" + image + "' is in a private ECR repository: set " + switchName + " = true so that the execution "
                + "role may pull it";
    }

    public static String badHandle(String handle) {
        return "'" + handle + "' is not a Datadog handle such as @slack-alerts";
    }

    public static String negative(String value) {
        return value + " must not be negative";
    }

    /**
     * Every service keeps a task: CPU tracking cannot scale out from zero, and a worker's first scale-out
     * step starts at {@value dev.servicekit.service.ServiceScaling#SCALE_OUT_BACKLOG} visible messages, so
     * fewer would wait for ever.
     */
    public static String needsATask(String min) {
        return min + " must be at least 1: a web service cannot scale out from zero tasks, and a worker at zero "
                + "would leave up to " + (dev.servicekit.service.ServiceScaling.SCALE_OUT_BACKLOG - 1)
                + " messages waiting (scaling out starts at " + dev.servicekit.service.ServiceScaling.SCALE_OUT_BACKLOG
                + " visible)";
    }

    public static String atLeastOne(String count) {
        return count + " must be at least 1";
    }

    public static String startsWithInternal(String name) {
        return "'" + name + "' must not start with 'internal-'";
    }

    public static String percentageAbove100(String value) {
        return value + " is a percentage above 100";
    }

    public static String neverFires(String critical) {
        return critical + " can never fire: this monitor fires below its critical threshold";
    }

    public static String notFinite(String value) {
        return value + " is not a finite number";
    }

    /** An environment (a preset, or cdktf.json) without thresholds for a monitor kind. */
    public static final String NO_THRESHOLDS = "the environment gives this monitor no thresholds";

    /** @param maximum the largest burn rate the target allows, 1 / (1 - target), as text */
    public static String badBurnRate(String value, String target, String maximum) {
        return value + " is not a burn rate Datadog accepts for a " + target + " % SLO: above 0 and at most "
                + maximum + " (1 / (1 - target))";
    }

    public static String badLocationCount(String value, String locations) {
        return value + " locations cannot fail: the environment's synthetics tests run from " + locations;
    }

    public static String noDataTooShort(String value, double minimum) {
        return value + " minutes is too short: at least " + new java.math.BigDecimal(minimum).stripTrailingZeros()
                .toPlainString() + ", twice the window, or late data would look missing";
    }

    public static String badSloWindow(String window) {
        return "'" + window + "' is not an SLO window; allowed: " + dev.servicekit.monitoring.SloTarget.WINDOWS;
    }

    public static String badSloTarget(String target) {
        return target + " is not an SLO target: a percentage above 0 and below 100, e.g. 99.9";
    }

    /** Seconds between two runs of a synthetics test, as Datadog accepts them. */
    public static final AwsLimits.Range SYNTHETICS_TICK = new AwsLimits.Range(30, 604_800, "s");

    /** A warning threshold on the wrong side of its critical one. */
    public static String warningAfterCritical(MonitorKind kind, String warning, String critical) {
        return kind.above()
                ? warning + " must be below the critical threshold " + critical + " (this monitor fires above its thresholds)"
                : warning + " must be above the critical threshold " + critical + " (this monitor fires below its thresholds)";
    }
}
