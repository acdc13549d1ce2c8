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
 */
public record Platform(String environment, String region, String accountId, String partition, String vpcId,
                       String vpcCidr, List<String> publicSubnetIds, List<String> taskSubnetIds,
                       Condition assignPublicIp, String clusterName, String clusterArn,
                       boolean protectStatefulResources, Condition deletionProtection,
                       List<Block> networkReady, List<Block> internetReady) {
    public Platform {
        networkReady = List.copyOf(networkReady);
        internetReady = List.copyOf(internetReady);
    }

    /** The same platform with load balancers that Terraform may delete (a retired service's). */
    public Platform withoutDeletionProtection() {
        return new Platform(environment, region, accountId, partition, vpcId, vpcCidr, publicSubnetIds, taskSubnetIds,
                assignPublicIp, clusterName, clusterArn, protectStatefulResources, Condition.NEVER, networkReady,
                internetReady);
    }
}
