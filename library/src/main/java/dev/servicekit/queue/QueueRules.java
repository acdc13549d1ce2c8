package dev.servicekit.queue;

import dev.servicekit.queue.QueueOptions;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

/** A queue's options within SQS's limits, and a dead-letter queue that keeps messages long enough. */
public final class QueueRules {
    private QueueRules() {}

    /** Every problem of a line's queue options, under {@code queue.}. */
    public static void check(Problems.Scope scope, QueueOptions queue) {
        scope.range("queue.visibilityTimeoutSeconds", queue.visibilityTimeoutSeconds(), AwsLimits.SQS_VISIBILITY_TIMEOUT);
        scope.range("queue.retentionSeconds", queue.retentionSeconds(), AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.deadLetterRetentionSeconds", queue.deadLetterRetentionSeconds(),
                AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.delaySeconds", queue.delaySeconds(), AwsLimits.SQS_DELIVERY_DELAY);
        scope.range("queue.receiveWaitSeconds", queue.receiveWaitSeconds(), AwsLimits.SQS_RECEIVE_WAIT);
        scope.range("queue.maxReceiveCount", queue.maxReceiveCount(), AwsLimits.SQS_MAX_RECEIVE_COUNT);
        scope.check(queue.deadLetterRetentionSeconds() >= queue.retentionSeconds(), "queue.deadLetterRetentionSeconds",
                Rules.deadLetterRetentionTooShort(queue.deadLetterRetentionSeconds(), queue.retentionSeconds()));
    }
}
