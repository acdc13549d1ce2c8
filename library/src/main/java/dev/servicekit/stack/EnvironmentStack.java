package dev.servicekit.stack;

import com.hashicorp.cdktf.CloudBackend;
import com.hashicorp.cdktf.CloudBackendConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.NamedCloudWorkspace;
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
import dev.servicekit.terraform.StructAttributes;
import dev.servicekit.terraform.TerraformDocument;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Terraform stack of an environment (the whole environment, its platform, or some of its services): the AWS
 * and Datadog providers and the state backend (cdktf elements), and servicekit's part, a {@link StackDocument},
 * merged into what cdktf writes. Each stack has a state and a lock of its own: its own local file, S3 key or
 * HCP Terraform workspace. Stage and prod are instances of this class with different {@link Environment} values.
 */
public final class EnvironmentStack extends TerraformStack {
    private final StackDocument assembled;
    private final boolean customized;

    /**
     * @param assembled       servicekit's part of the stack, assembled before or after
     * @param outputDirectory the cdktf output directory as cdktf.json names it (default {@code cdktf.out}),
     *                        relative to the project: the local state file sits in the project, and
     *                        Terraform runs in {@code <output>/stacks/<stack>}
     */
    public EnvironmentStack(Construct scope, StackDocument assembled, String outputDirectory) {
        super(scope, assembled.unit().name());
        this.assembled = assembled;
        Environment environment = assembled.environment();
        AwsProviderConfig aws = AwsProviderConfig.builder()
                .region(environment.region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(StackDocument.tags(environment)).build()))
                .build();
        customized = assembled.unit().lines().stream().anyMatch(line -> !line.customizers().isEmpty());
        if (customized) {
            // A line's own cdktf constructs (its customizers') find their providers among the stack's constructs.
            new AwsProviderBinding(this, "aws", aws);
            backend(outputDirectory);
            new DatadogProvider(this, "datadog", environment.monitoring().datadogApiUrl());
        } else {
            // The same blocks, written in Java: a stack is then two jsii objects (itself and its backend), and
            // synthesizing it calls nothing back in Java, which a thousand stacks would pay for.
            TerraformDocument document = assembled.document();
            document.provider("aws", StructAttributes.plain(aws));
            document.provider(DatadogProvider.NAME, Map.of("api_url", environment.monitoring().datadogApiUrl()));
            Map<String, Object> required = new java.util.TreeMap<>();
            required.put("aws", Map.of("source", AwsProviderBinding.SOURCE, "version", AwsProviderBinding.VERSION));
            required.put(DatadogProvider.NAME, Map.of("source", DatadogProvider.SOURCE,
                    "version", DatadogProvider.VERSION_CONSTRAINT));
            document.terraformSetting("required_providers", required);
            backend(outputDirectory);
        }
    }

    /** Whether a line of this stack has customizers, whose cdktf constructs the stack holds besides servicekit's. */
    public boolean customized() {
        return customized;
    }

    /** Gives cdktf the blocks that hold a user construct's token, which cdktf alone can resolve. Before synth. */
    public void handOverCdktfTokens() {
        assembled.document().handOverCdktfTokens(this::addOverride);
    }

    public Environment environment() {
        return assembled.environment();
    }

    /** The stack's name: {@code prod}, {@code prod-platform}, {@code prod-auth}. */
    public String name() {
        return assembled.unit().name();
    }

    public StackPlan.Unit unit() {
        return assembled.unit();
    }

    public Platform platform() {
        return assembled.platform();
    }

    /** servicekit's part of the stack. */
    public TerraformDocument document() {
        return assembled.document();
    }

    /** Adds servicekit's part to what cdktf wrote for this stack. */
    public void mergeInto(ObjectNode synthesized) {
        assembled.document().mergeInto(synthesized, name());
    }

    /** The local state file's name, {@code terraform.<stack>.tfstate}, in the project directory. */
    public static String localStateFile(String stackName) {
        return StateBackend.Local.file(stackName);
    }

    /**
     * The local state file, {@code terraform.<stack>.tfstate} in the project directory, as Terraform finds it
     * from {@code <output>/stacks/<stack>}: a relative path, the same on every machine.
     */
    public static String localStatePath(String outputDirectory, String stackName) {
        Path stackDirectory = Path.of(outputDirectory, "stacks", stackName).normalize();
        String file = localStateFile(stackName);
        if (stackDirectory.isAbsolute()) {
            return Path.of("").toAbsolutePath().resolve(file).toString();
        }
        return "../".repeat(stackDirectory.getNameCount()) + file;
    }

    /**
     * The HCP Terraform workspace of a stack: {@code <prefix>-<env>[-<part>]}, the environment's AWS name and the
     * stack's part, so that an organization's workspaces say which environment and which service or owner each
     * holds.
     */
    public static String workspace(Environment environment, java.util.Optional<String> part) {
        return part.map(p -> environment.awsName() + "-" + p).orElse(environment.awsName());
    }

    private void backend(String outputDirectory) {
        java.util.Optional<String> part = unit().part();
        if (environment().state() instanceof StateBackend.S3 s3) {
            new S3Backend(this, S3BackendConfig.builder()
                    .bucket(s3.bucket())
                    .key(s3.key(part))
                    .region(s3.region())
                    .encrypt(true)
                    .build());
            // cdktf 0.19 predates S3 lock files (Terraform 1.10+); they replace a DynamoDB lock table.
            addOverride("terraform.backend.s3.use_lockfile", true);
        } else if (environment().state() instanceof StateBackend.Cloud cloud) {
            new CloudBackend(this, CloudBackendConfig.builder()
                    .organization(cloud.organization())
                    .hostname(cloud.hostname())
                    .workspaces(new NamedCloudWorkspace(workspace(environment(), part)))
                    .build());
            // cdktf 0.19's NamedCloudWorkspace has no project; Terraform 1.5+ reads it in the cloud block.
            cloud.project().ifPresent(project -> addOverride("terraform.cloud.workspaces.project", project));
        } else {
            new LocalBackend(this, LocalBackendConfig.builder()
                    .path(localStatePath(outputDirectory, name())).build());
        }
    }
}
