package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import dev.servicekit.queue.QueueHandle;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyConfig;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyStepScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTargetConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQuery;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQueryMetric;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;

import java.util.List;
import java.util.Map;

import static dev.servicekit.rules.Scaling.BIG_STEP;
import static dev.servicekit.rules.Scaling.BIG_STEP_BACKLOG;
import static dev.servicekit.rules.Scaling.COOLDOWN_SECONDS;
import static dev.servicekit.rules.Scaling.CPU_TARGET_PERCENT;
import static dev.servicekit.rules.Scaling.SCALE_IN_QUIET_MINUTES;
import static dev.servicekit.rules.Scaling.SCALE_OUT_BACKLOG;

/**
 * Autoscaling between the service's task counts (see {@link dev.servicekit.rules.Scaling}): CPU target
 * tracking for web services and services without a queue, steps on the queue's backlog for workers.
 */
public final class ScalingPart implements ServicePart {
    private static final int PERIOD_SECONDS = 60;
    private static final String SQS_NAMESPACE = "AWS/SQS";
    private static final String VISIBLE_MESSAGES = "ApproximateNumberOfMessagesVisible";
    private static final String IN_FLIGHT_MESSAGES = "ApproximateNumberOfMessagesNotVisible";

    private final boolean onBacklog;

    /** @param onBacklog steps on the queue's backlog (a worker) rather than CPU tracking */
    ScalingPart(boolean onBacklog) {
        this.onBacklog = onBacklog;
    }

    @Override
    public void declare(ServiceAssembly service) {
        ServiceSettings settings = service.settings();
        ServiceNames names = service.names();
        Block target = service.declare("scaling_target", AppautoscalingTargetConfig.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/" + service.platform().cluster().name() + "/"
                        + service.require(TaskHandles.EcsService.class, "scaling").service().ref("name"))
                .minCapacity(settings.capacity().minCount())
                .maxCapacity(settings.capacity().maxCount())
                .tags(settings.tags())
                .build());
        if (!onBacklog) {
            service.declare("scaling_cpu", AppautoscalingPolicyConfig.builder()
                    .name(names.prefix() + "-cpu")
                    .policyType("TargetTrackingScaling")
                    .serviceNamespace(target.ref("service_namespace"))
                    .scalableDimension(target.ref("scalable_dimension"))
                    .resourceId(target.ref("resource_id"))
                    .targetTrackingScalingPolicyConfiguration(
                            AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                                    .targetValue(CPU_TARGET_PERCENT)
                                    .scaleInCooldown(COOLDOWN_SECONDS)
                                    .scaleOutCooldown(COOLDOWN_SECONDS)
                                    .predefinedMetricSpecification(
                                            AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
                                                    .builder()
                                                    .predefinedMetricType("ECSServiceAverageCPUUtilization")
                                                    .build())
                                    .build())
                    .build());
            return;
        }
        Block scaleOut = stepPolicy(service, target, "scale_out", List.of(
                step(0, BIG_STEP_BACKLOG - SCALE_OUT_BACKLOG, 1),
                step(BIG_STEP_BACKLOG - SCALE_OUT_BACKLOG, null, BIG_STEP)));
        Block scaleIn = stepPolicy(service, target, "scale_in", List.of(step(null, 0, -1)));
        String queue = service.require(QueueHandle.class, "scaling").queue().ref("name");
        alarm(service, "backlog_high", "more tasks", CloudwatchMetricAlarmConfig.builder()
                .namespace(SQS_NAMESPACE)
                .metricName(VISIBLE_MESSAGES)
                .dimensions(Map.of("QueueName", queue))
                .statistic("Maximum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(SCALE_OUT_BACKLOG)
                .treatMissingData("notBreaching")
                .alarmActions(List.of(scaleOut.ref("arn"))));
        // Busy consumers keep few messages visible: scale in only when nothing is visible *or in flight*,
        // for a quarter of an hour, so tasks are not stopped in the middle of their work.
        alarm(service, "backlog_empty", "fewer tasks", CloudwatchMetricAlarmConfig.builder()
                .metricQuery(List.of(
                        queueMetric("visible", VISIBLE_MESSAGES, queue),
                        queueMetric("in_flight", IN_FLIGHT_MESSAGES, queue),
                        CloudwatchMetricAlarmMetricQuery.builder().id("backlog").label("visible + in flight")
                                .expression("visible + in_flight").returnData(true).build()))
                .evaluationPeriods(SCALE_IN_QUIET_MINUTES)
                .datapointsToAlarm(SCALE_IN_QUIET_MINUTES)
                .comparisonOperator("LessThanOrEqualToThreshold")
                .threshold(0)
                .alarmActions(List.of(scaleIn.ref("arn"))));
    }

    private static void alarm(ServiceAssembly service, String part, String effect,
                              CloudwatchMetricAlarmConfig.Builder config) {
        ServiceNames names = service.names();
        service.declare("alarm_" + part, config
                .alarmName(names.prefix() + "-" + part.replace('_', '-'))
                .alarmDescription("Queue backlog of " + names.prefix() + ": " + effect)
                .tags(service.settings().tags())
                .build());
    }

    private static CloudwatchMetricAlarmMetricQuery queueMetric(String id, String metric, String queue) {
        return CloudwatchMetricAlarmMetricQuery.builder()
                .id(id)
                .metric(CloudwatchMetricAlarmMetricQueryMetric.builder()
                        .namespace(SQS_NAMESPACE)
                        .metricName(metric)
                        .dimensions(Map.of("QueueName", queue))
                        .stat("Maximum")
                        .period(PERIOD_SECONDS)
                        .build())
                .build();
    }

    private static Block stepPolicy(ServiceAssembly service, Block target, String part,
                                    List<AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment> steps) {
        return service.declare("scaling_" + part, AppautoscalingPolicyConfig.builder()
                .name(service.names().prefix() + "-" + part.replace('_', '-'))
                .policyType("StepScaling")
                .serviceNamespace(target.ref("service_namespace"))
                .scalableDimension(target.ref("scalable_dimension"))
                .resourceId(target.ref("resource_id"))
                .stepScalingPolicyConfiguration(AppautoscalingPolicyStepScalingPolicyConfiguration.builder()
                        .adjustmentType("ChangeInCapacity")
                        .cooldown(COOLDOWN_SECONDS)
                        .metricAggregationType("Maximum")
                        .stepAdjustment(steps)
                        .build())
                .build());
    }

    private static AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment step(Integer lower, Integer upper,
                                                                                        int change) {
        var step = AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment.builder().scalingAdjustment(change);
        if (lower != null) {
            step.metricIntervalLowerBound(String.valueOf(lower));
        }
        if (upper != null) {
            step.metricIntervalUpperBound(String.valueOf(upper));
        }
        return step.build();
    }
}
