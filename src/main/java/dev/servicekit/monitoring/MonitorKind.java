package dev.servicekit.monitoring;

/**
 * The monitors every service gets. Each fires {@link #above} or below its threshold; web-only ones
 * need a load balancer, queue ones a queue.
 */
public enum MonitorKind {
    QUEUE_BACKLOG("queue backing up", "messages", true, Needs.QUEUE),
    OLDEST_MESSAGE("oldest message too old", "seconds", true, Needs.QUEUE),
    DEAD_LETTERS("dead-letter queue not empty", "messages", true, Needs.QUEUE),
    CPU("CPU high", "%", true, Needs.NOTHING),
    MEMORY("memory high", "%", true, Needs.NOTHING),
    RUNNING_TASKS("running tasks below desired", "% of desired", false, Needs.NOTHING),
    LATENCY("p95 latency high", "seconds", true, Needs.LOAD_BALANCER),
    ERROR_RATE("5xx rate high", "% of requests", true, Needs.LOAD_BALANCER),
    NO_HEALTHY_TARGETS("no healthy targets", "healthy targets", false, Needs.LOAD_BALANCER);

    /** What a service must have for the monitor to apply. */
    public enum Needs { NOTHING, QUEUE, LOAD_BALANCER }

    private final String title;
    private final String unit;
    private final boolean above;
    private final Needs needs;

    MonitorKind(String title, String unit, boolean above, Needs needs) {
        this.title = title;
        this.unit = unit;
        this.above = above;
        this.needs = needs;
    }

    /** The words after the service name in the monitor's name, e.g. "queue backing up". */
    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** True when the monitor fires above its threshold, false when below. */
    public boolean above() {
        return above;
    }

    public Needs needs() {
        return needs;
    }

    /** True when a service with (or without) a queue and a load balancer gets this monitor. */
    public boolean appliesTo(boolean hasQueue, boolean hasLoadBalancer) {
        return switch (needs) {
            case NOTHING -> true;
            case QUEUE -> hasQueue;
            case LOAD_BALANCER -> hasLoadBalancer;
        };
    }

    /** The name used in catalog overrides and error messages, e.g. {@code queue_backlog}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
