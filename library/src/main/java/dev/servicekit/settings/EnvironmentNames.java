package dev.servicekit.settings;

import dev.servicekit.environment.Environment;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;

import java.util.ArrayList;
import java.util.List;

/**
 * The AWS names of an environment's own resources, derived in one place like {@link ServiceNames}.
 *
 * @param environment the environment's AWS name: its name, after its prefix if it has one ({@code acme-prod})
 * @param prefix      the environment's prefix, or empty
 * @param name        the environment's name
 */
public record EnvironmentNames(String environment, String prefix, String name) {
    /** An account ID's form, for names that end in one: validation counts it as 12 digits. */
    public static final String ACCOUNT_ID_FORM = "000000000000";

    public static EnvironmentNames of(Environment environment) {
        return new EnvironmentNames(environment.awsName(), environment.prefix(), environment.name());
    }

    /** The ECS cluster a managed network creates: {@code servicekit-<env>}, after the prefix if there is one. */
    public String cluster() {
        return (prefix.isEmpty() ? "" : prefix + "-") + "servicekit-" + name;
    }

    /** The log group of the managed VPC's flow logs. */
    public String flowLogGroup() {
        return "/" + environment + "/vpc-flow-logs";
    }

    /** The role VPC Flow Logs assumes to write them. */
    public String flowLogRole() {
        return environment + "-vpc-flow-logs";
    }

    /** The load balancers' access-log bucket: {@code <env>-lb-logs-<account ID>}, unique across S3. */
    public String loadBalancerLogsBucket(String accountId) {
        return environment + "-lb-logs-" + accountId;
    }

    /** The platform stack's part of its name: {@code <env>-platform}. */
    public static final String PLATFORM_PART = "platform";

    /**
     * A stack's name: the environment's own ({@code prod}) for the stack holding everything, else
     * {@code <env>-<part>} ({@code prod-platform}, {@code prod-auth}). Environment names have no hyphen, so
     * {@code cdktf deploy 'prod-*'} takes exactly prod's stacks.
     */
    public String stack(java.util.Optional<String> part) {
        return part.map(p -> name + "-" + p).orElse(name);
    }

    /**
     * The part of a stack name that an owner gives in the owner layout: lowercase letters and digits, other
     * characters as single hyphens ({@code "Data Platform"} is {@code data-platform}); empty when nothing is left.
     */
    public static String ownerPart(String owner) {
        return owner.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The {@code slot}-th shared load balancer of a scheme: {@code <env>-public-<n>} or {@code <env>-internal-<n>}. */
    public String sharedLoadBalancer(boolean internal, int slot) {
        return environment + (internal ? "-internal-" : "-public-") + slot;
    }

    /** The names of the environment's own resources that a managed network and its logging derive. */
    public List<AwsName> awsNames(boolean managedNetwork, boolean managedLogsBucket) {
        List<AwsName> names = new ArrayList<>();
        if (managedNetwork) {
            names.add(new AwsName("ECS cluster name", cluster(), AwsLimits.ECS_CLUSTER_NAME));
            names.add(new AwsName("VPC flow log group name", flowLogGroup(), AwsLimits.LOG_GROUP_NAME));
            names.add(new AwsName("VPC flow log role name", flowLogRole(), AwsLimits.IAM_ROLE_NAME));
        }
        if (managedLogsBucket) {
            names.add(new AwsName("load balancer log bucket name (its last 12 digits are the account ID)",
                    loadBalancerLogsBucket(ACCOUNT_ID_FORM), AwsLimits.S3_BUCKET_NAME));
        }
        return names;
    }
}
