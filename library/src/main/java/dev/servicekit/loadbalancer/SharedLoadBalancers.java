package dev.servicekit.loadbalancer;

import dev.servicekit.terraform.Condition;

import java.util.Optional;

/**
 * The load balancers an environment shares between its web services ({@code "loadBalancer": "shared"}), as a
 * service finds them: the platform's own resources where they sit in the same stack, data sources looked up by
 * name where the service has a stack of its own. Each service adds a target group and a host-header rule
 * ({@code <service>.<domain>}) to the one its line names ({@code .sharedLoadBalancer(n)}, 0 by default).
 */
public interface SharedLoadBalancers {
    /** The services' parent domain: each one answers on {@code <service>.<domain>}. */
    String domain();

    /** The Route 53 zone of {@link #domain()}, where each service gets an alias record; empty when DNS is yours. */
    Optional<String> hostedZoneId();

    /** Whether the load balancers listen on HTTPS (the environment has a certificate), rules on port 443 then. */
    Condition https();

    /** The {@code slot}-th load balancer of a scheme; declares its lookup the first time it is asked for. */
    SharedLoadBalancer of(boolean internal, int slot);

    /**
     * One shared load balancer, by Terraform references.
     *
     * @param listenerArn      the listener that carries the services' rules (443 with HTTPS, else 80)
     * @param arnSuffix        the load balancer's ARN suffix, Datadog's {@code loadbalancer} tag
     * @param dnsName          its DNS name, and {@code zoneId} its hosted zone, for alias records
     * @param securityGroupId  its security group, which the services' tasks admit
     */
    record SharedLoadBalancer(String listenerArn, String arnSuffix, String dnsName, String zoneId,
                              String securityGroupId) {}
}
