package dev.servicekit.queue;

import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueueConfig;
import com.hashicorp.cdktf.providers.aws.sqs_queue_policy.SqsQueuePolicyConfig;
import com.hashicorp.cdktf.providers.aws.sqs_queue_redrive_allow_policy.SqsQueueRedriveAllowPolicyConfig;
import dev.servicekit.assembly.PolicyDocument;
import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Stateful;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's SQS queue and dead-letter queue, both encrypted with SQS-managed keys and reachable over TLS
 * only. After {@code maxReceiveCount} failed receives a message moves to the dead-letter queue, which keeps it
 * for at least as long as the queue would have and takes dead letters from this queue alone. The task role may
 * consume the queue (a web service may also send to it) and park a message in the dead-letter queue, and nothing
 * else of SQS; the container finds them in the variables {@link QueueOptions} names. Written against the
 * {@link ServiceContext} alone, like an add-on: the queue slice (options, checks, resources, handle) needs nothing
 * of the layers above it.
 *
 * @param options      the line's queue options
 * @param sendsToItself the service hands work to its own queue (a web service with a queue); a worker only
 *                      consumes it
 */
public record Queue(QueueOptions options, boolean sendsToItself) {
    /** What replacing a queue loses, and the attributes that force it. */
    public static final Stateful MESSAGES = new Stateful("its messages would be lost", List.of("name", "fifo_queue"),
            true);

    /** The queue's AWS name: {@code <env>-<service>}. */
    public static String name(String awsEnvironment, String awsName) {
        return awsEnvironment + "-" + awsName;
    }

    /** The dead-letter queue's AWS name: the queue's with {@code -dlq}. */
    public static String deadLetterName(String awsEnvironment, String awsName) {
        return name(awsEnvironment, awsName) + "-dlq";
    }

    /** Declares both queues, their policies, the task role's grants, variables, signals and outputs. */
    public void declare(ServiceContext service) {
        String name = name(service.awsEnvironment(), service.awsName());
        String deadLetterName = deadLetterName(service.awsEnvironment(), service.awsName());
        Block deadLetterQueue = Block.resource(service.address("dlq"), SqsQueueConfig.builder()
                .name(deadLetterName)
                .messageRetentionSeconds(options.deadLetterRetentionSeconds())
                .sqsManagedSseEnabled(true)
                .tags(service.tags())
                .build());

        Map<String, Object> redrive = new TreeMap<>();
        redrive.put("deadLetterTargetArn", deadLetterQueue.ref("arn"));
        redrive.put("maxReceiveCount", options.maxReceiveCount());
        Block queue = service.declare("queue", SqsQueueConfig.builder()
                .name(name)
                .visibilityTimeoutSeconds(options.visibilityTimeoutSeconds())
                .messageRetentionSeconds(options.retentionSeconds())
                .delaySeconds(options.delaySeconds())
                .receiveWaitTimeSeconds(options.receiveWaitSeconds())
                .redrivePolicy(Hcl.jsonencode(redrive))
                .sqsManagedSseEnabled(true)
                .tags(service.tags())
                .build());
        service.stateful(queue, MESSAGES);
        service.add("dlq", deadLetterQueue);
        service.stateful(deadLetterQueue, MESSAGES);
        tlsOnly(service, "queue_policy", queue);
        tlsOnly(service, "dlq_policy", deadLetterQueue);
        // Only this service's queue may move messages to its dead-letter queue. A resource of its own: as an
        // attribute of the dead-letter queue it would make the two queues refer to each other.
        Map<String, Object> allow = new TreeMap<>();
        allow.put("redrivePermission", "byQueue");
        allow.put("sourceQueueArns", List.of(queue.ref("arn")));
        service.declare("dlq_redrive_allow", SqsQueueRedriveAllowPolicyConfig.builder()
                .queueUrl(deadLetterQueue.ref("id"))
                .redriveAllowPolicy(Hcl.jsonencode(allow))
                .build()).partOf(deadLetterQueue);

        service.environmentVariable(QueueOptions.URL_VARIABLE, queue.ref("url"), Condition.ALWAYS);
        service.environmentVariable(QueueOptions.NAME_VARIABLE, queue.ref("name"), Condition.ALWAYS);
        service.environmentVariable(QueueOptions.DEAD_LETTER_URL_VARIABLE, deadLetterQueue.ref("url"), Condition.ALWAYS);
        QueueHandle handle = new QueueHandle(queue, deadLetterQueue, name, deadLetterName,
                options.retentionSeconds(), options.maxReceiveCount(), options.deadLetterRetentionSeconds());
        service.publish(handle);
        handle.grantConsume(service.taskRole(), "ConsumeOwnQueue");
        // A worker does not send to its own queue; a web service hands work to it.
        handle.grantSend(service.taskRole(), "SendToOwnQueue", Condition.of(sendsToItself));
        handle.grantDeadLetter(service.taskRole(), "ParkInOwnDeadLetterQueue", Condition.ALWAYS);
        service.signals(signals -> signals.withQueues(name, deadLetterName));
        service.output("queue_url", queue.ref("url"), "URL of the service's SQS queue");
        service.output("dlq_url", deadLetterQueue.ref("url"), "URL of the service's dead-letter queue");
        service.moduleOutput("queue_arn", queue.ref("arn"), "ARN of the service's SQS queue");
        service.moduleOutput("dlq_arn", deadLetterQueue.ref("arn"), "ARN of the service's dead-letter queue");
    }

    /** A queue policy that denies every request not made over TLS. */
    private static void tlsOnly(ServiceContext service, String id, Block queue) {
        service.declare(id, SqsQueuePolicyConfig.builder().queueUrl(queue.ref("id"))
                .policy(PolicyDocument.jsonencode(List.of(PolicyDocument.denyInsecureTransport("sqs:*", queue.ref("arn")))))
                .build()).partOf(queue);
    }
}
