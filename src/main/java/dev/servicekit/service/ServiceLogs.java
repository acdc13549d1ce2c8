package dev.servicekit.service;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import software.constructs.Construct;

/** The service's CloudWatch log group, {@code /<env>/<service>}, with the environment's retention. */
public final class ServiceLogs extends Construct {
    /** The part of the log group's address: {@code <service>_logs}. */
    public static final String LOGS = "logs";

    private final CloudwatchLogGroup logGroup;

    public ServiceLogs(Construct scope, ServiceSettings settings, Platform platform) {
        super(scope, "logs");
        ServiceNames names = settings.names();
        logGroup = new CloudwatchLogGroup(this, "log-group", CloudwatchLogGroupConfig.builder()
                .name(names.logGroup())
                .retentionInDays(settings.logRetentionDays())
                .tags(settings.tags())
                .lifecycle(ServiceConstruct.statefulLifecycle(platform))
                .build());
        logGroup.overrideLogicalId(names.address(LOGS));
    }

    public CloudwatchLogGroup logGroup() {
        return logGroup;
    }
}
