package dev.servicekit.environment;

import java.util.Optional;

/**
 * How an environment's web services reach their clients (cdktf.json's {@code "loadBalancer"}): an Application
 * Load Balancer each ({@link Own}, the default), or load balancers the environment shares ({@link Shared}).
 */
public sealed interface LoadBalancing {
    /** An Application Load Balancer per web service, answering on its own DNS name. */
    record Own() implements LoadBalancing {}

    /**
     * A few Application Load Balancers of the environment's platform, internet-facing and internal apart, each
     * web service a host-header listener rule ({@code <service>.<domain>}) and a target group on one of them:
     * the {@code n}-th of its scheme, {@code n} from its line's {@code .sharedLoadBalancer(n)} (0 by default),
     * so that adding or removing a service never moves another. AWS allows at most 100 target groups per
     * load balancer (not adjustable) and 100 rules by default: 100 services per load balancer.
     *
     * @param domain        the services' parent domain: {@code <service>.<domain>} is each one's host name
     * @param hostedZoneId  a Route 53 hosted zone for {@code domain}: with it, each service gets an alias record,
     *                      and without an environment {@code certificateArn} the platform requests a DNS-validated
     *                      wildcard certificate ({@code *.<domain>}); without it, DNS and certificate are yours
     * @param internetFacing how many internet-facing load balancers the platform keeps
     * @param internal       how many internal load balancers the platform keeps
     */
    record Shared(String domain, Optional<String> hostedZoneId, int internetFacing, int internal)
            implements LoadBalancing {
        /** One of each scheme unless cdktf.json says otherwise: the first internal service changes no stack. */
        public static final int DEFAULT_COUNT = 1;

        public Shared {
            hostedZoneId = hostedZoneId == null ? Optional.empty() : hostedZoneId;
        }

        /** The number of load balancers of one scheme. */
        public int count(boolean internalScheme) {
            return internalScheme ? internal : internetFacing;
        }
    }
}
