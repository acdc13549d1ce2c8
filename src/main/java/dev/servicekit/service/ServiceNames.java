package dev.servicekit.service;

/**
 * Every AWS name and Terraform address a service gets, derived from its environment and name in one
 * place. Validation checks these derived names against AWS's limits before anything is synthesized.
 */
public record ServiceNames(String environment, String service, java.util.Optional<String> addressPrefix) {

    /** {@code <env>-<service>}: the queue, task family, ECS service, load balancer and target group. */
    public String prefix() {
        return environment + "-" + service;
    }

    public String queue() {
        return prefix();
    }

    public String deadLetterQueue() {
        return prefix() + "-dlq";
    }

    public String logGroup() {
        return "/" + environment + "/" + service;
    }

    public String taskFamily() {
        return prefix();
    }

    public String ecsService() {
        return prefix();
    }

    public String executionRole() {
        return prefix() + "-execution";
    }

    public String taskRole() {
        return prefix() + "-task";
    }

    public String loadBalancer() {
        return prefix();
    }

    public String targetGroup() {
        return prefix();
    }

    public String taskSecurityGroup() {
        return prefix() + "-tasks";
    }

    public String loadBalancerSecurityGroup() {
        return prefix() + "-lb";
    }

    /** The SSM Parameter Store path under which the service's secrets live, without a trailing slash. */
    public String secretsPath() {
        return "/" + environment + "/" + service;
    }

    /**
     * The Terraform address of one of the service's resources, e.g. {@code auth_queue} in a stack, or
     * {@code queue} in a module. Pinned explicitly so that re-arranging constructs never moves a resource;
     * service names contain no underscore, so the first one separates the service from its part and no
     * two services collide.
     */
    public String address(String part) {
        return addressPrefix.map(prefix -> prefix + "_" + part).orElse(part);
    }
}
