package dev.servicekit.service;

import com.hashicorp.cdktf.ITerraformDependable;
import dev.servicekit.monitoring.Alerting;

import java.util.List;

/**
 * What a service uses of its environment: network, cluster and account. Values may be Terraform
 * references (a managed VPC's subnets) or literals (an adopted VPC's IDs).
 *
 * @param environment             the environment's name
 * @param region                  the AWS region
 * @param accountId               the AWS account ID (a data-source reference)
 * @param partition               the AWS partition, e.g. {@code aws}
 * @param vpcId                   the VPC
 * @param vpcCidr                 the VPC's CIDR block; internal load balancers admit only it
 * @param publicSubnetIds         where internet-facing load balancers live
 * @param taskSubnetIds           where tasks and internal load balancers live
 * @param assignPublicIp          true when tasks run in public subnets (no NAT)
 * @param clusterName             the ECS cluster's name
 * @param clusterArn              the ECS cluster's ARN
 * @param protectStatefulResources prevent_destroy on queues and log groups, deletion protection on load balancers
 * @param alerting                where and how urgently the service's monitors notify
 * @param networkReady            what must exist before tasks start (routes of a network created with
 *                                the stack); empty for an adopted network
 * @param internetReady           what must exist before an internet-facing load balancer (the internet
 *                                gateway of a network created with the stack); empty for an adopted network
 */
public record Platform(String environment, String region, String accountId, String partition, String vpcId,
                       String vpcCidr, List<String> publicSubnetIds, List<String> taskSubnetIds,
                       boolean assignPublicIp, String clusterName, String clusterArn,
                       boolean protectStatefulResources, Alerting alerting,
                       List<ITerraformDependable> networkReady, List<ITerraformDependable> internetReady) {
    public Platform {
        publicSubnetIds = List.copyOf(publicSubnetIds);
        taskSubnetIds = List.copyOf(taskSubnetIds);
        networkReady = List.copyOf(networkReady);
        internetReady = List.copyOf(internetReady);
    }
}
