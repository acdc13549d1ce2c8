package dev.servicekit.catalog;

/**
 * A service's SQS queue and its dead-letter queue. Every worker has one; a web service has one when
 * its catalog line asks ({@link Service#withQueue()}).
 *
 * @param visibilityTimeoutSeconds default 30 (AWS's default); set it above the longest processing time
 * @param retentionSeconds         default 345600 (4 days, AWS's default)
 * @param delaySeconds             default 0
 * @param receiveWaitSeconds       default 20: long polling, fewer empty receives
 * @param maxReceiveCount          default 5 receives before a message moves to the dead-letter queue
 * @param deadLetterRetentionSeconds default 1209600 (14 days, the maximum); never shorter than the
 *                                 queue's, because SQS keeps a message's original enqueue time
 */
public record QueueOptions(int visibilityTimeoutSeconds, int retentionSeconds, int delaySeconds,
                           int receiveWaitSeconds, int maxReceiveCount, int deadLetterRetentionSeconds) {

    public static final QueueOptions DEFAULTS = new QueueOptions(30, 345_600, 0, 20, 5, 1_209_600);

    public QueueOptions withVisibilityTimeoutSeconds(int seconds) {
        return new QueueOptions(seconds, retentionSeconds, delaySeconds, receiveWaitSeconds, maxReceiveCount,
                deadLetterRetentionSeconds);
    }

    public QueueOptions withRetentionSeconds(int seconds) {
        return new QueueOptions(visibilityTimeoutSeconds, seconds, delaySeconds, receiveWaitSeconds, maxReceiveCount,
                deadLetterRetentionSeconds);
    }

    public QueueOptions withMaxReceiveCount(int count) {
        return new QueueOptions(visibilityTimeoutSeconds, retentionSeconds, delaySeconds, receiveWaitSeconds, count,
                deadLetterRetentionSeconds);
    }

    public QueueOptions withDeadLetterRetentionSeconds(int seconds) {
        return new QueueOptions(visibilityTimeoutSeconds, retentionSeconds, delaySeconds, receiveWaitSeconds,
                maxReceiveCount, seconds);
    }

    public QueueOptions withDelaySeconds(int seconds) {
        return new QueueOptions(visibilityTimeoutSeconds, retentionSeconds, seconds, receiveWaitSeconds,
                maxReceiveCount, deadLetterRetentionSeconds);
    }

    public QueueOptions withReceiveWaitSeconds(int seconds) {
        return new QueueOptions(visibilityTimeoutSeconds, retentionSeconds, delaySeconds, seconds, maxReceiveCount,
                deadLetterRetentionSeconds);
    }
}
