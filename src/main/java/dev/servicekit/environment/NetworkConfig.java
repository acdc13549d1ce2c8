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
     * @param excludedZoneIds availability zone IDs (e.g. {@code use1-az3}) the subnets must avoid, such as
     *                    the zones of a region that offer no Fargate; default none
     */
    record Managed(String cidr, int natGateways, List<String> excludedZoneIds) implements NetworkConfig {
        public Managed {
            excludedZoneIds = List.copyOf(excludedZoneIds);
        }

        public Managed(String cidr, int natGateways) {
            this(cidr, natGateways, List.of());
        }

        public Managed withExcludedZoneIds(List<String> zoneIds) {
            return new Managed(cidr, natGateways, zoneIds);
        }

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
