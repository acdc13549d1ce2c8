package dev.servicekit.environment;

import dev.servicekit.monitoring.AlertRouting;
import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.Preset;
import dev.servicekit.monitoring.SloTarget;
import dev.servicekit.monitoring.SyntheticsSettings;

import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between stage and prod. Both stacks instantiate the same service construct;
 * only these values change. {@link #stage()} and {@link #prod()} are the presets; cdktf.json's
 * {@code context} adapts them to an account (see {@link EnvironmentContext}).
 *
 * @param name                  the stack name and the prefix of every AWS name, e.g. {@code prod}
 * @param region                the AWS region
 * @param network               a VPC of the environment's own, or an existing one
 * @param tasks                 default task size and counts
 * @param logRetentionDays      CloudWatch retention of every log group
 * @param protectStatefulResources true in prod: queues, dead-letter queues and log groups get
 *                              {@code prevent_destroy}, load balancers deletion protection
 * @param certificateArn        an ACM certificate every web service's HTTPS listener uses; none by default
 * @param state                 where Terraform keeps this environment's state
 * @param monitoring            Datadog site, paging and notifying handles and priorities, thresholds, SLO,
 *                              synthetics
 * @param httpsRequired         true in prod: an internet-facing web service needs a certificate, unless its
 *                              line allows plain HTTP on purpose
 */
public record Environment(String name, String region, NetworkConfig network, TaskDefaults tasks,
                          int logRetentionDays, boolean protectStatefulResources, Optional<String> certificateArn,
                          StateBackend state, MonitoringDefaults monitoring, boolean httpsRequired) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_DATADOG_API_URL = "https://api.datadoghq.com/";
    /** Datadog's recommended evaluation delay for AWS-integration metrics, which arrive 10-20 minutes late. */
    public static final int EVALUATION_DELAY_SECONDS = 900;

    /**
     * Stage: its own VPC 10.20.0.0/16 without NAT (tasks in public subnets, to save cost), 0.25 vCPU /
     * 512 MiB tasks, 1 to 2 of them, 14-day logs, no destroy protection, plain HTTP allowed, looser
     * thresholds, and no paging: every alert goes to {@code @slack-servicekit-stage}. A 99 % SLO over 7 days;
     * synthetics tests every 5 minutes from one location.
     */
    public static Environment stage() {
        return new Environment("stage", DEFAULT_REGION, new NetworkConfig.Managed("10.20.0.0/16", 0),
                new TaskDefaults(256, 512, 1, 1, 2), 14, false, Optional.empty(), new StateBackend.Local(),
                new MonitoringDefaults(DEFAULT_DATADOG_API_URL,
                        new AlertRouting("@slack-servicekit-stage", 3, "@slack-servicekit-stage", 3),
                        EVALUATION_DELAY_SECONDS, MonitorKind.defaultsOf(Preset.STAGE), SloTarget.of(99, "7d"),
                        new SyntheticsSettings(List.of("aws:us-east-1"), 300)), false);
    }

    /**
     * Prod: its own VPC 10.30.0.0/16 with a NAT gateway per zone (tasks in private subnets), 0.5 vCPU /
     * 1 GiB tasks, 2 to 10 of them, 90-day logs, destroy protection, HTTPS required for internet-facing
     * web services, tighter thresholds; symptoms page {@code @pagerduty-servicekit-prod} at priority 1,
     * warnings and causes notify {@code @slack-servicekit-prod} at priority 3. A 99.9 % SLO over 30 days;
     * synthetics tests every minute from three locations.
     */
    public static Environment prod() {
        return new Environment("prod", DEFAULT_REGION, new NetworkConfig.Managed("10.30.0.0/16", 2),
                new TaskDefaults(512, 1024, 2, 2, 10), 90, true, Optional.empty(), new StateBackend.Local(),
                new MonitoringDefaults(DEFAULT_DATADOG_API_URL,
                        new AlertRouting("@pagerduty-servicekit-prod", 1, "@slack-servicekit-prod", 3),
                        EVALUATION_DELAY_SECONDS, MonitorKind.defaultsOf(Preset.PROD), SloTarget.of(99.9, "30d"),
                        new SyntheticsSettings(List.of("aws:us-east-1", "aws:us-west-2", "aws:eu-central-1"), 60)),
                true);
    }

    public Environment withRegion(String newRegion) {
        return new Environment(name, newRegion, network, tasks, logRetentionDays, protectStatefulResources,
                certificateArn, state, monitoring, httpsRequired);
    }

    public Environment withNetwork(NetworkConfig newNetwork) {
        return new Environment(name, region, newNetwork, tasks, logRetentionDays, protectStatefulResources,
                certificateArn, state, monitoring, httpsRequired);
    }

    public Environment withTasks(TaskDefaults newTasks) {
        return new Environment(name, region, network, newTasks, logRetentionDays, protectStatefulResources,
                certificateArn, state, monitoring, httpsRequired);
    }

    public Environment withCertificateArn(String arn) {
        return new Environment(name, region, network, tasks, logRetentionDays, protectStatefulResources,
                Optional.of(arn), state, monitoring, httpsRequired);
    }

    public Environment withState(StateBackend newState) {
        return new Environment(name, region, network, tasks, logRetentionDays, protectStatefulResources,
                certificateArn, newState, monitoring, httpsRequired);
    }

    public Environment withMonitoring(MonitoringDefaults newMonitoring) {
        return new Environment(name, region, network, tasks, logRetentionDays, protectStatefulResources,
                certificateArn, state, newMonitoring, httpsRequired);
    }

    public Environment withLogRetentionDays(int days) {
        return new Environment(name, region, network, tasks, days, protectStatefulResources, certificateArn, state,
                monitoring, httpsRequired);
    }
}
