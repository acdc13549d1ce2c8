package dev.servicekit.loadbalancer;

import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

/** A load balancer's health check within ELB's limits, and a certificate its HTTPS listener takes. */
public final class LoadBalancerRules {
    private LoadBalancerRules() {}

    /** A target group's health check within ELB's limits, under {@code healthCheck.}. */
    public static void checkHealthCheck(Problems.Scope scope, HealthCheck check) {
        scope.check(check.path().startsWith("/") && check.path().length() <= AwsLimits.HEALTH_CHECK_PATH_MAX,
                "healthCheck.path", Rules.badHealthCheckPath(check.path()));
        scope.check(isMatcher(check.matcher()), "healthCheck.matcher", Rules.badMatcher(check.matcher()));
        scope.range("healthCheck.intervalSeconds", check.intervalSeconds(), AwsLimits.HEALTH_CHECK_INTERVAL);
        scope.range("healthCheck.timeoutSeconds", check.timeoutSeconds(), AwsLimits.HEALTH_CHECK_TIMEOUT);
        scope.check(check.timeoutSeconds() < check.intervalSeconds(), "healthCheck.timeoutSeconds",
                Rules.timeoutNotBelowInterval(check.timeoutSeconds(), check.intervalSeconds()));
        scope.range("healthCheck.healthyThreshold", check.healthyThreshold(), AwsLimits.HEALTH_CHECK_THRESHOLD);
        scope.range("healthCheck.unhealthyThreshold", check.unhealthyThreshold(), AwsLimits.HEALTH_CHECK_THRESHOLD);
        scope.range("healthCheck.deregistrationDelaySeconds", check.deregistrationDelaySeconds(),
                AwsLimits.DEREGISTRATION_DELAY);
    }

    /** Codes or ascending ranges of codes the load balancer may take for healthy, separated by commas. */
    private static boolean isMatcher(String matcher) {
        if (!AwsLimits.HEALTH_CHECK_MATCHER.matcher(matcher).matches()) {
            return false;
        }
        for (String codes : matcher.split(",")) {
            String[] bounds = codes.split("-");
            int low = Integer.parseInt(bounds[0]);
            int high = Integer.parseInt(bounds[bounds.length - 1]);
            if (!AwsLimits.HEALTH_CHECK_CODES.contains(low) || !AwsLimits.HEALTH_CHECK_CODES.contains(high) || low > high) {
                return false;
            }
        }
        return true;
    }

    /** An ACM certificate's ARN, in the environment's region: a load balancer takes no other. */
    public static void checkCertificate(Problems.Scope scope, String arn, String region) {
        if (dev.servicekit.terraform.Tokens.isCdktfToken(arn)) {
            return;
        }
        if (!Rules.CERTIFICATE_ARN.matcher(arn).matches()) {
            scope.add("certificateArn", Rules.badCertificate(arn));
        } else if (!arn.split(":")[3].equals(region)) {
            scope.add("certificateArn", Rules.certificateInOtherRegion(arn, region));
        }
    }
}
