package dev.servicekit.environment;

import java.util.List;

/** Where an environment's tasks and load balancers run: a VPC of its own, or one that exists. */
public sealed interface NetworkConfig {

    /** True when tasks run in public subnets with public IPs (no NAT to reach the internet otherwise). */
    boolean tasksInPublicSubnets();

    /**
     * A VPC created for the environment across two availability zones, with a public and a private
     * subnet in each, and an ECS cluster with Container Insights.
     *
     * @param cidr        the VPC's /16
     * @param natGateways 0 (tasks in public subnets with public IPs, the cheap stage setting), 1, or 2
     *                    (one per zone, the resilient prod setting)
     */
    record Managed(String cidr, int natGateways) implements NetworkConfig {
        @Override
        public boolean tasksInPublicSubnets() {
            return natGateways == 0;
        }
    }

    /**
     * An existing VPC, its subnets and ECS cluster, adopted by ID.
     *
     * @param privateSubnetIds where tasks run; when empty they run in the public subnets with public IPs
     */
    record Existing(String vpcId, List<String> publicSubnetIds, List<String> privateSubnetIds, String clusterName)
            implements NetworkConfig {
        public Existing {
            publicSubnetIds = List.copyOf(publicSubnetIds);
            privateSubnetIds = List.copyOf(privateSubnetIds);
        }

        @Override
        public boolean tasksInPublicSubnets() {
            return privateSubnetIds.isEmpty();
        }
    }
}
