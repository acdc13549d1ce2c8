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
import dev.servicekit.loadbalancer.SharedLoadBalancers;
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
import java.util.Optional;
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
        Found found = environment.network() instanceof NetworkConfig.Existing existing ? adopted(existing)
                : created(tags, accountId, partition);
        Optional<String> logsBucket = Optional.empty();
        List<Block> logsReady = List.of();
        if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Managed) {
            LoadBalancerLogsBucket logs = new LoadBalancerLogsBucket(document, environment, tags, accountId, partition);
            logsBucket = Optional.of(logs.name());
            logsReady = List.of(logs.policy());
        } else if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Existing existing) {
            logsBucket = Optional.of(existing.bucket());
        }
        Platform built = platform(accountId, partition, found, logsBucket, logsReady, Optional.empty());
        if (environment.loadBalancing() instanceof LoadBalancing.Shared shared) {
            // The shared load balancers are declared on the platform they serve: its network, logs and protection.
            return built.withSharedLoadBalancers(SharedLoadBalancerResources.declare(document, built, shared,
                    EnvironmentNames.of(environment), tags, environment.certificateArn()));
        }
        return built;
    }

    /** The environment's platform of {@code found}, protected as the environment says. */
    private Platform platform(String accountId, String partition, Found found, Optional<String> logsBucket,
                              List<Block> logsReady, Optional<SharedLoadBalancers> shared) {
        boolean protect = environment.protectStatefulResources();
        return new Platform(environment.name(), new Platform.Account(accountId, environment.region(), partition),
                found.network(), found.cluster(), protect,
                new Platform.LoadBalancers(Condition.of(protect), logsBucket, logsReady, shared));
    }

    /** The network and cluster of a platform, created or found. */
    private record Found(Platform.Network network, Platform.Cluster cluster) {
    }

    private Found created(Map<String, String> tags, String accountId, String partition) {
        NetworkConfig.Managed managed = (NetworkConfig.Managed) environment.network();
        ManagedNetwork network = new ManagedNetwork(document, environment, managed, tags, accountId, partition);
        Block cluster = document.add(Block.resource("cluster", EcsClusterConfig.builder()
                .name(EnvironmentNames.of(environment).cluster())
                .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
                .tags(tags)
                .build()).path("cluster"));
        List<String> taskSubnets = managed.tasksInPublicSubnets()
                ? network.publicSubnetIds() : network.privateSubnetIds();
        return new Found(new Platform.Network(network.vpc().ref("id"), managed.cidr(), network.publicSubnetIds(),
                taskSubnets, Condition.of(managed.tasksInPublicSubnets()), network.routing(),
                List.of(network.internetGateway())),
                new Platform.Cluster(EnvironmentNames.of(environment).cluster(), cluster.ref("arn")));
    }

    /** An adopted VPC, subnets and cluster: the same in a platform stack and in a stack of services. */
    private Found adopted(NetworkConfig.Existing existing) {
        Block vpc = document.add(Block.data("existing", DataAwsVpcConfig.builder().id(existing.vpcId()).build())
                .path("vpc"));
        Block cluster = document.add(Block.data("existing", DataAwsEcsClusterConfig.builder()
                .clusterName(existing.clusterName()).build()).path("cluster"));
        List<String> taskSubnets = existing.tasksInPublicSubnets()
                ? existing.publicSubnetIds() : existing.privateSubnetIds();
        return new Found(new Platform.Network(existing.vpcId(), vpc.ref("cidr_block"), existing.publicSubnetIds(),
                taskSubnets, Condition.of(existing.tasksInPublicSubnets()), List.of(), List.of()),
                new Platform.Cluster(existing.clusterName(), cluster.ref("arn")));
    }

    /**
     * The platform as a stack of services finds it, by what the platform stack created: its VPC by its
     * {@code Name} and {@code managed-by} tags, its subnets by their {@code Name} tags, its cluster, shared load
     * balancers and log bucket by name. The platform deploys first (the stack depends on it), so a plan of this
     * stack reads them as they are; nothing here needs the platform's state.
     */
    private Platform lookup(String accountId, String partition) {
        EnvironmentNames names = EnvironmentNames.of(environment);
        Found found;
        if (environment.network() instanceof NetworkConfig.Existing existing) {
            found = adopted(existing);
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
            found = new Found(new Platform.Network(vpc.ref("id"), managed.cidr(), publicSubnets, taskSubnets,
                    Condition.of(managed.tasksInPublicSubnets()), List.of(), List.of()),
                    new Platform.Cluster(names.cluster(), cluster.ref("arn")));
        }
        Optional<String> logsBucket = Optional.empty();
        if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Managed) {
            logsBucket = Optional.of(names.loadBalancerLogsBucket(accountId));
        } else if (environment.loadBalancerLogs() instanceof LoadBalancerLogs.Existing existing) {
            logsBucket = Optional.of(existing.bucket());
        }
        Optional<SharedLoadBalancers> shared = environment.loadBalancing() instanceof LoadBalancing.Shared s
                ? Optional.of(SharedLoadBalancerResources.lookup(document, s, names, environment.certificateArn()))
                : Optional.empty();
        return platform(accountId, partition, found, logsBucket, List.of(), shared);
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
