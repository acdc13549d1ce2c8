package dev.servicekit.stack;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartitionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_subnets.DataAwsSubnetsConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_subnets.DataAwsSubnetsFilter;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancerLogs;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.monitoring.OverviewDashboard;
import dev.servicekit.monitoring.ServiceDashboards;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.parts.Platform;
import dev.servicekit.parts.ServiceParts;
import dev.servicekit.parts.SharedLoadBalancerResources;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.TerraformDocument;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * servicekit's part of one stack, in pure Java. A stack that holds the environment's platform creates it: the
 * network and ECS cluster (created or adopted), the load balancers' log bucket, the shared load balancers and
 * the overview dashboard. A stack of services ({@link StackPlan.Role#SERVICES}) finds that platform by the
 * names and tags it was created with (data sources), never by reading the platform's state, and holds its
 * lines, each assembled from its parts. It needs cdktf only where a line's customizer asks for a cdktf scope,
 * so stacks without customizers are assembled side by side, while cdktf's runtime starts.
 */
public final class StackDocument {
    private final Environment environment;
    private final StackPlan.Unit unit;
    private final Platform platform;
    private final TerraformDocument document = new TerraformDocument();
    private final List<ServiceParts.Assembled> services = new ArrayList<>();
    private boolean assembled;

    /** The stack of {@code unit}: the platform created or found. */
    public StackDocument(Environment environment, StackPlan.Unit unit) {
        this.environment = environment;
        this.unit = unit;
        Block account = document.add(Block.data("current", DataAwsCallerIdentityConfig.builder().build()).path("account"));
        Block partition = document.add(Block.data("current", DataAwsPartitionConfig.builder().build()).path("partition"));
        String accountId = account.ref("account_id");
        String partitionName = partition.ref("partition");
        platform = unit.holdsPlatform() ? platform(tags(environment), accountId, partitionName)
                : lookup(accountId, partitionName);
    }

    /** The tags of the environment's own resources, and the AWS provider's default tags. */
    static Map<String, String> tags(Environment environment) {
        return new TreeMap<>(Map.of("environment", environment.name(), "managed-by", Catalog.MANAGED_BY));
    }

    /**
     * Assembles the stack's lines and, in a stack holding the platform, the overview dashboard.
     *
     * @param scopes a cdktf scope for a service's customizers, by service name; asked for only by a customizer
     *               that wants one
     */
    public void assemble(Function<String, Construct> scopes) {
        List<ServiceSpec> lines = unit.lines();
        if (assembled) {
            throw new IllegalStateException(unit.name() + " is assembled already");
        }
        assembled = true;
        for (ServiceSpec spec : lines) {
            ServiceSettings settings = ServiceSettings.resolve(spec, environment);
            if (spec.retired()) {
                ServiceParts.retire(settings, platform, document);
            } else {
                services.add(ServiceParts.assemble(settings, platform, document, () -> scopes.apply(spec.name()), false));
            }
        }
        String appUrl = Alerting.appUrlOf(environment.monitoring().datadogApiUrl());
        if (unit.role() == StackPlan.Role.WHOLE) {
            OverviewDashboard.declare(document, environment.name(), appUrl, services.stream()
                    .map(s -> new ServiceDashboards.Entry(s.name(), s.signals(), s.dashboardLink())).toList());
        } else if (unit.role() == StackPlan.Role.PLATFORM) {
            OverviewDashboard.declareByName(document, environment.name(), environment.awsName(), appUrl);
        }
        document.render();
    }

    public Environment environment() {
        return environment;
    }

    /** The stack this document is the servicekit part of. */
    public StackPlan.Unit unit() {
        return unit;
    }

    public Platform platform() {
        return platform;
    }

    public TerraformDocument document() {
        return document;
    }

    private Platform platform(Map<String, String> tags, String accountId, String partition) {
        Platform.Builder platform = network(tags, accountId, partition).toBuilder();
        if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Managed) {
            LoadBalancerLogsBucket logs = new LoadBalancerLogsBucket(document, environment, tags, accountId, partition);
            platform.accessLogs(logs.name(), List.of(logs.policy()));
        } else if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Existing existing) {
            platform.accessLogs(existing.bucket(), List.of());
        }
        Platform built = platform.build();
        if (environment.loadBalancing() instanceof LoadBalancing.Shared shared) {
            return built.toBuilder().sharedLoadBalancers(SharedLoadBalancerResources.declare(document, built, shared,
                    EnvironmentNames.of(environment), tags, environment.certificateArn())).build();
        }
        return built;
    }

    private Platform network(Map<String, String> tags, String accountId, String partition) {
        boolean protect = environment.protectStatefulResources();
        if (environment.network() instanceof NetworkConfig.Existing existing) {
            return adopted(existing, accountId, partition).build();
        }
        NetworkConfig.Managed managed = (NetworkConfig.Managed) environment.network();
        ManagedNetwork network = new ManagedNetwork(document, environment, managed, tags, accountId, partition);
        Block cluster = document.add(Block.resource("cluster", EcsClusterConfig.builder()
                .name(EnvironmentNames.of(environment).cluster())
                .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
                .tags(tags)
                .build()).path("cluster"));
        List<String> taskSubnets = managed.tasksInPublicSubnets()
                ? network.publicSubnetIds() : network.privateSubnetIds();
        return Platform.builder().environment(environment.name()).region(environment.region())
                .accountId(accountId).partition(partition).vpc(network.vpc().ref("id"), managed.cidr())
                .publicSubnetIds(network.publicSubnetIds()).taskSubnetIds(taskSubnets)
                .assignPublicIp(Condition.of(managed.tasksInPublicSubnets()))
                .cluster(EnvironmentNames.of(environment).cluster(), cluster.ref("arn")).protection(protect, Condition.of(protect))
                .networkReady(network.routing()).internetReady(List.of(network.internetGateway()))
                .build();
    }

    /** An adopted VPC, subnets and cluster: the same in a platform stack and in a stack of services. */
    private Platform.Builder adopted(NetworkConfig.Existing existing, String accountId, String partition) {
        boolean protect = environment.protectStatefulResources();
        Block vpc = document.add(Block.data("existing", DataAwsVpcConfig.builder().id(existing.vpcId()).build())
                .path("vpc"));
        Block cluster = document.add(Block.data("existing", DataAwsEcsClusterConfig.builder()
                .clusterName(existing.clusterName()).build()).path("cluster"));
        List<String> taskSubnets = existing.tasksInPublicSubnets()
                ? existing.publicSubnetIds() : existing.privateSubnetIds();
        return Platform.builder().environment(environment.name()).region(environment.region())
                .accountId(accountId).partition(partition).vpc(existing.vpcId(), vpc.ref("cidr_block"))
                .publicSubnetIds(existing.publicSubnetIds()).taskSubnetIds(taskSubnets)
                .assignPublicIp(Condition.of(existing.tasksInPublicSubnets()))
                .cluster(existing.clusterName(), cluster.ref("arn")).protection(protect, Condition.of(protect));
    }

    /**
     * The platform as a stack of services finds it, by what the platform stack created: its VPC by its
     * {@code Name} and {@code managed-by} tags, its subnets by their {@code Name} tags, its cluster, shared load
     * balancers and log bucket by name. The platform deploys first (the stack depends on it), so a plan of this
     * stack reads them as they are; nothing here needs the platform's state.
     */
    private Platform lookup(String accountId, String partition) {
        EnvironmentNames names = EnvironmentNames.of(environment);
        Platform.Builder platform;
        if (environment.network() instanceof NetworkConfig.Existing existing) {
            platform = adopted(existing, accountId, partition);
        } else {
            NetworkConfig.Managed managed = (NetworkConfig.Managed) environment.network();
            Block vpc = document.add(Block.data("platform_vpc", DataAwsVpcConfig.builder()
                    .tags(Map.of("Name", environment.awsName(), "managed-by", Catalog.MANAGED_BY)).build())
                    .path("platform/vpc"));
            List<String> publicSubnets = subnets("platform_public_subnets", vpc, managed, "public");
            List<String> taskSubnets = managed.tasksInPublicSubnets() ? publicSubnets
                    : subnets("platform_private_subnets", vpc, managed, "private");
            Block cluster = document.add(Block.data("platform_cluster", DataAwsEcsClusterConfig.builder()
                    .clusterName(names.cluster()).build()).path("platform/cluster"));
            boolean protect = environment.protectStatefulResources();
            platform = Platform.builder().environment(environment.name()).region(environment.region())
                    .accountId(accountId).partition(partition).vpc(vpc.ref("id"), managed.cidr())
                    .publicSubnetIds(publicSubnets).taskSubnetIds(taskSubnets)
                    .assignPublicIp(Condition.of(managed.tasksInPublicSubnets()))
                    .cluster(names.cluster(), cluster.ref("arn")).protection(protect, Condition.of(protect));
        }
        if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Managed) {
            platform.accessLogs(names.loadBalancerLogsBucket(accountId), List.of());
        } else if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Existing existing) {
            platform.accessLogs(existing.bucket(), List.of());
        }
        if (environment.loadBalancing() instanceof LoadBalancing.Shared shared) {
            platform.sharedLoadBalancers(SharedLoadBalancerResources.lookup(document, shared, names,
                    environment.certificateArn()));
        }
        return platform.build();
    }

    /** The managed network's subnets of a kind, by their Name tags ({@code <env>-public-a}, ...): a list expression. */
    private List<String> subnets(String id, Block vpc, NetworkConfig.Managed managed, String kind) {
        List<String> names = new ArrayList<>();
        for (int zone = 0; zone < managed.zones(); zone++) {
            names.add(environment.awsName() + "-" + kind + "-" + (char) ('a' + zone));
        }
        Block subnets = document.add(Block.data(id, DataAwsSubnetsConfig.builder().filter(List.of(
                DataAwsSubnetsFilter.builder().name("vpc-id").values(List.of(vpc.ref("id"))).build(),
                DataAwsSubnetsFilter.builder().name("tag:Name").values(names).build())).build())
                .path("platform/" + kind + "-subnets"));
        return subnets.expression("ids").list();
    }
}
