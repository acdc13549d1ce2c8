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
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQuery;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQueryMetric;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Autoscaling between the environment's bounds. Web services track CPU. Workers scale in steps on queue
 * backlog, as AWS CDK's QueueProcessingFargateService does: one task more from
 * {@value #SCALE_OUT_BACKLOG} visible messages, {@value #BIG_STEP} more from {@value #BIG_STEP_BACKLOG},
 * one fewer when no message has been visible or in flight for {@value #SCALE_IN_QUIET_MINUTES} minutes.
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
    /** Minutes with no message visible or in flight before a worker loses a task. */
    public static final int SCALE_IN_QUIET_MINUTES = 15;
    private static final int PERIOD_SECONDS = 60;
    private static final String SQS_NAMESPACE = "AWS/SQS";
    private static final String VISIBLE_MESSAGES = "ApproximateNumberOfMessagesVisible";
    private static final String IN_FLIGHT_MESSAGES = "ApproximateNumberOfMessagesNotVisible";

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
        String queue = queueName.get();
        alarm(settings, names, "backlog_high", "more tasks", CloudwatchMetricAlarmConfig.builder()
                .namespace(SQS_NAMESPACE)
                .metricName(VISIBLE_MESSAGES)
                .dimensions(Map.of("QueueName", queue))
                .statistic("Maximum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(SCALE_OUT_BACKLOG)
                .treatMissingData("notBreaching")
                .alarmActions(List.of(scaleOut.getArn())));
        // Busy consumers keep few messages visible: scale in only when nothing is visible *or in flight*,
        // for a quarter of an hour, so tasks are not stopped in the middle of their work.
        alarm(settings, names, "backlog_empty", "fewer tasks", CloudwatchMetricAlarmConfig.builder()
                .metricQuery(List.of(
                        queueMetric("visible", VISIBLE_MESSAGES, queue),
                        queueMetric("in_flight", IN_FLIGHT_MESSAGES, queue),
                        CloudwatchMetricAlarmMetricQuery.builder().id("backlog").label("visible + in flight")
                                .expression("visible + in_flight").returnData(true).build()))
                .evaluationPeriods(SCALE_IN_QUIET_MINUTES)
                .datapointsToAlarm(SCALE_IN_QUIET_MINUTES)
                .comparisonOperator("LessThanOrEqualToThreshold")
                .threshold(0)
                .alarmActions(List.of(scaleIn.getArn())));
    }

    private void alarm(ServiceSettings settings, ServiceNames names, String part, String effect,
                       CloudwatchMetricAlarmConfig.Builder config) {
        new CloudwatchMetricAlarm(this, part, config
                .alarmName(names.prefix() + "-" + part.replace('_', '-'))
                .alarmDescription("Queue backlog of " + names.prefix() + ": " + effect)
                .tags(settings.tags())
                .build())
                .overrideLogicalId(names.address("alarm_" + part));
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
