package dev.servicekit.service;

import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyConfig;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyStepScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTargetConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Autoscaling between the environment's bounds. Web services track CPU. Workers scale in steps on queue
 * backlog, as AWS CDK's QueueProcessingFargateService does: one task more from
 * {@value #SCALE_OUT_BACKLOG} visible messages, {@value #BIG_STEP} more from {@value #BIG_STEP_BACKLOG},
 * one fewer when the queue is empty.
 */
public final class ServiceScaling extends Construct {
    /** Web services: the average CPU utilisation (%) autoscaling aims for. */
    public static final int CPU_TARGET_PERCENT = 60;
    /** Workers: visible messages from which one more task starts. */
    public static final int SCALE_OUT_BACKLOG = 100;
    /** Workers: visible messages from which {@link #BIG_STEP} more tasks start. */
    public static final int BIG_STEP_BACKLOG = 500;
    public static final int BIG_STEP = 5;
    /** Seconds between scaling actions. */
    public static final int COOLDOWN_SECONDS = 60;

    public ServiceScaling(Construct scope, ServiceSettings settings, Platform platform, String ecsServiceName,
                          java.util.Optional<String> queueName) {
        super(scope, "scaling");
        ServiceNames names = settings.names();
        AppautoscalingTarget target = new AppautoscalingTarget(this, "target", AppautoscalingTargetConfig.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/" + platform.clusterName() + "/" + ecsServiceName)
                .minCapacity(settings.minCount())
                .maxCapacity(settings.maxCount())
                .tags(settings.tags())
                .build());
        target.overrideLogicalId(names.address("scaling_target"));

        if (settings.isWeb() || queueName.isEmpty()) {
            new AppautoscalingPolicy(this, "cpu", AppautoscalingPolicyConfig.builder()
                    .name(names.prefix() + "-cpu")
                    .policyType("TargetTrackingScaling")
                    .serviceNamespace(target.getServiceNamespace())
                    .scalableDimension(target.getScalableDimension())
                    .resourceId(target.getResourceId())
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
                    .build())
                    .overrideLogicalId(names.address("scaling_cpu"));
            return;
        }

        AppautoscalingPolicy scaleOut = stepPolicy(target, names, "scale_out", List.of(
                step(0, BIG_STEP_BACKLOG - SCALE_OUT_BACKLOG, 1),
                step(BIG_STEP_BACKLOG - SCALE_OUT_BACKLOG, null, BIG_STEP)));
        AppautoscalingPolicy scaleIn = stepPolicy(target, names, "scale_in", List.of(step(null, 0, -1)));
        backlogAlarm(settings, names, queueName.get(), "backlog_high", "GreaterThanOrEqualToThreshold",
                SCALE_OUT_BACKLOG, scaleOut, "more tasks");
        backlogAlarm(settings, names, queueName.get(), "backlog_empty", "LessThanOrEqualToThreshold", 0, scaleIn,
                "fewer tasks");
    }

    private AppautoscalingPolicy stepPolicy(AppautoscalingTarget target, ServiceNames names, String part,
                                            List<AppautoscalingPolicyStepScalingPolicyConfigurationStepAdjustment> steps) {
        AppautoscalingPolicy policy = new AppautoscalingPolicy(this, part, AppautoscalingPolicyConfig.builder()
                .name(names.prefix() + "-" + part.replace('_', '-'))
                .policyType("StepScaling")
                .serviceNamespace(target.getServiceNamespace())
                .scalableDimension(target.getScalableDimension())
                .resourceId(target.getResourceId())
                .stepScalingPolicyConfiguration(AppautoscalingPolicyStepScalingPolicyConfiguration.builder()
                        .adjustmentType("ChangeInCapacity")
                        .cooldown(COOLDOWN_SECONDS)
                        .metricAggregationType("Maximum")
                        .stepAdjustment(steps)
                        .build())
                .build());
        policy.overrideLogicalId(names.address("scaling_" + part));
        return policy;
    }

    private void backlogAlarm(ServiceSettings settings, ServiceNames names, String queueName, String part,
                              String comparison, int threshold, AppautoscalingPolicy action, String effect) {
        new CloudwatchMetricAlarm(this, part, CloudwatchMetricAlarmConfig.builder()
                .alarmName(names.prefix() + "-" + part.replace('_', '-'))
                .alarmDescription("Queue backlog of " + names.prefix() + ": " + effect)
                .namespace("AWS/SQS")
                .metricName("ApproximateNumberOfMessagesVisible")
                .dimensions(Map.of("QueueName", queueName))
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(1)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .alarmActions(List.of(action.getArn()))
                .tags(settings.tags())
                .build())
                .overrideLogicalId(names.address("alarm_" + part));
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
