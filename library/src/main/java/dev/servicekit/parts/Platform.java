package dev.servicekit.parts;

import dev.servicekit.loadbalancer.LoadBalancerPlatform;
import dev.servicekit.loadbalancer.SharedLoadBalancers;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.List;
import java.util.Optional;

/**
 * What a service uses of its environment: network, cluster and account. Values may be Terraform
 * references (a managed VPC's subnets, a module's inputs) or literals (an adopted VPC's IDs).
 *
 * @param environment              the environment's name
 * @param account                  the AWS account and region
 * @param network                  the VPC and subnets the tasks and load balancers live in
 * @param cluster                  the ECS cluster the services run in
 * @param protectStatefulResources prevent_destroy on stateful resources (queues, log groups, buckets)
 * @param loadBalancers            what the environment gives web services' load balancers
 */
public record Platform(String environment, Account account, Network network, Cluster cluster,
                       boolean protectStatefulResources, LoadBalancers loadBalancers) {

    /**
     * The AWS account and region.
     *
     * @param id        the AWS account ID (a data-source reference)
     * @param region    the AWS region
     * @param partition the AWS partition, e.g. {@code aws}
     */
    public record Account(String id, String region, String partition) {
        /** The ARN of the SSM parameter at {@code path} (which starts with a slash) in this account and region. */
        public String ssmParameterArn(String path) {
            return "arn:" + partition + ":ssm:" + region + ":" + id + ":parameter" + path;
        }
    }

    /**
     * The VPC and subnets.
     *
     * @param vpcId           the VPC
     * @param vpcCidr         the VPC's CIDR block; internal load balancers admit only it
     * @param publicSubnetIds where internet-facing load balancers live; empty in a worker's module
     * @param taskSubnetIds   where tasks and internal load balancers live
     * @param assignPublicIp  whether tasks get public IPs (public subnets without NAT)
     * @param networkReady    what must exist before tasks start (routes of a network created with
     *                        the stack); empty for an adopted network
     * @param internetReady   what must exist before an internet-facing load balancer (the internet
     *                        gateway of a network created with the stack); empty for an adopted network
     */
    public record Network(String vpcId, String vpcCidr, List<String> publicSubnetIds, List<String> taskSubnetIds,
                          Condition assignPublicIp, List<Block> networkReady, List<Block> internetReady) {
        public Network {
            networkReady = List.copyOf(networkReady);
            internetReady = List.copyOf(internetReady);
        }
    }

    /**
     * The ECS cluster.
     *
     * @param name the cluster's name
     * @param arn  the cluster's ARN
     */
    public record Cluster(String name, String arn) {
    }

    /**
     * What the environment gives web services' load balancers.
     *
     * @param deletionProtection deletion protection on load balancers
     * @param accessLogsBucket   where load balancers write access logs (each under its service's prefix);
     *                           empty when the environment keeps none
     * @param accessLogsReady    what must exist before a load balancer writes there (the bucket's policy)
     * @param shared             the environment's shared load balancers; empty where each web service has its own
     */
    public record LoadBalancers(Condition deletionProtection, Optional<String> accessLogsBucket,
                                List<Block> accessLogsReady, Optional<SharedLoadBalancers> shared) {
        public LoadBalancers {
            accessLogsReady = List.copyOf(accessLogsReady);
        }
    }

    /** What a web service's load balancer needs of this platform. */
    public LoadBalancerPlatform loadBalancerPlatform() {
        return new LoadBalancerPlatform(network.vpcId(), network.vpcCidr(), network.publicSubnetIds(),
                network.taskSubnetIds(), network.internetReady(), loadBalancers.deletionProtection(),
                loadBalancers.accessLogsBucket(), loadBalancers.accessLogsReady(), loadBalancers.shared());
    }

    /** The same platform with load balancers that Terraform may delete (a retired service's). */
    public Platform withoutDeletionProtection() {
        return withLoadBalancers(new LoadBalancers(Condition.NEVER, loadBalancers.accessLogsBucket(),
                loadBalancers.accessLogsReady(), loadBalancers.shared()));
    }

    /** The same platform, whose web services use {@code shared} instead of load balancers of their own. */
    public Platform withSharedLoadBalancers(SharedLoadBalancers shared) {
        return withLoadBalancers(new LoadBalancers(loadBalancers.deletionProtection(), loadBalancers.accessLogsBucket(),
                loadBalancers.accessLogsReady(), Optional.of(shared)));
    }

    private Platform withLoadBalancers(LoadBalancers changed) {
        return new Platform(environment, account, network, cluster, protectStatefulResources, changed);
    }
}
