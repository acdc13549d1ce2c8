package dev.servicekit.loadbalancer;

import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.List;
import java.util.Optional;

/**
 * What a web service's load balancer needs of its environment's platform, as the assembly gives it: the network
 * it lives in and what the environment gives every load balancer.
 *
 * @param vpcId              the VPC
 * @param vpcCidr            the VPC's CIDR block; internal load balancers admit only it
 * @param publicSubnetIds    where internet-facing load balancers live
 * @param taskSubnetIds      where internal load balancers live (with the tasks)
 * @param internetReady      what must exist before an internet-facing load balancer (the internet gateway of a
 *                           network created with the stack); empty for an adopted network
 * @param deletionProtection deletion protection on load balancers
 * @param accessLogsBucket   where load balancers write access logs (each under its service's prefix); empty when
 *                           the environment keeps none
 * @param accessLogsReady    what must exist before a load balancer writes there (the bucket's policy)
 * @param shared             the environment's shared load balancers; empty where each web service has its own
 */
public record LoadBalancerPlatform(String vpcId, String vpcCidr, List<String> publicSubnetIds,
                                   List<String> taskSubnetIds, List<Block> internetReady, Condition deletionProtection,
                                   Optional<String> accessLogsBucket, List<Block> accessLogsReady,
                                   Optional<SharedLoadBalancers> shared) {
    public LoadBalancerPlatform {
        internetReady = List.copyOf(internetReady);
        accessLogsReady = List.copyOf(accessLogsReady);
    }
}
