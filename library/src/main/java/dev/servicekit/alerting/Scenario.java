package dev.servicekit.alerting;

/**
 * The failures servicekit's monitors must make visible; the README's "What fires when" table lists, for
 * each, the monitors that fire, whether they page and how long they take at worst.
 */
public enum Scenario {
    WORKER_TASKS_CRASH("All tasks of a worker crash"),
    CRASH_LOOP("A crash loop: tasks start, then die"),
    WEB_TASKS_DIE("All tasks of a web service die"),
    LOAD_BALANCER_502("The load balancer returns 502"),
    QUEUE_WITHOUT_CONSUMERS("The queue has no consumers"),
    POISON_MESSAGES("Poison messages"),
    SLOW_DEPENDENCY("A slow dependency"),
    DEPLOY_ROLLED_BACK("A deploy is rolled back"),
    INTEGRATION_STOPS("The AWS integration stops reporting");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
