package dev.servicekit.rules;

/**
 * How every service scales, in one place. Web services track CPU. Workers scale in steps on queue backlog,
 * as AWS CDK's QueueProcessingFargateService does: one task more from {@value #SCALE_OUT_BACKLOG} visible
 * messages, {@value #BIG_STEP} more from {@value #BIG_STEP_BACKLOG}, one fewer when no message has been
 * visible or in flight for {@value #SCALE_IN_QUIET_MINUTES} minutes. Bounds are the service's task counts.
 */
public final class Scaling {
    /** Web services: the average CPU utilisation (%) autoscaling aims for. */
    public static final int CPU_TARGET_PERCENT = 60;
    /** Workers: visible messages from which one more task starts. */
    public static final int SCALE_OUT_BACKLOG = 100;
    /** Workers: visible messages from which {@link #BIG_STEP} more tasks start. */
    public static final int BIG_STEP_BACKLOG = 500;
    public static final int BIG_STEP = 5;
    /** Seconds between scaling actions. */
    public static final int COOLDOWN_SECONDS = 60;
    /** Minutes with no message visible or in flight before a worker loses a task. */
    public static final int SCALE_IN_QUIET_MINUTES = 15;

    private Scaling() {}
}
