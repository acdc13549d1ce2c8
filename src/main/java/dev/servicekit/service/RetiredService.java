package dev.servicekit.service;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import dev.servicekit.catalog.ServiceKind;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is left of a retired service in one environment: its data released from Terraform without being
 * destroyed, and, where the environment protects stateful resources, its load balancer with deletion
 * protection lifted, so that removing the line afterwards can delete it.
 */
public final class RetiredService extends Construct {
    private final List<String> released = new ArrayList<>();

    public RetiredService(Construct scope, ServiceSettings settings, Platform platform) {
        super(scope, settings.addressPrefix().orElse("service"));
        ServiceNames names = settings.names();
        if (settings.queue().isPresent()) {
            released.add(SqsQueue.TF_RESOURCE_TYPE + "." + names.address(ServiceQueues.QUEUE));
            released.add(SqsQueue.TF_RESOURCE_TYPE + "." + names.address(ServiceQueues.DEAD_LETTER_QUEUE));
        }
        released.add(CloudwatchLogGroup.TF_RESOURCE_TYPE + "." + names.address(ServiceLogs.LOGS));
        if (settings.kind() instanceof ServiceKind.Web web && platform.protectStatefulResources()) {
            new ServiceLoadBalancer(this, settings, web, platform, false);
        }
    }

    /**
     * Terraform {@code removed} blocks (Terraform 1.7+) for the service's data: Terraform forgets the
     * queue, dead-letter queue and log group, and AWS keeps them.
     */
    public List<Map<String, Object>> removedBlocks() {
        return released.stream().map(address -> {
            Map<String, Object> block = new TreeMap<>();
            block.put("from", address);
            block.put("lifecycle", Map.of("destroy", false));
            return (Map<String, Object>) block;
        }).toList();
    }
}
