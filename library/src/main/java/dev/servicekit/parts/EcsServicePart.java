package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import dev.servicekit.loadbalancer.TargetHandle;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Postcondition;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceConfig;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * The ECS service on the environment's cluster: rolling deploys that never drop below the desired count,
 * a circuit breaker that rolls a failed deploy back (and fails the apply, see {@link #ROLLED_BACK}), and a
 * desired count that autoscaling owns after creation. Tasks start only once everything the other parts
 * said they need exists.
 */
public final class EcsServicePart implements ServicePart {
    /** Rolling deploys never drop below the desired count and may double it. */
    public static final int MIN_HEALTHY_PERCENT = 100;
    public static final int MAX_PERCENT = 200;
    /** Seconds a new web task has before load balancer health checks count. */
    public static final int HEALTH_CHECK_GRACE_SECONDS = 60;
    /**
     * The circuit breaker rolls a failed deploy back, and the provider's steady-state waiter accepts the
     * rolled-back service as stable (hashicorp/terraform-provider-aws#19519, #20858); this postcondition
     * makes the apply fail instead when the service does not run the task definition it just created.
     */
    public static final String ROLLED_BACK = "The ECS service does not run the task definition this apply created: "
            + "the deployment circuit breaker rolled the deploy back. Read the service's events and the logs of "
            + "the stopped tasks.";
    static final String SERVICE = "service";

    @Override
    public void declare(ServiceAssembly service) {
        ServiceSettings settings = service.settings();
        Platform platform = service.platform();
        Block task = service.require(TaskHandles.TaskDefinition.class, "task").taskDefinition();
        List<ITerraformDependable> startAfter = new ArrayList<>(service.startAfter());
        startAfter.addAll(platform.network().networkReady());
        EcsServiceConfig.Builder config = EcsServiceConfig.builder()
                .name(service.names().ecsService())
                .cluster(platform.cluster().arn())
                .taskDefinition(task.ref("arn"))
                .desiredCount(settings.capacity().desiredCount())
                .launchType("FARGATE")
                .deploymentMinimumHealthyPercent(MIN_HEALTHY_PERCENT)
                .deploymentMaximumPercent(MAX_PERCENT)
                .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .networkConfiguration(EcsServiceNetworkConfiguration.builder()
                        .subnets(platform.network().taskSubnetIds())
                        .securityGroups(List.of(service.require(TaskHandles.SecurityGroup.class, "network").group().ref("id")))
                        .assignPublicIp(platform.network().assignPublicIp())
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
                                .condition("${self.task_definition == " + task.expression("arn").hcl() + "}")
                                .errorMessage(ROLLED_BACK)
                                .build()))
                        .build());
        service.find(TargetHandle.class).ifPresent(target -> {
            config.loadBalancer(List.of(EcsServiceLoadBalancer.builder()
                            .targetGroupArn(target.targetGroup().ref("arn"))
                            .containerName(settings.identity().name())
                            .containerPort(target.port())
                            .build()))
                    .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS);
            startAfter.addAll(target.listeners());
        });
        config.dependsOn(startAfter);
        Block ecsService = service.declare(SERVICE, config.build());
        service.publish(new TaskHandles.EcsService(ecsService));
        service.moduleOutput("ecs_service_arn", ecsService.ref("id"), "ARN of the ECS service");
    }
}
