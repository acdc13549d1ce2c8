package dev.servicekit.stack;

import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.TerraformDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An environment's own VPC across its availability zones: a public and a private /24 subnet in each, an
 * internet gateway, and NAT gateways (none, one shared, or one per zone) for the private subnets.
 * Addresses start with {@code network_}; no service part is named like these.
 */
final class ManagedNetwork {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final TerraformDocument document;
    private final Map<String, String> tags;
    private final Block vpc;
    private final Block internetGateway;
    private final List<String> publicSubnetIds = new ArrayList<>();
    private final List<String> privateSubnetIds = new ArrayList<>();
    private final List<Block> routing = new ArrayList<>();

    ManagedNetwork(TerraformDocument document, Environment env, NetworkConfig.Managed config, Map<String, String> tags) {
        this.document = document;
        this.tags = tags;
        vpc = add("vpc", "vpc", VpcConfig.builder()
                .cidrBlock(config.cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(named(env.awsName()))
                .build());
        // Zones the account must opt in to (Local and Wavelength Zones) sort first and lack Fargate; some
        // zones of a region lack it too, and an environment can exclude them by ID.
        DataAwsAvailabilityZonesConfig.Builder available = DataAwsAvailabilityZonesConfig.builder()
                .state("available")
                .filter(List.of(DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status").values(List.of("opt-in-not-required")).build()));
        if (!config.excludedZoneIds().isEmpty()) {
            available.excludeZoneIds(config.excludedZoneIds());
        }
        Block zones = document.add(Block.data("available", available.build()).path("network/zones"));

        internetGateway = add("igw", "internet_gateway", InternetGatewayConfig.builder()
                .vpcId(vpc.ref("id")).tags(named(env.awsName())).build());
        Block publicRoutes = add("public-routes", "public_routes", RouteTableConfig.builder()
                .vpcId(vpc.ref("id")).tags(named(env.awsName() + "-public")).build());
        routing.add(add("public-default", "public_default_route", RouteConfig.builder()
                .routeTableId(publicRoutes.ref("id"))
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(internetGateway.ref("id"))
                .build()));

        String base = config.cidr().substring(0, config.cidr().indexOf('.', config.cidr().indexOf('.') + 1));
        List<Block> nats = new ArrayList<>();
        for (int zone = 0; zone < config.zones(); zone++) {
            String letter = String.valueOf((char) ('a' + zone));
            Block publicSubnet = add("public-" + letter, "public_subnet_" + letter, SubnetConfig.builder()
                    .vpcId(vpc.ref("id"))
                    .availabilityZone(zoneName(zones, zone))
                    .cidrBlock(base + "." + zone + ".0/24")
                    .mapPublicIpOnLaunch(false)
                    .tags(named(env.awsName() + "-public-" + letter))
                    .build());
            publicSubnetIds.add(publicSubnet.ref("id"));
            routing.add(add("public-" + letter + "-routes", "public_subnet_" + letter + "_routes",
                    RouteTableAssociationConfig.builder()
                            .subnetId(publicSubnet.ref("id")).routeTableId(publicRoutes.ref("id")).build()));
            if (zone < config.natGateways()) {
                // A NAT gateway needs the internet gateway attached first (AWS's Gateway.NotAttached).
                Block address = add("nat-" + letter + "-ip", "nat_" + letter + "_ip", EipConfig.builder()
                        .domain("vpc").tags(named(env.awsName() + "-nat-" + letter))
                        .dependsOn(List.of(internetGateway)).build());
                nats.add(add("nat-" + letter, "nat_" + letter, NatGatewayConfig.builder()
                        .allocationId(address.ref("id"))
                        .subnetId(publicSubnet.ref("id"))
                        .tags(named(env.awsName() + "-nat-" + letter))
                        .dependsOn(List.of(internetGateway))
                        .build()));
            }
        }
        for (int zone = 0; zone < config.zones(); zone++) {
            String letter = String.valueOf((char) ('a' + zone));
            Block privateSubnet = add("private-" + letter, "private_subnet_" + letter, SubnetConfig.builder()
                    .vpcId(vpc.ref("id"))
                    .availabilityZone(zoneName(zones, zone))
                    .cidrBlock(base + "." + (10 + zone) + ".0/24")
                    .tags(named(env.awsName() + "-private-" + letter))
                    .build());
            privateSubnetIds.add(privateSubnet.ref("id"));
            Block routes = add("private-" + letter + "-routes", "private_" + letter + "_routes", RouteTableConfig.builder()
                    .vpcId(vpc.ref("id")).tags(named(env.awsName() + "-private-" + letter)).build());
            routing.add(add("private-" + letter + "-association", "private_subnet_" + letter + "_routes",
                    RouteTableAssociationConfig.builder()
                            .subnetId(privateSubnet.ref("id")).routeTableId(routes.ref("id")).build()));
            if (!nats.isEmpty()) {
                routing.add(add("private-" + letter + "-default", "private_" + letter + "_default_route",
                        RouteConfig.builder()
                                .routeTableId(routes.ref("id"))
                                .destinationCidrBlock(ANYWHERE)
                                .natGatewayId(nats.get(Math.min(zone, nats.size() - 1)).ref("id"))
                                .build()));
            }
        }
    }

    Block vpc() {
        return vpc;
    }

    Block internetGateway() {
        return internetGateway;
    }

    List<String> publicSubnetIds() {
        return List.copyOf(publicSubnetIds);
    }

    List<String> privateSubnetIds() {
        return List.copyOf(privateSubnetIds);
    }

    /** The routes and route table associations: tasks can reach the internet once these exist. */
    List<Block> routing() {
        return List.copyOf(routing);
    }

    private static String zoneName(Block zones, int index) {
        return Hcl.call("element", zones.ref("names"), index);
    }

    private Block add(String id, String part, Object config) {
        return document.add(Block.resource("network_" + part, config).path("network/" + id));
    }

    private Map<String, String> named(String name) {
        Map<String, String> withName = new TreeMap<>(tags);
        withName.put("Name", name);
        return withName;
    }
}
