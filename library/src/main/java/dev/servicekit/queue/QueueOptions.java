package dev.servicekit.queue;

import lombok.Builder;

/**
 * A service's SQS queue and its dead-letter queue. Every worker has one; a web service has one when
 * its catalog line asks ({@code Service.withQueue()}); its container finds the queue in {@value #URL_VARIABLE},
 * {@value #NAME_VARIABLE} and {@value #DEAD_LETTER_URL_VARIABLE}. A line changes some values with
 * {@code .queue(q -> q.visibilityTimeoutSeconds(120))}.
 *
 * @param visibilityTimeoutSeconds default 30 (AWS's default); set it above the longest processing time
 * @param retentionSeconds         default 345600 (4 days, AWS's default)
 * @param delaySeconds             default 0
 * @param receiveWaitSeconds       default 20: long polling, fewer empty receives
 * @param maxReceiveCount          default 5 receives before a message moves to the dead-letter queue
 * @param deadLetterRetentionSeconds default 1209600 (14 days, the maximum); not shorter than the queue's,
 *                                 because SQS expires a dead letter by the time it was first sent (equal, a
 *                                 dead letter that waited the queue's whole retention expires as it arrives)
 */
@Builder(toBuilder = true, builderClassName = "Builder", builderMethodName = "")
public record QueueOptions(int visibilityTimeoutSeconds, int retentionSeconds, int delaySeconds,
                           int receiveWaitSeconds, int maxReceiveCount, int deadLetterRetentionSeconds) {

    public static final QueueOptions DEFAULTS = new QueueOptions(30, 345_600, 0, 20, 5, 1_209_600);

    /** The container's variables that carry the queue; a line cannot set them itself. */
    public static final String URL_VARIABLE = "QUEUE_URL";
    public static final String NAME_VARIABLE = "QUEUE_NAME";
    public static final String DEAD_LETTER_URL_VARIABLE = "DEAD_LETTER_QUEUE_URL";
    public static final java.util.Set<String> VARIABLES = java.util.Set.of(URL_VARIABLE, NAME_VARIABLE,
            DEAD_LETTER_URL_VARIABLE);

    /**
     * Changes some of the queue options; the others stay. Lombok generates a setter per component, named after
     * it, and {@code build()}. There is no {@code builder()}: options start from {@link #DEFAULTS} and its
     * {@code toBuilder()}.
     */
    public static final class Builder {}
}
