package dev.servicekit.service;

import dev.servicekit.terraform.JsonEncode;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueueConfig;
import dev.servicekit.catalog.QueueOptions;
import software.constructs.Construct;

import java.util.Map;
import java.util.TreeMap;

/**
 * A service's SQS queue and dead-letter queue, both encrypted with SQS-managed keys. After
 * {@code maxReceiveCount} failed receives a message moves to the dead-letter queue, which keeps it for
 * at least as long as the queue would have.
 */
public final class ServiceQueues extends Construct {
    /** The parts of the queues' addresses: {@code <service>_queue}, {@code <service>_dlq}. */
    public static final String QUEUE = "queue";
    public static final String DEAD_LETTER_QUEUE = "dlq";

    private final SqsQueue queue;
    private final SqsQueue deadLetterQueue;

    public ServiceQueues(Construct scope, ServiceSettings settings, QueueOptions options, Platform platform) {
        super(scope, "queues");
        ServiceNames names = settings.names();
        TerraformResourceLifecycle lifecycle = ServiceConstruct.statefulLifecycle(platform);

        deadLetterQueue = new SqsQueue(this, "dlq", SqsQueueConfig.builder()
                .name(names.deadLetterQueue())
                .messageRetentionSeconds(options.deadLetterRetentionSeconds())
                .sqsManagedSseEnabled(true)
                .tags(settings.tags())
                .lifecycle(lifecycle)
                .build());
        deadLetterQueue.overrideLogicalId(names.address(DEAD_LETTER_QUEUE));

        Map<String, Object> redrive = new TreeMap<>();
        redrive.put("deadLetterTargetArn", deadLetterQueue.getArn());
        redrive.put("maxReceiveCount", options.maxReceiveCount());
        queue = new SqsQueue(this, "queue", SqsQueueConfig.builder()
                .name(names.queue())
                .visibilityTimeoutSeconds(options.visibilityTimeoutSeconds())
                .messageRetentionSeconds(options.retentionSeconds())
                .delaySeconds(options.delaySeconds())
                .receiveWaitTimeSeconds(options.receiveWaitSeconds())
                .redrivePolicy(JsonEncode.of(redrive))
                .sqsManagedSseEnabled(true)
                .tags(settings.tags())
                .lifecycle(lifecycle)
                .build());
        queue.overrideLogicalId(names.address(QUEUE));
    }

    public SqsQueue queue() {
        return queue;
    }

    public SqsQueue deadLetterQueue() {
        return deadLetterQueue;
    }
}
