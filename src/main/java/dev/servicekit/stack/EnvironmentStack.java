package dev.servicekit.stack;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartitionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.datadog.DatadogProvider;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.monitoring.OverviewDashboard;
import dev.servicekit.monitoring.ServiceDashboards;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.parts.Platform;
import dev.servicekit.parts.ServiceParts;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.TerraformDocument;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One environment's Terraform stack: the AWS and Datadog providers and the state backend (cdktf elements),
 * and servicekit's {@link TerraformDocument}: the network and ECS cluster (created or adopted), every catalog
 * line's service assembled from its parts, and the overview dashboard. Stage and prod are two instances of
 * this class with different {@link Environment} values.
 */
public final class EnvironmentStack extends TerraformStack {
    private final Environment environment;
    private final Platform platform;
    private final TerraformDocument document = new TerraformDocument();
    private final List<ServiceParts.Assembled> services = new ArrayList<>();

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

        new AwsProviderBinding(this, "aws", AwsProviderConfig.builder()
                .region(environment.region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(tags).build()))
                .build());
        backend(outputDirectory);
        new DatadogProvider(this, "datadog", environment.monitoring().datadogApiUrl());

        Block account = document.add(Block.data("current", DataAwsCallerIdentityConfig.builder().build()).path("account"));
        Block partition = document.add(Block.data("current", DataAwsPartitionConfig.builder().build()).path("partition"));
        platform = platform(tags, account.ref("account_id"), partition.ref("partition"));

        for (ServiceSpec spec : catalog.services()) {
            ServiceSettings settings = ServiceSettings.resolve(spec, environment);
            if (spec.retired()) {
                ServiceParts.retire(settings, platform, document);
            } else {
                services.add(ServiceParts.assemble(settings, platform, document,
                        () -> new Construct(this, spec.name()), false));
            }
        }
        OverviewDashboard.declare(document, environment.name(), Alerting.appUrlOf(environment.monitoring().datadogApiUrl()),
                services.stream().map(s -> new ServiceDashboards.Entry(s.name(), s.signals(), s.dashboardLink())).toList());
        // What holds a user construct's token goes through cdktf, which alone can resolve it.
        document.handOverCdktfTokens(this::addOverride);
    }

    public Environment environment() {
        return environment;
    }

    public Platform platform() {
        return platform;
    }

    /** servicekit's part of the stack. */
    public TerraformDocument document() {
        return document;
    }

    /** Adds servicekit's part to what cdktf wrote for this stack. */
    public void mergeInto(ObjectNode synthesized) {
        document.mergeInto(synthesized, environment.name());
    }

    /**
     * The local state file, {@code terraform.<env>.tfstate} in the project directory, as Terraform finds it
     * from {@code <output>/stacks/<env>}: a relative path, the same on every machine.
     */
    public static String localStatePath(String outputDirectory, String environmentName) {
        Path stackDirectory = Path.of(outputDirectory, "stacks", environmentName).normalize();
        String file = "terraform." + environmentName + ".tfstate";
        if (stackDirectory.isAbsolute()) {
            return Path.of("").toAbsolutePath().resolve(file).toString();
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

    private Platform platform(Map<String, String> tags, String accountId, String partition) {
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
        ManagedNetwork network = new ManagedNetwork(document, environment, managed, tags);
        Block cluster = document.add(Block.resource("cluster", EcsClusterConfig.builder()
                .name(clusterName(environment))
                .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
                .tags(tags)
                .build()).path("cluster"));
        List<String> taskSubnets = managed.tasksInPublicSubnets()
                ? network.publicSubnetIds() : network.privateSubnetIds();
        return Platform.builder().environment(environment.name()).region(environment.region())
                .accountId(accountId).partition(partition).vpc(network.vpc().ref("id"), managed.cidr())
                .publicSubnetIds(network.publicSubnetIds()).taskSubnetIds(taskSubnets)
                .assignPublicIp(Condition.of(managed.tasksInPublicSubnets()))
                .cluster(clusterName(environment), cluster.ref("arn")).protection(protect, Condition.of(protect))
                .networkReady(network.routing()).internetReady(List.of(network.internetGateway()))
                .build();
    }

    /** The ECS cluster a managed network creates: {@code servicekit-<env>}, after the prefix if there is one. */
    public static String clusterName(Environment environment) {
        return (environment.prefix().isEmpty() ? "" : environment.prefix() + "-") + "servicekit-" + environment.name();
    }
}
