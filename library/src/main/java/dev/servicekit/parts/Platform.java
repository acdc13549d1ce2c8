package dev.servicekit.parts;

import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.List;

/**
 * What a service uses of its environment: network, cluster and account. Values may be Terraform
 * references (a managed VPC's subnets, a module's inputs) or literals (an adopted VPC's IDs).
 *
 * @param environment             the environment's name
 * @param region                  the AWS region
 * @param accountId               the AWS account ID (a data-source reference)
 * @param partition               the AWS partition, e.g. {@code aws}
 * @param vpcId                   the VPC
 * @param vpcCidr                 the VPC's CIDR block; internal load balancers admit only it
 * @param publicSubnetIds         where internet-facing load balancers live
 * @param taskSubnetIds           where tasks and internal load balancers live
 * @param assignPublicIp          whether tasks get public IPs (public subnets without NAT)
 * @param clusterName             the ECS cluster's name
 * @param clusterArn              the ECS cluster's ARN
 * @param protectStatefulResources prevent_destroy on stateful resources (queues, log groups, buckets)
 * @param deletionProtection      deletion protection on load balancers
 * @param networkReady            what must exist before tasks start (routes of a network created with
 *                                the stack); empty for an adopted network
 * @param internetReady           what must exist before an internet-facing load balancer (the internet
 *                                gateway of a network created with the stack); empty for an adopted network
 * @param accessLogsBucket        where load balancers write access logs (each under its service's prefix);
 *                                empty when the environment keeps none
 * @param accessLogsReady         what must exist before a load balancer writes there (the bucket's policy)
 * @param sharedLoadBalancers     the environment's shared load balancers; empty where each web service has its own
 */
public record Platform(String environment, String region, String accountId, String partition, String vpcId,
                       String vpcCidr, List<String> publicSubnetIds, List<String> taskSubnetIds,
                       Condition assignPublicIp, String clusterName, String clusterArn,
                       boolean protectStatefulResources, Condition deletionProtection,
                       List<Block> networkReady, List<Block> internetReady, java.util.Optional<String> accessLogsBucket,
                       List<Block> accessLogsReady, java.util.Optional<SharedLoadBalancers> sharedLoadBalancers) {
    public Platform {
        networkReady = List.copyOf(networkReady);
        internetReady = List.copyOf(internetReady);
        accessLogsReady = List.copyOf(accessLogsReady);
    }

    /** The same platform with load balancers that Terraform may delete (a retired service's). */
    public Platform withoutDeletionProtection() {
        return toBuilder().deletionProtection(Condition.NEVER).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.environment = environment;
        builder.region = region;
        builder.accountId = accountId;
        builder.partition = partition;
        builder.vpcId = vpcId;
        builder.vpcCidr = vpcCidr;
        builder.publicSubnetIds = publicSubnetIds;
        builder.taskSubnetIds = taskSubnetIds;
        builder.assignPublicIp = assignPublicIp;
        builder.clusterName = clusterName;
        builder.clusterArn = clusterArn;
        builder.protectStatefulResources = protectStatefulResources;
        builder.deletionProtection = deletionProtection;
        builder.networkReady = networkReady;
        builder.internetReady = internetReady;
        builder.accessLogsBucket = accessLogsBucket;
        builder.accessLogsReady = accessLogsReady;
        builder.sharedLoadBalancers = sharedLoadBalancers;
        return builder;
    }

    /** Builds a {@link Platform}; the lists default to empty, the conditions to false, protection to off. */
    public static final class Builder {
        private String environment;
        private String region;
        private String accountId;
        private String partition;
        private String vpcId;
        private String vpcCidr;
        private List<String> publicSubnetIds = List.of();
        private List<String> taskSubnetIds = List.of();
        private Condition assignPublicIp = Condition.NEVER;
        private String clusterName;
        private String clusterArn;
        private boolean protectStatefulResources;
        private Condition deletionProtection = Condition.NEVER;
        private List<Block> networkReady = List.of();
        private List<Block> internetReady = List.of();
        private java.util.Optional<String> accessLogsBucket = java.util.Optional.empty();
        private List<Block> accessLogsReady = List.of();
        private java.util.Optional<SharedLoadBalancers> sharedLoadBalancers = java.util.Optional.empty();

        private Builder() {}

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder partition(String value) {
            partition = value;
            return this;
        }

        public Builder vpc(String id, String cidr) {
            vpcId = id;
            vpcCidr = cidr;
            return this;
        }

        public Builder publicSubnetIds(List<String> value) {
            publicSubnetIds = value;
            return this;
        }

        public Builder taskSubnetIds(List<String> value) {
            taskSubnetIds = value;
            return this;
        }

        public Builder assignPublicIp(Condition value) {
            assignPublicIp = value;
            return this;
        }

        public Builder cluster(String name, String arn) {
            clusterName = name;
            clusterArn = arn;
            return this;
        }

        /** prevent_destroy on stateful resources, and deletion protection on load balancers. */
        public Builder protection(boolean statefulResources, Condition loadBalancers) {
            protectStatefulResources = statefulResources;
            deletionProtection = loadBalancers;
            return this;
        }

        public Builder deletionProtection(Condition value) {
            deletionProtection = value;
            return this;
        }

        public Builder networkReady(List<Block> value) {
            networkReady = value;
            return this;
        }

        public Builder internetReady(List<Block> value) {
            internetReady = value;
            return this;
        }

        /** Load balancers write access logs to {@code bucket} once {@code ready} exists. */
        public Builder accessLogs(String bucket, List<Block> ready) {
            accessLogsBucket = java.util.Optional.of(bucket);
            accessLogsReady = ready;
            return this;
        }

        /** Web services use these shared load balancers instead of their own. */
        public Builder sharedLoadBalancers(SharedLoadBalancers value) {
            sharedLoadBalancers = java.util.Optional.of(value);
            return this;
        }

        public Platform build() {
            return new Platform(java.util.Objects.requireNonNull(environment, "environment"),
                    java.util.Objects.requireNonNull(region, "region"), java.util.Objects.requireNonNull(accountId, "accountId"),
                    java.util.Objects.requireNonNull(partition, "partition"), java.util.Objects.requireNonNull(vpcId, "vpcId"),
                    vpcCidr, publicSubnetIds, taskSubnetIds, assignPublicIp,
                    java.util.Objects.requireNonNull(clusterName, "clusterName"),
                    java.util.Objects.requireNonNull(clusterArn, "clusterArn"), protectStatefulResources,
                    deletionProtection, networkReady, internetReady, accessLogsBucket, accessLogsReady, sharedLoadBalancers);
        }
    }
}
