package dev.servicekit.validation;

import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

/** A web service's port, health check and HTTPS. */
final class WebRules {
    private WebRules() {}

    /** What the line alone says: its port and health check, the same in every environment. */
    static void check(Problems.Scope scope, ServiceKind.Web web) {
        scope.range("port", web.port(), AwsLimits.PORT);
        checkHealthCheck(scope, web.healthCheck());
    }

    /** HTTPS where the environment requires it: a certificate, or plain HTTP allowed on purpose. */
    static void checkHttps(Problems.Scope scope, ServiceKind.Web web, boolean hasCertificate, boolean plainHttpAllowed,
                           Environment env) {
        scope.check(!env.httpsRequired() || web.internal() || hasCertificate || plainHttpAllowed,
                "certificateArn", Rules.needsCertificate(env.name()));
    }

    /**
     * A web service on the environment's shared load balancers: on one that exists, with a host name AWS takes,
     * and the environment's certificate (a shared listener serves one).
     */
    static void checkShared(Problems.Scope scope, ServiceKind.Web web, LoadBalancing.Shared shared, Environment env,
                            boolean ownCertificate, ServiceNames names) {
        int count = shared.count(web.internal());
        String scheme = web.internal() ? "internal" : "internet-facing";
        scope.check(web.sharedLoadBalancer() < count, "sharedLoadBalancer",
                Rules.noSuchSharedLoadBalancer(web.sharedLoadBalancer(), scheme, count, env.name()));
        scope.check(!ownCertificate, "certificateArn", Rules.certificateOnSharedLoadBalancer(env.name()));
        String host = names.hostName(shared.domain());
        scope.check(host.length() <= AwsLimits.HOST_HEADER_MAX, "host name",
                Rules.hostNameTooLong(host, AwsLimits.HOST_HEADER_MAX));
    }

    /** An ACM certificate's ARN, in the environment's region: a load balancer takes no other. */
    static void checkCertificate(Problems.Scope scope, String arn, String region) {
        if (dev.servicekit.terraform.Tokens.isCdktfToken(arn)) {
            return;
        }
        if (!Rules.CERTIFICATE_ARN.matcher(arn).matches()) {
            scope.add("certificateArn", Rules.badCertificate(arn));
        } else if (!arn.split(":")[3].equals(region)) {
            scope.add("certificateArn", Rules.certificateInOtherRegion(arn, region));
        }
    }

    private static void checkHealthCheck(Problems.Scope scope, HealthCheck check) {
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
}
