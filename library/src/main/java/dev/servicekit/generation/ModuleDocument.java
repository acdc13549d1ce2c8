package dev.servicekit.generation;

import dev.servicekit.loadbalancer.LoadBalancer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartitionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.catalog.Access;
import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.queue.QueueOptions;
import dev.servicekit.datadog.DatadogProvider;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.parts.Platform;
import dev.servicekit.parts.ServiceParts;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.stack.AwsProviderBinding;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.TerraformDocument;
import dev.servicekit.terraform.Variable;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One generated module: its inputs become Terraform variables, and the very parts the stage and prod stacks
 * assemble a service from are assembled from them. A setting a module decides at plan is an expression
 * ({@code var.cpu}), a yes-or-no a {@link Condition} on a boolean input ({@code var.internal}); each part
 * writes what follows from it (a {@code count}, a conditional, a dynamic block) itself.
 */
final class ModuleDocument {
    /** The Terraform versions a module accepts: validation blocks that refer to other variables need 1.9. */
    static final String REQUIRED_TERRAFORM = ">= 1.9.0";
    /** The AWS provider versions a module accepts: the bindings' version on, within 5.x. */
    static final String AWS_PROVIDER_RANGE = ">= " + AwsProviderBinding.VERSION + ", < 6.0.0";

    private final List<Variable> inputs;
    private final TerraformDocument document = new TerraformDocument();
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    ModuleDocument(ModuleKind kind) {
        boolean web = kind == ModuleKind.WEB_SERVICE;
        inputs = ModuleInputs.of(kind);
        for (Variable input : inputs) {
            variables.put(input.name(), input);
            document.variable(input);
        }
        Block region = document.add(Block.data("current", DataAwsRegionConfig.builder().build()));
        Block account = document.add(Block.data("current", DataAwsCallerIdentityConfig.builder().build()));
        Block partition = document.add(Block.data("current", DataAwsPartitionConfig.builder().build()));
        Block cluster = document.add(Block.data("this", DataAwsEcsClusterConfig.builder()
                .clusterName(string("cluster_name")).build()));
        Optional<Block> vpc = web
                ? Optional.of(document.add(Block.data("this", DataAwsVpcConfig.builder().id(string("vpc_id")).build())))
                : Optional.empty();

        MonitoringDefaults defaults = ModuleInputs.DEFAULTS.monitoring();
        Map<MonitorKind, Thresholds> monitors = new EnumMap<>(MonitorKind.class);
        for (MonitorKind monitor : ModuleInputs.monitors(kind)) {
            String warning = monitor.key() + "_warning";
            monitors.put(monitor, new Thresholds(number(monitor.key() + "_critical"),
                    variables.containsKey(warning) ? Optional.of(number(warning)) : Optional.empty()));
        }
        Alerting alerting = new Alerting(new AlertRouting(string("page"), number("page_priority"), string("notify"),
                number("notify_priority")), defaults.evaluationDelaySeconds(), string("datadog_app_url"),
                web ? new SloTarget(number("slo_target"), string("slo_window")) : defaults.slo(),
                web ? new SyntheticsSettings(list("synthetics_locations"), number("synthetics_tick_seconds"))
                        : defaults.synthetics());
        // A module's values are its inputs; what a module has no input for is empty (no address prefix, renamed
        // name, customizer, extra rule or Datadog Agent).
        List<AddOn> addOns = ServiceParts.moduleAddOns(ModuleInputs.shape(kind));
        ServiceSettings settings = new ServiceSettings(
                new ServiceSettings.Identity(string("environment"), string("environment"), string("name"),
                        string("owner"), Optional.empty(), Optional.of(string("runbook_url")), Optional.empty(),
                        map("tags")),
                new ServiceSettings.Container(string("image"), condition(ModuleInputs.PRIVATE_ECR_IMAGE),
                        list("command"), map("environment_variables"), list("secrets"),
                        Expression.of("var.secrets_kms_key_arn == null ? {} : {for s in var.secrets : s => "
                                + "var.secrets_kms_key_arn}").map(),
                        list("writable_paths"), condition("readonly_root_filesystem")),
                new ServiceSettings.Capacity(number("cpu"), number("memory"), number("min_count"),
                        number("desired_count"), number("max_count")),
                number("log_retention_days"),
                web ? Optional.of(new LoadBalancer(number("port"), HealthCheck.at(string("health_check_path")),
                        condition("internal"), Optional.of(string("certificate_arn")), condition(ModuleInputs.ENABLE_HTTPS)))
                        : Optional.empty(),
                web ? Optional.empty() : Optional.of(QueueOptions.DEFAULTS), alerting, monitors,
                new Access(List.of(), List.of(), List.of()),
                new ServiceSettings.AddOns(addOns, addOns.stream().collect(
                        java.util.stream.Collectors.toMap(AddOn::option, AddOn::moduleSwitch))),
                Optional.empty(), List.of());
        // A module always protects its stateful resources: Terraform lets no variable decide prevent_destroy.
        Platform platform = new Platform(string("environment"),
                new Platform.Account(account.ref("account_id"), region.ref("name"), partition.ref("partition")),
                new Platform.Network(string("vpc_id"), vpc.map(v -> v.ref("cidr_block")).orElse(""),
                        web ? list("public_subnet_ids") : List.of(), list("subnet_ids"), condition("assign_public_ip"),
                        List.of(), List.of()),
                new Platform.Cluster(string("cluster_name"), cluster.ref("arn")), true,
                new Platform.LoadBalancers(web ? condition("deletion_protection") : Condition.ALWAYS,
                        web ? Optional.of(string("access_logs_bucket")) : Optional.empty(), List.of(),
                        Optional.empty()));
        ServiceParts.assemble(settings, platform, document, () -> {
            throw new IllegalStateException("a module has no cdktf scope");
        }, true);
    }

    List<Variable> inputs() {
        return inputs;
    }

    /**
     * The module's Terraform JSON: no provider configuration and no backend, which a module must not have;
     * the providers it requires, the caller's.
     */
    ObjectNode toJson() {
        Map<String, Object> providers = new TreeMap<>();
        providers.put("aws", new TreeMap<>(Map.of("source", AwsProviderBinding.SOURCE, "version", AWS_PROVIDER_RANGE)));
        providers.put(DatadogProvider.NAME, new TreeMap<>(Map.of("source", DatadogProvider.SOURCE,
                "version", DatadogProvider.VERSION_CONSTRAINT)));
        document.terraformSetting("required_providers", providers);
        document.terraformSetting("required_version", REQUIRED_TERRAFORM);
        return document.toJson();
    }

    private Expression input(String name) {
        if (!variables.containsKey(name)) {
            throw new IllegalStateException("the module has no input " + name);
        }
        return variables.get(name).expression();
    }

    private String string(String name) {
        return input(name).toString();
    }

    private Number number(String name) {
        return input(name).number();
    }

    private List<String> list(String name) {
        return input(name).list();
    }

    private Map<String, String> map(String name) {
        return input(name).map();
    }

    private Condition condition(String name) {
        return Condition.expression(input(name).hcl());
    }
}
