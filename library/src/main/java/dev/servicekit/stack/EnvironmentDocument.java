package dev.servicekit.stack;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartitionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancerLogs;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.monitoring.OverviewDashboard;
import dev.servicekit.monitoring.ServiceDashboards;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.parts.Platform;
import dev.servicekit.parts.ServiceParts;
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
 * servicekit's part of one environment's stack, in pure Java: the network and ECS cluster (created or
 * adopted), every catalog line's service assembled from its parts, and the overview dashboard. It needs
 * cdktf only where a line's customizer asks for a cdktf scope, so environments without customizers are
 * assembled side by side, while cdktf's runtime starts.
 */
public final class EnvironmentDocument {
    private final Environment environment;
    private final Platform platform;
    private final TerraformDocument document = new TerraformDocument();
    private final List<ServiceParts.Assembled> services = new ArrayList<>();
    private boolean assembled;

    /** The environment's platform: account, partition, network and cluster. */
    public EnvironmentDocument(Environment environment) {
        this.environment = environment;
        Block account = document.add(Block.data("current", DataAwsCallerIdentityConfig.builder().build()).path("account"));
        Block partition = document.add(Block.data("current", DataAwsPartitionConfig.builder().build()).path("partition"));
        platform = platform(tags(environment), account.ref("account_id"), partition.ref("partition"));
    }

    /** The tags of the environment's own resources, and the AWS provider's default tags. */
    static Map<String, String> tags(Environment environment) {
        return new TreeMap<>(Map.of("environment", environment.name(), "managed-by", Catalog.MANAGED_BY));
    }

    /**
     * Assembles every line of {@code catalog} and the overview dashboard.
     *
     * @param scopes a cdktf scope for a service's customizers, by service name; asked for only by a customizer
     *               that wants one
     */
    public void assemble(Catalog catalog, Function<String, Construct> scopes) {
        if (assembled) {
            throw new IllegalStateException(environment.name() + " is assembled already");
        }
        assembled = true;
        for (ServiceSpec spec : catalog.services()) {
            ServiceSettings settings = ServiceSettings.resolve(spec, environment);
            if (spec.retired()) {
                ServiceParts.retire(settings, platform, document);
            } else {
                services.add(ServiceParts.assemble(settings, platform, document, () -> scopes.apply(spec.name()), false));
            }
        }
        OverviewDashboard.declare(document, environment.name(), Alerting.appUrlOf(environment.monitoring().datadogApiUrl()),
                services.stream().map(s -> new ServiceDashboards.Entry(s.name(), s.signals(), s.dashboardLink())).toList());
        document.render();
    }

    public Environment environment() {
        return environment;
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
        return platform.build();
    }

    private Platform network(Map<String, String> tags, String accountId, String partition) {
        boolean protect = environment.protectStatefulResources();
        if (environment.network() instanceof NetworkConfig.Existing existing) {
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
                    .cluster(existing.clusterName(), cluster.ref("arn")).protection(protect, Condition.of(protect))
                    .build();
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

}
