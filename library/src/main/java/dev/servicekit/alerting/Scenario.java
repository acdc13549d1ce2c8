package dev.servicekit.alerting;

/**
 * The failures servicekit's monitors must make visible, and one night they must not page for. The README's
 * "What fires when" table is what {@link dev.servicekit.alerting.simulation.Simulation} finds when it replays each against a worker's and a
 * web service's monitors: which fire, which page, and after how many minutes at worst. What each failure does
 * to the metrics is {@link dev.servicekit.alerting.simulation.ScenarioSeries}.
 */
public enum Scenario {
    CRASH_LOOP("A crash loop: every task exits at start", true, true, true),
    TASKS_GONE("Every task stops and none can start again (the image was deleted)", true, true, true),
    HUNG_APP("A hung app: tasks run but do nothing", true, true, true),
    EVERY_MESSAGE_FAILS("Every message fails and is dead-lettered (an expired credential)", true, false, true),
    NO_REGISTERED_TARGET("No target is registered with the target group", false, true, true),
    LOAD_BALANCER_504("Every request times out at the load balancer (504)", false, true, true),
    LATENCY_DOUBLES("p95 latency doubles, from 0.6 s to 1.2 s", false, true, true),
    INTEGRATION_BROKEN("Datadog's AWS integration stops reporting", true, true, true),
    IDLE_NIGHT("An idle night: a few failed and slow requests, a few dead letters", true, true, false);

    private final String description;
    private final boolean worker;
    private final boolean web;
    private final boolean pages;

    Scenario(String description, boolean worker, boolean web, boolean pages) {
        this.description = description;
        this.worker = worker;
        this.web = web;
        this.pages = pages;
    }

    public String description() {
        return description;
    }

    /** True when the failure can happen to a service of this shape: a queue's failures to a worker, say. */
    public boolean appliesTo(ServiceShape shape) {
        return shape.loadBalancer() ? web : worker;
    }

    /** True when a person must act now: the failure must page, once; false when nothing may page. */
    public boolean pages() {
        return pages;
    }
}
