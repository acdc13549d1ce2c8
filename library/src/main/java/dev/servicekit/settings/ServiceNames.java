package dev.servicekit.settings;

import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;

/**
 * Every AWS name and Terraform address a service gets, derived from its environment and name in one
 * place. Validation checks these derived names against AWS's limits before anything is synthesized.
 *
 * @param environment the environment's AWS name: its name, after its prefix if it has one ({@code acme-prod})
 */
public record ServiceNames(String environment, String service, java.util.Optional<String> addressPrefix) {
    /** Terraform appends this many characters to a {@code name_prefix} to make the name unique. */
    public static final int UNIQUE_SUFFIX_LENGTH = 26;

    /** {@code <env>-<service>}: the queue, task family, ECS service, load balancer and target group. */
    public String prefix() {
        return environment + "-" + service;
    }

    /**
     * The task's volume for a writable directory: {@code /var/cache/nginx} is {@code writable-var-cache-nginx},
     * {@code /home/app/.cache} is {@code writable-home-app-_cache} (ECS allows letters, digits, _ and - in volume
     * names). Two paths may map to one name ({@code /a-b}, {@code /a/b}); validation refuses such a pair.
     */
    public static String writableVolume(String path) {
        return "writable-" + path.substring(1).replace('/', '-').replace('.', '_');
    }

    /** {@link #writableVolume} as a Terraform string template, for a path that is the HCL expression {@code path}. */
    public static String writableVolumeTemplate(String path) {
        return "writable-${replace(replace(trim(" + path + ", \"/\"), \"/\", \"-\"), \".\", \"_\")}";
    }

    /** A service's host name on its environment's shared load balancers: {@code <service>.<domain>}. */
    public String hostName(String domain) {
        return dev.servicekit.loadbalancer.LoadBalancerPart.hostName(service, domain);
    }

    public String queue() {
        return dev.servicekit.queue.Queue.name(environment, service);
    }

    public String deadLetterQueue() {
        return dev.servicekit.queue.Queue.deadLetterName(environment, service);
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
        return dev.servicekit.loadbalancer.LoadBalancerPart.name(environment, service);
    }

    /** {@code <env>-<service>-<port>}; see {@link dev.servicekit.loadbalancer.LoadBalancerPart#targetGroupName}. */
    public String targetGroup(String port) {
        return dev.servicekit.loadbalancer.LoadBalancerPart.targetGroupName(environment, service, port);
    }

    /**
     * The tasks' security group {@code name_prefix}: Terraform appends {@value #UNIQUE_SUFFIX_LENGTH}
     * characters, so that a change that replaces the group (its description, say) can create the new one
     * before destroying the old one, which running tasks still use.
     */
    public String taskSecurityGroup() {
        return prefix() + "-tasks-";
    }

    /** The load balancer's security group {@code name_prefix}; see {@link #taskSecurityGroup()}. */
    public String loadBalancerSecurityGroup() {
        return dev.servicekit.loadbalancer.LoadBalancerPart.securityGroupPrefix(environment, service);
    }

    /** The SSM Parameter Store path under which the service's secrets live, without a trailing slash. */
    public String secretsPath() {
        return "/" + environment + "/" + service;
    }

    /**
     * The AWS names of a service with or without a queue, and with a load balancer on {@code port} if it is a
     * web service; each with the rule AWS holds it to.
     */
    public java.util.List<AwsName> awsNames(boolean queue, java.util.Optional<String> port) {
        java.util.List<AwsName> names = new java.util.ArrayList<>();
        if (queue) {
            names.add(new AwsName("queue name", queue(), AwsLimits.QUEUE_NAME));
            names.add(new AwsName("dead-letter queue name", deadLetterQueue(), AwsLimits.QUEUE_NAME));
        }
        names.add(new AwsName("ECS service name", ecsService(), AwsLimits.ECS_SERVICE_NAME));
        names.add(new AwsName("task family", taskFamily(), AwsLimits.TASK_FAMILY));
        names.add(new AwsName("container name", service, AwsLimits.CONTAINER_NAME));
        names.add(new AwsName("awslogs stream prefix", service, AwsLimits.LOG_STREAM_PREFIX));
        names.add(new AwsName("execution role name", executionRole(), AwsLimits.IAM_ROLE_NAME));
        names.add(new AwsName("task role name", taskRole(), AwsLimits.IAM_ROLE_NAME));
        names.add(new AwsName("log group name", logGroup(), AwsLimits.LOG_GROUP_NAME));
        names.add(new AwsName("task security group name prefix", taskSecurityGroup(),
                AwsLimits.SECURITY_GROUP_NAME_PREFIX));
        port.ifPresent(p -> {
            names.add(new AwsName("load balancer name", loadBalancer(), AwsLimits.LOAD_BALANCER_NAME));
            names.add(new AwsName("target group name", targetGroup(p), AwsLimits.TARGET_GROUP_NAME));
            names.add(new AwsName("load balancer security group name prefix", loadBalancerSecurityGroup(),
                    AwsLimits.SECURITY_GROUP_NAME_PREFIX));
        });
        return names;
    }

    /** Every AWS name the line {@code spec} derives here: its parts' and its add-ons'. */
    public java.util.List<AwsName> awsNames(dev.servicekit.catalog.ServiceSpec spec) {
        java.util.Optional<String> port = spec.kind() instanceof dev.servicekit.catalog.ServiceKind.Web web
                ? java.util.Optional.of(String.valueOf(web.port())) : java.util.Optional.empty();
        java.util.List<AwsName> names = new java.util.ArrayList<>(awsNames(spec.queue().isPresent(), port));
        spec.addOns().forEach(addOn -> names.addAll(addOn.names(environment, service)));
        return names;
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
