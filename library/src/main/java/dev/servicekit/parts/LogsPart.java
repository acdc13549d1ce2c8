package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Stateful;

import java.util.List;

/**
 * The service's CloudWatch log group, {@code /<env>/<service>}, with the environment's retention. The
 * execution role may write to it and to no other log group.
 */
public final class LogsPart implements ServicePart {
    /** The log group's id among the service's resources: {@code <service>_logs}. */
    static final String LOGS = "logs";
    static final Stateful LOG_HISTORY = new Stateful("its logs would be lost", List.of("name"), true);

    @Override
    public void declare(ServiceAssembly service) {
        Block logGroup = service.declare(LOGS, CloudwatchLogGroupConfig.builder()
                .name(service.names().logGroup())
                .retentionInDays(service.settings().logRetentionDays())
                .tags(service.settings().tags())
                .build());
        service.publish(new TaskHandles.LogGroup(logGroup));
        service.stateful(logGroup, LOG_HISTORY);
        service.executionRole().allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.ref("arn") + ":log-stream:*"));
        service.output("log_group_name", logGroup.ref("name"), "The service's CloudWatch log group");
        service.moduleOutput("log_group_arn", logGroup.ref("arn"), "ARN of the service's log group");
    }
}
