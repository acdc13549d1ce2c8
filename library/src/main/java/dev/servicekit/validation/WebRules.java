package dev.servicekit.validation;

import dev.servicekit.loadbalancer.LoadBalancerRules;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

/**
 * A web service's port and HTTPS, and its place on the environment's shared load balancers; its health check and
 * certificate are the load balancer's own ({@link LoadBalancerRules}).
 */
final class WebRules {
    private WebRules() {}

    /** What the line alone says: its port and health check, the same in every environment. */
    static void check(Problems.Scope scope, ServiceKind.Web web) {
        scope.range("port", web.port(), AwsLimits.PORT);
        LoadBalancerRules.checkHealthCheck(scope, web.healthCheck());
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
}
