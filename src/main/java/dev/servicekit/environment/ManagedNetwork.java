package dev.servicekit.environment;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An environment's own VPC across its availability zones: a public and a private /24 subnet in each, an
 * internet gateway, and NAT gateways (none, one shared, or one per zone) for the private subnets.
 */
public final class ManagedNetwork extends Construct {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final Vpc vpc;
    private final InternetGateway internetGateway;
    private final List<String> publicSubnetIds = new ArrayList<>();
    private final List<String> privateSubnetIds = new ArrayList<>();
    private final List<ITerraformDependable> routing = new ArrayList<>();
    private final Map<String, String> tags;

    public ManagedNetwork(Construct scope, Environment env, NetworkConfig.Managed config, Map<String, String> tags) {
        super(scope, "network");
        this.tags = tags;
        vpc = pin(new Vpc(this, "vpc", VpcConfig.builder()
                .cidrBlock(config.cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(named(env.awsName()))
                .build()), "vpc");
        // Zones the account must opt in to (Local and Wavelength Zones) sort first and lack Fargate; some
        // zones of a region lack it too, and an environment can exclude them by ID.
        DataAwsAvailabilityZonesConfig.Builder available = DataAwsAvailabilityZonesConfig.builder()
                .state("available")
                .filter(List.of(DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status").values(List.of("opt-in-not-required")).build()));
        if (!config.excludedZoneIds().isEmpty()) {
            available.excludeZoneIds(config.excludedZoneIds());
        }
        DataAwsAvailabilityZones zones = new DataAwsAvailabilityZones(this, "zones", available.build());
        zones.overrideLogicalId("available");

        internetGateway = pin(new InternetGateway(this, "igw", InternetGatewayConfig.builder()
                .vpcId(vpc.getId()).tags(named(env.awsName())).build()), "internet_gateway");
        RouteTable publicRoutes = pin(new RouteTable(this, "public-routes", RouteTableConfig.builder()
                .vpcId(vpc.getId()).tags(named(env.awsName() + "-public")).build()), "public_routes");
        routing.add(pin(new Route(this, "public-default", RouteConfig.builder()
                .routeTableId(publicRoutes.getId())
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(internetGateway.getId())
                .build()), "public_default_route"));

        String base = config.cidr().substring(0, config.cidr().indexOf('.', config.cidr().indexOf('.') + 1));
        List<NatGateway> nats = new ArrayList<>();
        for (int zone = 0; zone < config.zones(); zone++) {
            String letter = String.valueOf((char) ('a' + zone));
            String zoneName = Token.asString(Fn.element(zones.getNames(), zone));
            Subnet publicSubnet = pin(new Subnet(this, "public-" + letter, SubnetConfig.builder()
                    .vpcId(vpc.getId())
                    .availabilityZone(zoneName)
                    .cidrBlock(base + "." + zone + ".0/24")
                    .mapPublicIpOnLaunch(false)
                    .tags(named(env.awsName() + "-public-" + letter))
                    .build()), "public_subnet_" + letter);
            publicSubnetIds.add(publicSubnet.getId());
            routing.add(pin(new RouteTableAssociation(this, "public-" + letter + "-routes",
                    RouteTableAssociationConfig.builder()
                            .subnetId(publicSubnet.getId()).routeTableId(publicRoutes.getId()).build()),
                    "public_subnet_" + letter + "_routes"));
            if (zone < config.natGateways()) {
                // A NAT gateway needs the internet gateway attached first (AWS's Gateway.NotAttached).
                Eip address = pin(new Eip(this, "nat-" + letter + "-ip", EipConfig.builder()
                        .domain("vpc").tags(named(env.awsName() + "-nat-" + letter))
                        .dependsOn(List.of(internetGateway)).build()), "nat_" + letter + "_ip");
                nats.add(pin(new NatGateway(this, "nat-" + letter, NatGatewayConfig.builder()
                        .allocationId(address.getId())
                        .subnetId(publicSubnet.getId())
                        .tags(named(env.awsName() + "-nat-" + letter))
                        .dependsOn(List.of(internetGateway))
                        .build()), "nat_" + letter));
            }
        }
        for (int zone = 0; zone < config.zones(); zone++) {
            String letter = String.valueOf((char) ('a' + zone));
            Subnet privateSubnet = pin(new Subnet(this, "private-" + letter, SubnetConfig.builder()
                    .vpcId(vpc.getId())
                    .availabilityZone(Token.asString(Fn.element(zones.getNames(), zone)))
                    .cidrBlock(base + "." + (10 + zone) + ".0/24")
                    .tags(named(env.awsName() + "-private-" + letter))
                    .build()), "private_subnet_" + letter);
            privateSubnetIds.add(privateSubnet.getId());
            RouteTable routes = pin(new RouteTable(this, "private-" + letter + "-routes", RouteTableConfig.builder()
                    .vpcId(vpc.getId()).tags(named(env.awsName() + "-private-" + letter)).build()),
                    "private_" + letter + "_routes");
            routing.add(pin(new RouteTableAssociation(this, "private-" + letter + "-association",
                    RouteTableAssociationConfig.builder()
                            .subnetId(privateSubnet.getId()).routeTableId(routes.getId()).build()),
                    "private_subnet_" + letter + "_routes"));
            if (!nats.isEmpty()) {
                routing.add(pin(new Route(this, "private-" + letter + "-default", RouteConfig.builder()
                        .routeTableId(routes.getId())
                        .destinationCidrBlock(ANYWHERE)
                        .natGatewayId(nats.get(Math.min(zone, nats.size() - 1)).getId())
                        .build()), "private_" + letter + "_default_route"));
            }
        }
    }

    public Vpc vpc() {
        return vpc;
    }

    public InternetGateway internetGateway() {
        return internetGateway;
    }

    public List<String> publicSubnetIds() {
        return List.copyOf(publicSubnetIds);
    }

    public List<String> privateSubnetIds() {
        return List.copyOf(privateSubnetIds);
    }

    /** The routes and route table associations: tasks can reach the internet once these exist. */
    public List<ITerraformDependable> routing() {
        return List.copyOf(routing);
    }

    private Map<String, String> named(String name) {
        Map<String, String> withName = new java.util.TreeMap<>(tags);
        withName.put("Name", name);
        return withName;
    }

    /** Environment-level addresses start with {@code network_}; no service part is named like these. */
    private static <T extends TerraformElement> T pin(T element, String part) {
        element.overrideLogicalId("network_" + part);
        return element;
    }
}
