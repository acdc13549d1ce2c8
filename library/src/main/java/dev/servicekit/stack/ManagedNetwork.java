package dev.servicekit.stack;

import com.hashicorp.cdktf.Postcondition;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLogConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.assembly.PolicyDocument;
import dev.servicekit.assembly.Roles;
import dev.servicekit.assembly.Trust;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.TerraformDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An environment's own VPC across its availability zones: a public and a private /24 subnet in each, an
 * internet gateway, and NAT gateways (none, one shared, or one per zone) for the private subnets; flow logs of
 * every connection, and a default security group that admits nothing.
 * Addresses start with {@code network_}; no service part is named like these.
 */
final class ManagedNetwork {
    private static final String ANYWHERE = "0.0.0.0/0";
    static final Stateful FLOW_LOG_HISTORY = new Stateful("its flow logs would be lost", List.of("name"), true);

    private final TerraformDocument document;
    private final Map<String, String> tags;
    private final Block vpc;
    private final Block internetGateway;
    private final List<String> publicSubnetIds = new ArrayList<>();
    private final List<String> privateSubnetIds = new ArrayList<>();
    private final List<Block> routing = new ArrayList<>();

    /**
     * @param accountId the account's ID and {@code partition} the partition, as references: the flow logs'
     *                  role is trusted by VPC Flow Logs for this account's flow logs only
     */
    ManagedNetwork(TerraformDocument document, Environment env, NetworkConfig.Managed config, Map<String, String> tags,
                   String accountId, String partition) {
        this.document = document;
        this.tags = tags;
        vpc = add("vpc", "vpc", VpcConfig.builder()
                .cidrBlock(config.cidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(named(env.awsName()))
                .build());
        // The default security group of the VPC admits nothing: with no rules here Terraform removes AWS's
        // (all traffic within the group, all egress), so nothing that lands in it by default can talk.
        add("default-security-group", "default_security_group", DefaultSecurityGroupConfig.builder()
                .vpcId(vpc.ref("id")).tags(named(env.awsName() + "-default-no-rules")).build());
        flowLogs(env, accountId, partition);

        // Zones the account must opt in to (Local and Wavelength Zones) sort first and lack Fargate; some
        // zones of a region lack it too, and an environment can exclude them by ID.
        DataAwsAvailabilityZonesConfig.Builder available = DataAwsAvailabilityZonesConfig.builder()
                .state("available")
                .filter(List.of(DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status").values(List.of("opt-in-not-required")).build()));
        if (!config.excludedZoneIds().isEmpty()) {
            available.excludeZoneIds(config.excludedZoneIds());
        }
        // Fewer zones than asked for would otherwise fail later with an index error, or wrap around and put
        // two subnets in one zone; the plan stops here instead, saying what to change.
        available.lifecycle(TerraformResourceLifecycle.builder().postcondition(List.of(Postcondition.builder()
                .condition("${length(self.names) >= " + config.zones() + "}")
                .errorMessage(Rules.tooFewZones(env.name(), config.zones()))
                .build())).build());
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

    /**
     * Every connection the VPC accepts or rejects, recorded in a log group with the environment's retention,
     * written by VPC Flow Logs through a role only this account's flow logs may assume.
     */
    private void flowLogs(Environment env, String accountId, String partition) {
        EnvironmentNames names = EnvironmentNames.of(env);
        Block logs = add("flow-logs", "flow_logs", CloudwatchLogGroupConfig.builder()
                .name(names.flowLogGroup())
                .retentionInDays(env.logRetentionDays())
                .tags(named(names.flowLogGroup()))
                .build());
        logs.stateful(FLOW_LOG_HISTORY);
        logs.addOverride("lifecycle.prevent_destroy", env.protectStatefulResources());
        // Any flow log of this account: naming this one would make the role and the flow log refer to each other.
        Block role = Roles.role((id, config) -> add("flow-logs-role", id, config), "flow_logs_role", names.flowLogRole(),
                "VPC Flow Logs of " + env.awsName() + ": writes to " + names.flowLogGroup(),
                Trust.fromAccountAndSource("vpc-flow-logs.amazonaws.com", accountId, "arn:" + partition + ":ec2:"
                        + env.region() + ":" + accountId + ":vpc-flow-log/*"), named(names.flowLogRole()));
        Block policy = add("flow-logs-policy", "flow_logs_policy", IamRolePolicyConfig.builder()
                .name(names.flowLogRole())
                .role(role.ref("id"))
                .policy(PolicyDocument.jsonencode(List.of(
                        PolicyDocument.allow("WriteFlowLogs", List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
                                "logs:PutLogEvents"), logs.ref("arn") + ":*"),
                        PolicyDocument.allow("FindTheLogGroup", List.of("logs:DescribeLogGroups"), "arn:" + partition
                                + ":logs:" + env.region() + ":" + accountId + ":log-group:*"))))
                .build());
        document.add(Block.resource("network_flow_log", FlowLogConfig.builder()
                .vpcId(vpc.ref("id"))
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logs.ref("arn"))
                .iamRoleArn(role.ref("arn"))
                .maxAggregationInterval(600)
                .tags(named(env.awsName()))
                .dependsOn(List.of(policy))
                .build()).path("network/flow-log"));
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
        return "${" + zones.expression("names").hcl() + "[" + index + "]}";
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
