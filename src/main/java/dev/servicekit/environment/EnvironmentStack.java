package dev.servicekit.environment;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsCluster;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpc;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.datadog.DatadogProvider;
import dev.servicekit.monitoring.Alerting;
import dev.servicekit.monitoring.OverviewDashboard;
import dev.servicekit.monitoring.ServiceDashboards;
import dev.servicekit.service.Platform;
import dev.servicekit.service.RetiredService;
import dev.servicekit.service.ServiceConstruct;
import dev.servicekit.service.ServiceSettings;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One environment's Terraform stack: the AWS and Datadog providers and the state backend, the network and
 * ECS cluster (created or adopted), one {@link ServiceConstruct} per catalog line, and the overview
 * dashboard. Stage and prod are two
 * instances of this class with different {@link Environment} values.
 */
public final class EnvironmentStack extends TerraformStack {
    private final Environment environment;
    private final Platform platform;
    private final List<ServiceConstruct> services = new ArrayList<>();

    /**
     * @param outputDirectory the cdktf output directory as cdktf.json names it (default {@code cdktf.out}),
     *                        relative to the project: the local state file sits in the project, and
     *                        Terraform runs in {@code <output>/stacks/<env>}
     */
    public EnvironmentStack(Construct scope, Environment environment, Catalog catalog, String outputDirectory) {
        super(scope, environment.name());
        this.environment = environment;
        Map<String, String> tags = new TreeMap<>(Map.of("environment", environment.name(),
                "managed-by", Catalog.MANAGED_BY));

        new AwsProvider(this, "aws", AwsProviderConfig.builder()
                .region(environment.region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(tags).build()))
                .build());
        backend(outputDirectory);

        DataAwsCallerIdentity account = new DataAwsCallerIdentity(this, "account");
        account.overrideLogicalId("current");
        DataAwsPartition partition = new DataAwsPartition(this, "partition");
        partition.overrideLogicalId("current");
        MonitoringDefaults monitoring = environment.monitoring();
        new DatadogProvider(this, "datadog", monitoring.datadogApiUrl());
        Alerting alerting = new Alerting(monitoring.routing(), monitoring.evaluationDelaySeconds(),
                Alerting.appUrlOf(monitoring.datadogApiUrl()), monitoring.slo(), monitoring.synthetics());
        platform = platform(tags, account.getAccountId(), partition.getPartition(), alerting);

        List<Map<String, Object>> released = new ArrayList<>();
        for (ServiceSpec spec : catalog.services()) {
            ServiceSettings settings = ServiceSettings.resolve(spec, environment);
            if (spec.retired()) {
                released.addAll(new RetiredService(this, settings, platform).removedBlocks());
            } else {
                services.add(new ServiceConstruct(this, settings, platform));
            }
        }
        if (!released.isEmpty()) {
            // cdktf 0.19 predates removed blocks (Terraform 1.7+).
            addOverride("removed", released);
        }
        new OverviewDashboard(this, environment.name(), alerting.datadogAppUrl(), services.stream()
                .map(s -> new ServiceDashboards.Entry(s.settings().name(), s.signals(), s.monitoring().dashboardLink()))
                .toList());
    }

    public Environment environment() {
        return environment;
    }

    public Platform platform() {
        return platform;
    }

    public List<ServiceConstruct> services() {
        return List.copyOf(services);
    }

    /**
     * The local state file, {@code terraform.<env>.tfstate} in the project directory, as Terraform finds it
     * from {@code <output>/stacks/<env>}: a relative path, the same on every machine.
     */
    public static String localStatePath(String outputDirectory, String environmentName) {
        java.nio.file.Path stackDirectory = java.nio.file.Path.of(outputDirectory, "stacks", environmentName).normalize();
        String file = "terraform." + environmentName + ".tfstate";
        if (stackDirectory.isAbsolute()) {
            return java.nio.file.Path.of("").toAbsolutePath().resolve(file).toString();
        }
        return "../".repeat(stackDirectory.getNameCount()) + file;
    }

    private void backend(String outputDirectory) {
        if (environment.state() instanceof StateBackend.S3 s3) {
            new S3Backend(this, S3BackendConfig.builder()
                    .bucket(s3.bucket())
                    .key(s3.key())
                    .region(s3.region())
                    .encrypt(true)
                    .build());
            // cdktf 0.19 predates S3 lock files (Terraform 1.10+); they replace a DynamoDB lock table.
            addOverride("terraform.backend.s3.use_lockfile", true);
        } else {
            new LocalBackend(this, LocalBackendConfig.builder()
                    .path(localStatePath(outputDirectory, environment.name())).build());
        }
    }

    private Platform platform(Map<String, String> tags, String accountId, String partition, Alerting alerting) {
        boolean protect = environment.protectStatefulResources();
        if (environment.network() instanceof NetworkConfig.Existing existing) {
            DataAwsVpc vpc = new DataAwsVpc(this, "vpc", DataAwsVpcConfig.builder().id(existing.vpcId()).build());
            vpc.overrideLogicalId("existing");
            DataAwsEcsCluster cluster = new DataAwsEcsCluster(this, "cluster",
                    DataAwsEcsClusterConfig.builder().clusterName(existing.clusterName()).build());
            cluster.overrideLogicalId("existing");
            List<String> taskSubnets = existing.tasksInPublicSubnets()
                    ? existing.publicSubnetIds() : existing.privateSubnetIds();
            return new Platform(environment.name(), environment.region(), accountId, partition, existing.vpcId(),
                    vpc.getCidrBlock(), existing.publicSubnetIds(), taskSubnets, existing.tasksInPublicSubnets(),
                    existing.clusterName(), cluster.getArn(), protect, alerting, List.of(), List.of());
        }
        NetworkConfig.Managed managed = (NetworkConfig.Managed) environment.network();
        ManagedNetwork network = new ManagedNetwork(this, environment, managed, tags);
        EcsCluster cluster = new EcsCluster(this, "cluster", EcsClusterConfig.builder()
                .name(clusterName(environment))
                .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
                .tags(tags)
                .build());
        cluster.overrideLogicalId("cluster");
        List<String> taskSubnets = managed.tasksInPublicSubnets()
                ? network.publicSubnetIds() : network.privateSubnetIds();
        return new Platform(environment.name(), environment.region(), accountId, partition, network.vpc().getId(),
                managed.cidr(), network.publicSubnetIds(), taskSubnets, managed.tasksInPublicSubnets(),
                clusterName(environment), cluster.getArn(), protect, alerting, network.routing(),
                List.of(network.internetGateway()));
    }

    /** The ECS cluster a managed network creates: {@code servicekit-<env>}, after the prefix if there is one. */
    public static String clusterName(Environment environment) {
        return (environment.prefix().isEmpty() ? "" : environment.prefix() + "-") + "servicekit-" + environment.name();
    }
}
