package dev.servicekit.service;

import com.hashicorp.cdktf.Postcondition;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceConfig;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.monitoring.AlertRouting;
import dev.servicekit.monitoring.Alerting;
import dev.servicekit.monitoring.MonitoredService;
import dev.servicekit.monitoring.ServiceMonitoring;
import dev.servicekit.monitoring.Signals;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One complete service in one environment: queue and dead-letter queue, log group, IAM roles, Fargate
 * task definition and ECS service, a load balancer for web services, autoscaling, Datadog monitors and
 * dashboard, and outputs. Built
 * from small parts, like AWS CDK's ecs-patterns; every resource's Terraform address is pinned to
 * {@code <service>_<part>}, so adding or re-arranging services never moves another.
 */
public final class ServiceConstruct extends Construct {
    /** Rolling deploys never drop below the desired count and may double it. */
    public static final int MIN_HEALTHY_PERCENT = 100;
    public static final int MAX_PERCENT = 200;
    /**
     * A security group or target group that must be replaced is created before the old one is destroyed:
     * the old one is in use until the tasks or the listener have moved.
     */
    static final TerraformResourceLifecycle REPLACE_WITHOUT_OUTAGE =
            TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
    /**
     * The circuit breaker rolls a failed deploy back, and the provider's steady-state waiter accepts the
     * rolled-back service as stable (hashicorp/terraform-provider-aws#19519, #20858); this postcondition
     * makes the apply fail instead when the service does not run the task definition it just created.
     */
    public static final String ROLLED_BACK = "The ECS service does not run the task definition this apply created: "
            + "the deployment circuit breaker rolled the deploy back. Read the service's events and the logs of "
            + "the stopped tasks.";
    /** Seconds a new web task has before load balancer health checks count. */
    public static final int HEALTH_CHECK_GRACE_SECONDS = 60;

    private final ServiceSettings settings;
    private final Optional<ServiceQueues> queues;
    private final ServiceLogs logs;
    private final ServiceRoles roles;
    private final ServiceTask task;
    private final SecurityGroup taskSecurityGroup;
    private final Optional<ServiceLoadBalancer> loadBalancer;
    private final EcsService ecsService;
    private final Signals signals;
    private final ServiceMonitoring monitoring;

    public ServiceConstruct(Construct scope, ServiceSettings settings, Platform platform) {
        super(scope, settings.addressPrefix().orElse("service"));
        this.settings = settings;
        ServiceNames names = settings.names();

        queues = settings.queue().map(options -> new ServiceQueues(this, settings, options, platform));
        logs = new ServiceLogs(this, settings, platform);
        roles = new ServiceRoles(this, settings, platform, logs.logGroup().getArn(),
                queues.map(q -> q.queue().getArn()));
        task = new ServiceTask(this, settings, platform, roles, logs.logGroup().getName(), queues);

        taskSecurityGroup = new SecurityGroup(this, "task-security-group", SecurityGroupConfig.builder()
                .namePrefix(names.taskSecurityGroup())
                .description("Tasks of " + names.prefix() + (settings.isWeb()
                        ? ": in from its own load balancer only" : ": no inbound traffic"))
                .vpcId(platform.vpcId())
                .tags(settings.tags())
                .lifecycle(REPLACE_WITHOUT_OUTAGE)
                .build());
        taskSecurityGroup.overrideLogicalId(names.address("task_security_group"));
        VpcSecurityGroupEgressRule egress = new VpcSecurityGroupEgressRule(this, "task-egress",
                VpcSecurityGroupEgressRuleConfig.builder()
                        .securityGroupId(taskSecurityGroup.getId())
                        .cidrIpv4("0.0.0.0/0")
                        .ipProtocol("-1")
                        .description("Image registries, AWS APIs and the dependencies of " + names.prefix())
                        .tags(settings.tags())
                        .build());
        egress.overrideLogicalId(names.address("task_egress"));
        List<ITerraformDependable> rules = new ArrayList<>(List.of(egress));

        EcsServiceConfig.Builder service = EcsServiceConfig.builder()
                .name(names.ecsService())
                .cluster(platform.clusterArn())
                .taskDefinition(task.taskDefinition().getArn())
                .desiredCount(settings.desiredCount())
                .launchType("FARGATE")
                .deploymentMinimumHealthyPercent(MIN_HEALTHY_PERCENT)
                .deploymentMaximumPercent(MAX_PERCENT)
                .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .networkConfiguration(EcsServiceNetworkConfiguration.builder()
                        .subnets(platform.taskSubnetIds())
                        .securityGroups(List.of(taskSecurityGroup.getId()))
                        .assignPublicIp(platform.assignPublicIp())
                        .build())
                // A deploy succeeds only when the tasks are healthy; a rolled-back deploy fails the apply.
                .waitForSteadyState(true)
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .tags(settings.tags())
                // Autoscaling owns the running count; a deploy must not reset it.
                .lifecycle(TerraformResourceLifecycle.builder()
                        .ignoreChanges(List.of("desired_count"))
                        .postcondition(List.of(Postcondition.builder()
                                .condition("${self.task_definition == " + task.taskDefinition().getArn() + "}")
                                .errorMessage(ROLLED_BACK)
                                .build()))
                        .build());

        if (settings.kind() instanceof ServiceKind.Web web) {
            ServiceLoadBalancer lb = new ServiceLoadBalancer(this, settings, web, platform);
            rules.add(lb.allowTrafficTo(taskSecurityGroup, settings, web.port()));
            VpcSecurityGroupIngressRule ingress = new VpcSecurityGroupIngressRule(this, "task-ingress",
                    VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(taskSecurityGroup.getId())
                    .referencedSecurityGroupId(lb.securityGroup().getId())
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("From the load balancer of " + names.prefix())
                    .tags(settings.tags())
                    .build());
            ingress.overrideLogicalId(names.address("task_ingress"));
            rules.add(ingress);
            service.loadBalancer(List.of(EcsServiceLoadBalancer.builder()
                            .targetGroupArn(lb.targetGroup().getArn())
                            .containerName(settings.name())
                            .containerPort(web.port())
                            .build()))
                    .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS);
            loadBalancer = Optional.of(lb);
        } else {
            loadBalancer = Optional.empty();
        }
        // Tasks start only once they can pull, log and read secrets, reach the internet through their own
        // security group rules, and (web) be registered with a target group attached to its load balancer.
        List<ITerraformDependable> startAfter = new ArrayList<>(roles.executionPermissions());
        startAfter.addAll(rules);
        startAfter.addAll(platform.networkReady());
        loadBalancer.ifPresent(lb -> startAfter.addAll(lb.listeners()));
        service.dependsOn(startAfter);
        ecsService = new EcsService(this, "ecs-service", service.build());
        ecsService.overrideLogicalId(names.address("service"));

        new ServiceScaling(this, settings, platform, ecsService.getName(), queues.map(q -> q.queue().getName()));
        outputs(names);

        signals = new Signals(
                queues.map(q -> names.queue()),
                queues.map(q -> names.deadLetterQueue()),
                names.ecsService(), platform.clusterName(),
                loadBalancer.map(lb -> Fn.lower(lb.targetGroup().getArnSuffix())),
                loadBalancer.map(lb -> Fn.lower(lb.loadBalancer().getArnSuffix())));
        Alerting alerting = platform.alerting();
        AlertRouting routing = alerting.routing();
        routing = settings.notifyHandle().map(routing::withNotifyHandle).orElse(routing);
        routing = settings.pageHandle().map(routing::withPageHandle).orElse(routing);
        alerting = settings.slo().map(alerting.withRouting(routing)::withSlo).orElse(alerting.withRouting(routing));
        Optional<MonitoredService.Endpoint> endpoint = loadBalancer.filter(lb -> settings.kind() instanceof ServiceKind.Web w
                && !w.internal()).map(lb -> {
                    boolean https = settings.certificateArn().isPresent();
                    // The load balancer's own DNS name: its certificate names the service's domain instead.
                    return new MonitoredService.Endpoint((https ? "https://" : "http://") + lb.loadBalancer().getDnsName()
                            + ((ServiceKind.Web) settings.kind()).healthCheck().path(), https);
                });
        monitoring = new ServiceMonitoring(this, new MonitoredService(settings.environment(), settings.name(),
                settings.owner(), platform.region(), names.logGroup(), settings.runbookUrl(),
                settings.queue().map(QueueOptions::maxReceiveCount),
                settings.queue().map(q -> (Number) q.deadLetterRetentionSeconds()), settings.monitors(), signals,
                alerting, endpoint), names::address);
    }

    /** Queues and log groups in protected environments cannot be destroyed by accident. */
    static TerraformResourceLifecycle statefulLifecycle(Platform platform) {
        return TerraformResourceLifecycle.builder().preventDestroy(platform.protectStatefulResources()).build();
    }

    private void outputs(ServiceNames names) {
        queues.ifPresent(q -> {
            output(names, "queue_url", q.queue().getUrl(), "URL of the service's SQS queue");
            output(names, "dlq_url", q.deadLetterQueue().getUrl(), "URL of the service's dead-letter queue");
        });
        loadBalancer.ifPresent(lb -> output(names, "lb_dns_name", lb.loadBalancer().getDnsName(),
                "DNS name of the service's load balancer"));
        output(names, "log_group_name", logs.logGroup().getName(), "The service's CloudWatch log group");
    }

    private void output(ServiceNames names, String part, String value, String description) {
        new TerraformOutput(this, "output-" + part, TerraformOutputConfig.builder()
                .value(value)
                .description(description)
                .build())
                .overrideLogicalId(names.address(part));
    }

    public ServiceSettings settings() {
        return settings;
    }

    public Optional<ServiceQueues> queues() {
        return queues;
    }

    public ServiceLogs logs() {
        return logs;
    }

    public ServiceRoles roles() {
        return roles;
    }

    public ServiceTask task() {
        return task;
    }

    public SecurityGroup taskSecurityGroup() {
        return taskSecurityGroup;
    }

    public Optional<ServiceLoadBalancer> loadBalancer() {
        return loadBalancer;
    }

    public EcsService ecsService() {
        return ecsService;
    }

    /** The service's metric queries, as its monitors and dashboards use them. */
    public Signals signals() {
        return signals;
    }

    public ServiceMonitoring monitoring() {
        return monitoring;
    }
}
