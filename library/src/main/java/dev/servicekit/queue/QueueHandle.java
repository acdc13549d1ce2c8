package dev.servicekit.queue;

import dev.servicekit.assembly.Handle;
import dev.servicekit.assembly.Role;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.List;

/**
 * The service's SQS queue and its dead-letter queue, as the queue part publishes them: what other parts and
 * add-ons may use of them, and the grants of each kind of access (as aws-cdk-lib's queue grants its own).
 *
 * @param queue                     the queue's resource
 * @param deadLetterQueue           the dead-letter queue's resource
 * @param name                      the queue's AWS name
 * @param deadLetterName            the dead-letter queue's AWS name
 * @param retentionSeconds          how long SQS keeps a message in the queue before deleting it unread
 * @param maxReceiveCount           receives before a message moves to the dead-letter queue
 * @param deadLetterRetentionSeconds how long the dead-letter queue keeps a message, counted from its first send
 */
public record QueueHandle(Block queue, Block deadLetterQueue, String name, String deadLetterName,
                          int retentionSeconds, int maxReceiveCount, int deadLetterRetentionSeconds) implements Handle {
    /**
     * What a consumer needs of its queue (the batch calls are authorized by the same actions). A worker does not
     * send to its own queue.
     */
    public static final List<String> CONSUMER_ACTIONS = List.of("sqs:ChangeMessageVisibility", "sqs:DeleteMessage",
            "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage");
    /** What a sender needs to hand work to the queue (SendMessageBatch is authorized by the same action). */
    public static final List<String> SENDER_ACTIONS = List.of("sqs:SendMessage");
    /**
     * What a service needs of its dead-letter queue, whose URL it gets: park a message it cannot process at
     * once (send it there, then delete it from its queue) rather than wait for maxReceiveCount, and read the
     * dead-letter queue's depth. Not receive or delete: re-driving dead letters is an operator's act (SQS's
     * dead-letter queue redrive, StartMessageMoveTask, with the operator's own permissions), and a service that
     * could consume its dead letters could lose them.
     */
    public static final List<String> DEAD_LETTER_ACTIONS = List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl",
            "sqs:SendMessage");

    public String arn() {
        return queue.ref("arn");
    }

    public String url() {
        return queue.ref("url");
    }

    public String deadLetterArn() {
        return deadLetterQueue.ref("arn");
    }

    public String deadLetterUrl() {
        return deadLetterQueue.ref("url");
    }

    /** Lets {@code role} receive, delete and hide the queue's messages: a consumer's access. */
    public void grantConsume(Role role, String sid) {
        role.allow(sid, CONSUMER_ACTIONS, List.of(arn()));
    }

    /** Lets {@code role} send messages to the queue, where {@code when} holds. */
    public void grantSend(Role role, String sid, Condition when) {
        role.allow(sid, SENDER_ACTIONS, List.of(arn()), when);
    }

    /** Lets {@code role} park messages in the dead-letter queue and read its depth, where {@code when} holds. */
    public void grantDeadLetter(Role role, String sid, Condition when) {
        role.allow(sid, DEAD_LETTER_ACTIONS, List.of(deadLetterArn()), when);
    }
}
