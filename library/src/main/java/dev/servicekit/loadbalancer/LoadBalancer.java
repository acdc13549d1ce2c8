package dev.servicekit.loadbalancer;

import dev.servicekit.terraform.Condition;

import java.util.Optional;

/**
 * A web service's load balancer settings in one environment, as {@code ServiceSettings} resolves them from its
 * line and environment.
 *
 * @param port           the container port the load balancer forwards to
 * @param healthCheck    the target group's health check
 * @param internal       an internal load balancer (in the task subnets, the VPC only) instead of an
 *                       internet-facing one
 * @param certificateArn the HTTPS listener's certificate, when {@code https} holds
 * @param https          HTTPS with a redirect from HTTP; plain HTTP otherwise
 * @param sharedLoadBalancer where the environment shares load balancers, which of its scheme's the service uses
 */
public record LoadBalancer(Number port, HealthCheck healthCheck, Condition internal, Optional<String> certificateArn,
                           Condition https, int sharedLoadBalancer) {
    /** A web service on a load balancer of its own. */
    public LoadBalancer(Number port, HealthCheck healthCheck, Condition internal, Optional<String> certificateArn,
                        Condition https) {
        this(port, healthCheck, internal, certificateArn, https, 0);
    }
}
