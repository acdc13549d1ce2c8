package dev.servicekit.catalog;

import dev.servicekit.loadbalancer.HealthCheck;

/**
 * What a service is: a queue worker (no load balancer, scales on queue backlog) or a web service
 * (behind its own Application Load Balancer, scales on CPU). The kinds are closed.
 */
public sealed interface ServiceKind {

    /** A queue worker: always has a queue; no load balancer. */
    record Worker() implements ServiceKind {}

    /**
     * A web service: serves requests on {@code port} behind an Application Load Balancer.
     *
     * @param port          container port (the host port too, as Fargate's awsvpc mode requires)
     * @param healthCheck   the target group's health check; default {@link HealthCheck#at HealthCheck.at("/")}
     * @param internal      true for an internal load balancer; default false (internet-facing)
     * @param sharedLoadBalancer in an environment whose load balancers are shared, which of its scheme's the
     *                      service's rule goes on; default 0. Never derived from other lines, so adding or removing
     *                      one moves no other service
     */
    record Web(int port, HealthCheck healthCheck, boolean internal, int sharedLoadBalancer) implements ServiceKind {}
}
