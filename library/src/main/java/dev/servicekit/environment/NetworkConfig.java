package dev.servicekit.environment;

import dev.servicekit.rules.Values;

import java.util.List;

/** Where an environment's tasks and load balancers run: a VPC of its own, or one that exists. */
public sealed interface NetworkConfig {

    /** True when tasks run in public subnets with public IPs (no NAT to reach the internet otherwise). */
    boolean tasksInPublicSubnets();

    /**
     * A VPC created for the environment, with a public and a private subnet in each of its zones, and an
     * ECS cluster with Container Insights.
     *
     * @param cidr        the VPC's /16, {@code 10.x.0.0/16}
     * @param zones       availability zones, {@value #MIN_ZONES} to {@value #MAX_ZONES}; default {@value #DEFAULT_ZONES}
     * @param natGateways 0 (tasks in public subnets with public IPs, the cheap stage setting), 1 (shared), or
     *                    up to one per zone (the resilient prod setting)
     * @param excludedZoneIds availability zone IDs (e.g. {@code use1-az3}) the subnets must avoid, such as
     *                    the zones of a region that offer no Fargate; default none
     */
    record Managed(String cidr, int zones, int natGateways, List<String> excludedZoneIds) implements NetworkConfig {
        public static final int MIN_ZONES = 2;
        public static final int MAX_ZONES = 6;
        public static final int DEFAULT_ZONES = 2;

        public Managed {
            excludedZoneIds = Values.list(excludedZoneIds);
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
            publicSubnetIds = Values.list(publicSubnetIds);
            privateSubnetIds = Values.list(privateSubnetIds);
        }

        @Override
        public boolean tasksInPublicSubnets() {
            return privateSubnetIds.isEmpty();
        }
    }
}
