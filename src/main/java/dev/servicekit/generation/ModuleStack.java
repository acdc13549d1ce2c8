package dev.servicekit.generation;

import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsCluster;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpc;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpcConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.datadog.DatadogProvider;
import dev.servicekit.environment.Environment;
import dev.servicekit.monitoring.AlertRouting;
import dev.servicekit.monitoring.Alerting;
import dev.servicekit.monitoring.SloTarget;
import dev.servicekit.monitoring.SyntheticsSettings;
import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.Thresholds;
import dev.servicekit.service.ContainerExpressions;
import dev.servicekit.service.Platform;
import dev.servicekit.service.ServiceConstruct;
import dev.servicekit.service.ServiceLoadBalancer;
import dev.servicekit.service.ServiceNames;
import dev.servicekit.service.ServiceRoles;
import dev.servicekit.service.ServiceSettings;
import dev.servicekit.validation.Rules;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One generated module as a cdktf stack: its inputs become Terraform variables, and the very
 * {@link ServiceConstruct} the stage and prod stacks use is built from them. The generator then drops
 * the provider configuration and backend, which a module must not have.
 */
final class ModuleStack extends TerraformStack {
    private final Map<String, TerraformVariable> variables = new LinkedHashMap<>();
    private final List<ModuleInput> inputs;

    ModuleStack(Construct scope, ModuleKind kind) {
        super(scope, kind.folder());
        boolean web = kind == ModuleKind.WEB_SERVICE;
        // Declared so that cdktf writes required_providers; their configuration is dropped afterwards.
        new AwsProvider(this, "aws");
        new DatadogProvider(this, "datadog", Environment.DEFAULT_DATADOG_API_URL);

        inputs = ModuleInputs.of(kind);
        for (ModuleInput input : inputs) {
            variables.put(input.name(), variable(input));
        }

        DataAwsRegion region = new DataAwsRegion(this, "region");
        region.overrideLogicalId("current");
        DataAwsCallerIdentity account = new DataAwsCallerIdentity(this, "account");
        account.overrideLogicalId("current");
        DataAwsPartition partition = new DataAwsPartition(this, "partition");
        partition.overrideLogicalId("current");
        DataAwsEcsCluster cluster = new DataAwsEcsCluster(this, "cluster",
                DataAwsEcsClusterConfig.builder().clusterName(string("cluster_name")).build());
        cluster.overrideLogicalId("this");
        String vpcCidr = "";
        if (web) {
            DataAwsVpc vpc = new DataAwsVpc(this, "vpc", DataAwsVpcConfig.builder().id(string("vpc_id")).build());
            vpc.overrideLogicalId("this");
            vpcCidr = vpc.getCidrBlock();
        }

        // For expressions are written as HCL text: cdktf 0.19 cannot build them. Inside them, references
        // are interpolations in HCL's own syntax, not cdktf tokens.
        String parameterArn = ServiceRoles.ssmParameterArn("${data.aws_partition.current.partition}",
                "${data.aws_region.current.name}", "${data.aws_caller_identity.current.account_id}",
                new ServiceNames("${var.environment}", "${var.name}", Optional.empty()).secretsPath(), "${s}");
        TerraformLocal secrets = new TerraformLocal(this, "container_secrets",
                "${[for s in var.secrets : {name = s, valueFrom = \"" + parameterArn + "\"}]}");
        TerraformLocal environment = new TerraformLocal(this, "container_environment",
                "${[for k, v in var.environment_variables : {name = k, value = v}]}");

        Map<MonitorKind, Thresholds> monitors = new EnumMap<>(MonitorKind.class);
        for (MonitorKind monitor : ModuleInputs.monitors(kind)) {
            String warning = monitor.key() + "_warning";
            monitors.put(monitor, new Thresholds(number(monitor.key() + "_critical"),
                    variables.containsKey(warning) ? Optional.of(number(warning)) : Optional.empty()));
        }
        ServiceKind serviceKind = web
                ? new ServiceKind.Web(number("port"), HealthCheck.at(string("health_check_path")), false)
                : new ServiceKind.Worker();
        ServiceSettings settings = new ServiceSettings(string("environment"), string("environment"), string("name"), string("image"),
                string("owner"), serviceKind, List.of(), Map.of(), List.of(),
                web ? Optional.empty() : Optional.of(QueueOptions.DEFAULTS),
                number("cpu"), number("memory"), number("min_count"), number("desired_count"), number("max_count"),
                number("log_retention_days"), web ? Optional.of(string("certificate_arn")) : Optional.empty(),
                Optional.of(string("runbook_url")), Optional.empty(), Optional.empty(), Optional.empty(),
                monitors, Optional.empty(), Token.asStringMap(variables.get("tags").getValue()),
                Optional.of(new ContainerExpressions(variables.get("command").getValue(), environment.getAsList(),
                        secrets.getAsList())));
        Platform platform = new Platform(string("environment"), region.getName(), account.getAccountId(),
                partition.getPartition(), string("vpc_id"), vpcCidr,
                web ? variables.get("public_subnet_ids").getListValue() : List.of(),
                variables.get("subnet_ids").getListValue(), false, string("cluster_name"), cluster.getArn(), true,
                new Alerting(new AlertRouting(string("page"), number("page_priority"), string("notify"),
                        number("notify_priority")), ModuleInputs.DEFAULTS.monitoring().evaluationDelaySeconds(),
                        string("datadog_app_url"), web ? new SloTarget(number("slo_target"), string("slo_window"))
                        : ModuleInputs.DEFAULTS.monitoring().slo(), web ? new SyntheticsSettings(
                        variables.get("synthetics_locations").getListValue(), number("synthetics_tick_seconds"))
                        : ModuleInputs.DEFAULTS.monitoring().synthetics()), List.of(), List.of());

        ServiceConstruct service = new ServiceConstruct(this, settings, platform);
        // Values Terraform cannot take from a variable in Java's types: booleans become references here.
        service.ecsService().addOverride("network_configuration.assign_public_ip",
                variables.get("assign_public_ip").getBooleanValue());

        // The construct recognises a private ECR image from its literal name. A module decides with a
        // boolean input: a count computed from the image fails when the image is known only after apply
        // (an ECR repository's URL, say).
        IamRolePolicyAttachment ecr = new IamRolePolicyAttachment(this, "execution-ecr",
                IamRolePolicyAttachmentConfig.builder()
                        .role(service.roles().executionRole().getName())
                        .policyArn(String.format(ServiceRoles.ECR_READ_ONLY_POLICY, partition.getPartition()))
                        .build());
        ecr.overrideLogicalId("execution_ecr");
        ecr.addOverride("count", "${var." + ModuleInputs.PRIVATE_ECR_IMAGE + " ? 1 : 0}");
        service.ecsService().addOverride("depends_on", List.of("aws_iam_role_policy_attachment.execution_ecr"));

        service.queues().ifPresent(q -> {
            output("queue_arn", q.queue().getArn(), "ARN of the service's SQS queue");
            output("dlq_arn", q.deadLetterQueue().getArn(), "ARN of the service's dead-letter queue");
        });
        String finalVpcCidr = vpcCidr;
        service.loadBalancer().ifPresent(lb -> {
            lb.loadBalancer().addOverride("enable_deletion_protection",
                    variables.get("deletion_protection").getBooleanValue());
            withOptionalCertificate(lb);
            withOptionalInternal(lb, finalVpcCidr);
            // Internet-facing is decided at plan time, and with it the synthetics test and its scheme.
            service.monitoring().synthetics().ifPresent(test -> {
                test.addOverride("count", "${var.internal ? 0 : 1}");
                test.addOverride("request_definition.url", "${var." + ModuleInputs.ENABLE_HTTPS + " ? \"https\" : "
                        + "\"http\"}://" + lb.loadBalancer().getDnsName() + "${var.health_check_path}");
                test.addOverride("options_list.allow_insecure", "${var." + ModuleInputs.ENABLE_HTTPS + "}");
            });
            output("lb_arn", lb.loadBalancer().getArn(), "ARN of the service's load balancer");
            output("target_group_arn", lb.targetGroup().getArn(), "ARN of the service's target group");
            output("lb_security_group_id", lb.securityGroup().getId(), "Security group of the load balancer");
        });
        output("log_group_arn", service.logs().logGroup().getArn(), "ARN of the service's log group");
        output("ecs_service_arn", service.ecsService().getId(), "ARN of the ECS service");
        output("task_definition_arn", service.task().taskDefinition().getArn(), "ARN of the task definition");
        output("task_role_arn", service.roles().taskRole().getArn(), "ARN of the task (application) role");
        output("execution_role_arn", service.roles().executionRole().getArn(), "ARN of the task execution role");
        output("task_security_group_id", service.taskSecurityGroup().getId(), "Security group of the tasks");
    }

    /**
     * The construct decides HTTPS in Java; a module decides it in Terraform, from a boolean known at plan
     * (a certificate's ARN may be known only after apply). Without HTTPS the HTTPS listener and port 443 are
     * counted out and HTTP forwards; with it, HTTP redirects.
     */
    private static void withOptionalCertificate(ServiceLoadBalancer lb) {
        String enabled = "var." + ModuleInputs.ENABLE_HTTPS;
        String https = "${" + enabled + " ? 1 : 0}";
        lb.listener("https").orElseThrow().addOverride("count", https);
        lb.ingressRule(ServiceLoadBalancer.HTTPS_PORT).orElseThrow().addOverride("count", https);
        Map<String, Object> redirect = new TreeMap<>(Map.of("port", String.valueOf(ServiceLoadBalancer.HTTPS_PORT),
                "protocol", "HTTPS", "status_code", "HTTP_301"));
        LbListener http = lb.listener("http").orElseThrow();
        http.addOverride("default_action.0.type", "${" + enabled + " ? \"redirect\" : \"forward\"}");
        http.addOverride("default_action.0.target_group_arn",
                "${" + enabled + " ? null : " + lb.targetGroup().getArn() + "}");
        http.addOverride("default_action.0.redirect", null);
        http.addOverride("default_action.0.dynamic", Map.of("redirect", new TreeMap<>(Map.of(
                "for_each", "${" + enabled + " ? [1] : []}", "content", redirect))));
    }

    /** An internal load balancer lives in the task subnets and admits only the VPC. */
    private void withOptionalInternal(ServiceLoadBalancer lb, String vpcCidr) {
        lb.loadBalancer().addOverride("internal", variables.get("internal").getBooleanValue());
        lb.loadBalancer().addOverride("subnets", "${var.internal ? var.subnet_ids : var.public_subnet_ids}");
        String source = "${var.internal ? " + vpcCidr + " : \"0.0.0.0/0\"}";
        lb.ingressRule(ServiceLoadBalancer.HTTP_PORT).orElseThrow().addOverride("cidr_ipv4", source);
        lb.ingressRule(ServiceLoadBalancer.HTTPS_PORT).orElseThrow().addOverride("cidr_ipv4", source);
    }

    List<ModuleInput> inputs() {
        return inputs;
    }

    private void output(String name, String value, String description) {
        new TerraformOutput(this, name, TerraformOutputConfig.builder().value(value).description(description).build())
                .overrideLogicalId(name);
    }

    private TerraformVariable variable(ModuleInput input) {
        TerraformVariableConfig.Builder config = TerraformVariableConfig.builder()
                .type(input.type())
                .description(input.description());
        input.defaultValue().ifPresent(value -> {
            if (value == ModuleInput.NULL) {
                config.nullable(true);
            } else {
                config.defaultValue(value);
            }
        });
        if (!input.validations().isEmpty()) {
            config.validation(input.validations().stream()
                    .map(v -> TerraformVariableValidationConfig.builder()
                            .condition(v.condition())
                            .errorMessage(v.errorMessage())
                            .build())
                    .toList());
        }
        TerraformVariable variable = new TerraformVariable(this, input.name(), config.build());
        variable.overrideLogicalId(input.name());
        return variable;
    }

    private String string(String name) {
        return variables.get(name).getStringValue();
    }

    private Number number(String name) {
        return variables.get(name).getNumberValue();
    }
}
