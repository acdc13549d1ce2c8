package dev.servicekit.alerting;

import dev.servicekit.terraform.Tokens;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.servicekit.alerting.Watch.Over;

import static dev.servicekit.alerting.Scenario.CRASH_LOOP;
import static dev.servicekit.alerting.Scenario.DEPLOY_ROLLED_BACK;
import static dev.servicekit.alerting.Scenario.INTEGRATION_STOPS;
import static dev.servicekit.alerting.Scenario.LOAD_BALANCER_502;
import static dev.servicekit.alerting.Scenario.POISON_MESSAGES;
import static dev.servicekit.alerting.Scenario.QUEUE_WITHOUT_CONSUMERS;
import static dev.servicekit.alerting.Scenario.SLOW_DEPENDENCY;
import static dev.servicekit.alerting.Scenario.WEB_TASKS_DIE;
import static dev.servicekit.alerting.Scenario.WORKER_TASKS_CRASH;
import static dev.servicekit.alerting.Severity.CAUSE;
import static dev.servicekit.alerting.Severity.SYMPTOM;

/**
 * Every monitor a service can get, each defined in one place: what it watches (its query), its thresholds
 * in each preset, its severity (a symptom pages, a cause never does), what it tells the person it
 * notifies, which services get it and which failures it reveals. Adding a kind is adding a constant here.
 *
 * <p>All metrics come from Datadog's AWS integration, which polls CloudWatch about every 10 minutes:
 * monitors wait {@code evaluation_delay} (the environment's, 900 s by default, Datadog's recommendation for
 * cloud metrics), never require a full window (a window of late, sparse data is rarely "full", and such
 * evaluations would be skipped silently), and use windows of at least twice the metric's resolution
 * (1 minute for CloudWatch metrics, 10 minutes for the ECS API's task counts).
 *
 * <p>Thresholds were compared with claranet/terraform-datadog-monitors (cloud/aws/sqs, alb, ecs/common),
 * Datadog's recommended ECS monitors and cdk-monitoring-constructs; each constant says why ours differ.
 */
public enum MonitorKind {

    /**
     * Backlog above the critical level for 15 minutes and not draining: a composite of the level and a
     * silent "draining" part, so that a queue recovering from a burst pages no one. The draining part
     * watches the backlog clamped to the first threshold, so it is in alert only while the backlog is high
     * and shrinking, never for a quiet queue. claranet's visible-messages monitor (2/1 over 30 minutes) is
     * off by default: counts mean little without a drain rate; ours pages only on a sustained, large
     * backlog and leaves small ones to the oldest-message monitor.
     */
    QUEUE_BACKLOG(spec("queue backing up", "messages").above().severity(SYMPTOM).needs(Needs.QUEUE)
            .stage(5000, 1000).prod(1000, 500)
            .detects(WORKER_TASKS_CRASH, QUEUE_WITHOUT_CONSUMERS, SLOW_DEPENDENCY)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            String floor = Tokens.text(t.warning().orElse(t.critical()));
            return new Watch.Composite(
                    new Watch.Metric(Over.MIN, 15, s.signals().queueDepth()),
                    new Watch.Metric(Over.CHANGE_OF_AVG, 15,
                            "clamp_min(" + s.signals().queueDepth() + ", " + floor + ")", Optional.of("< 0")),
                    "draining");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The backlog of " + s.signals().queue().orElseThrow() + " has stayed above "
                    + level + " messages for 15 minutes and is not shrinking (now {{a.value}}).",
                    "Are tasks running and consuming (running vs desired, CPU on the dashboard)? Errors in the "
                            + "logs? A slow downstream dependency? Is autoscaling at its maximum?");
        }
    },

    /**
     * The oldest message's age above the threshold for the whole window (one old message seen once does
     * not page). claranet: 600 s critical / 300 s warning over 30 minutes; ours give prod 15 minutes of
     * head room over a 15-minute window, and stage an hour.
     */
    OLDEST_MESSAGE(spec("oldest message too old", "seconds").above().severity(SYMPTOM).needs(Needs.QUEUE)
            .stage(3600, 1800).prod(900, 600).detects(WORKER_TASKS_CRASH, QUEUE_WITHOUT_CONSUMERS, SLOW_DEPENDENCY)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 15, s.signals().oldestMessageAge());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The oldest message in " + s.signals().queue().orElseThrow()
                    + " has been older than " + level + " s for 15 minutes (now {{value}} s).",
                    "Consumers stuck, or one message retried over and over: check the logs and the dead-letter queue.");
        }
    },

    /**
     * Messages wait and no consumer asks for them: no receive call at all, not even an empty long poll,
     * for 10 minutes while messages are visible. Every receive call outweighs any backlog (×1e9), so the
     * value is above 0 exactly when messages wait and nobody polls. No anchor has this monitor.
     */
    NO_CONSUMERS(spec("no consumers", "messages waiting with no receive").above().severity(SYMPTOM)
            .needs(Needs.QUEUE).stage(0).prod(0).detects(WORKER_TASKS_CRASH, QUEUE_WITHOUT_CONSUMERS)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 10, s.signals().queueDepth() + " - (" + s.signals().receives()
                    + ") * 1000000000");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "Messages wait in " + s.signals().queue().orElseThrow()
                    + " and no consumer has polled it for 10 minutes.",
                    "Are the service's tasks running (running vs desired)? Do they start, or crash at start (the "
                            + "ECS service's events, the logs)? Can they reach SQS (task role, security group egress)?");
        }
    },

    /**
     * New messages in the dead-letter queue: an increase over 15 minutes, not "depth above zero", which
     * stays red until someone redrives or purges. A cause: poison messages need a look, not a page.
     * cdk-monitoring-constructs' equivalent is addDeadLetterQueueMaxIncomingMessagesAlarm.
     */
    DEAD_LETTER_ARRIVALS(spec("new dead letters", "messages").above().severity(CAUSE).needs(Needs.QUEUE)
            .stage(0).prod(0).detects(POISON_MESSAGES)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.CHANGE_OF_MAX, 15, s.signals().deadLetterDepth());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "{{value}} new messages reached the dead-letter queue "
                    + s.signals().deadLetterQueue().orElseThrow() + " in 15 minutes, each after failing "
                    + s.maxReceiveCount().map(String::valueOf).orElse("several") + " times.",
                    "The logs around the failing messages; redrive them from the dead-letter queue once fixed.");
        }
    },

    /**
     * The oldest dead letter's age as a share of the time it is surely kept: the dead-letter queue's retention
     * less the queue's, since SQS expires a dead letter by the time it was first sent while the metric's age
     * counts from its arrival (see {@link MonitoredService.Builder#deadLettering}). No anchor watches this;
     * without it, dead letters expire unseen.
     */
    DEAD_LETTER_AGE(spec("dead letters about to expire", "% of the time a dead letter is surely kept").above().percentage()
            .severity(CAUSE).needs(Needs.QUEUE).stage(75, 50).prod(50, 25)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MAX, 15, s.signals().deadLetterAge() + " / "
                    + Tokens.text(s.deadLetterKeptSeconds().orElseThrow()) + " * 100");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The oldest message in " + s.signals().deadLetterQueue().orElseThrow()
                    + " has used {{value}} % of the time it is surely kept (alert at " + level + " %). SQS expires a "
                    + "dead letter by the time it was first sent: at 100 %, one that waited the queue's whole retention "
                    + "before failing is gone.",
                    "Fix the cause and redrive the dead letters, or save them elsewhere before they expire.");
        }
    },

    /**
     * Average CPU over 15 minutes. A cause: latency and backlog are the symptoms. Datadog recommends 80 %
     * over 15 minutes for Fargate; claranet 90/80 (off by default). Prod warns at 70 and alerts at 85 so
     * that autoscaling (which targets 60 %) has failed to keep up before anyone is told.
     */
    CPU(spec("CPU high", "%").above().percentage().severity(CAUSE).needs(Needs.NOTHING).stage(95, 85).prod(85, 70)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 15, s.signals().cpu());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "Average CPU has been above " + level + " % for 15 minutes (now {{value}} %).",
                    "Is autoscaling at its maximum? A hot loop since the last deploy?");
        }
    },

    /** Average memory over 15 minutes; as for CPU (claranet 90/85, Datadog 80 for Fargate). */
    MEMORY(spec("memory high", "%").above().percentage().severity(CAUSE).needs(Needs.NOTHING).stage(95, 85).prod(85, 70)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 15, s.signals().memory());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "Average memory has been above " + level + " % for 15 minutes (now {{value}} %).",
                    "Leaks show here first: compare with the last deploy; are tasks restarting?");
        }
    },

    /**
     * Running tasks as a share of desired, averaged over 30 minutes: the ECS API's counts arrive every
     * 10 minutes, and an average (not a maximum) keeps a crash loop from resetting the alert with one good
     * sample. Pages under 50 %; one missing task only warns. claranet alerts under 60 % (warns under 80)
     * over 5 minutes, too short a window for data that arrives every 10.
     */
    RUNNING_TASKS(spec("running tasks below desired", "% of desired").below().percentage().severity(SYMPTOM)
            .needs(Needs.NOTHING).stage(50, null).prod(50, 100).detects(WORKER_TASKS_CRASH, WEB_TASKS_DIE, CRASH_LOOP)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 30, s.signals().runningTasks() + " / " + s.signals().desiredTasks() + " * 100");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "On average over 30 minutes, only {{value}} % of the desired tasks ran "
                    + "(alert below " + level + " %).",
                    "The ECS service's events: failing health checks, image pulls, crash loops in the logs.");
        }
    },

    /**
     * At least one task missing for a whole hour (the minimum over the hour of desired minus running), as
     * Datadog's own ECS monitor "Running Task Count differs from Desired Count" does.
     */
    TASKS_MISSING(spec("tasks missing for an hour", "tasks").above().severity(SYMPTOM).needs(Needs.NOTHING)
            .stage(0).prod(0).detects(CRASH_LOOP, WORKER_TASKS_CRASH, WEB_TASKS_DIE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 60, s.signals().desiredTasks() + " - " + s.signals().runningTasks());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "For a whole hour, more than " + level + " of the desired tasks have not "
                    + "been running ({{value}} missing now).",
                    "The ECS service's events and stopped tasks: are tasks crashing and being replaced over and over?");
        }
    },

    /**
     * ECS reports that the service cannot start tasks (the ECS integration's events). A cause: the running
     * tasks monitors page when capacity suffers. The message text is Datadog's own default ECS monitor's.
     */
    TASKS_FAIL_TO_START(spec("tasks fail to start", "events").above().criticalOnly()
            .severity(CAUSE).needs(Needs.NOTHING)
            .stage(0).prod(0).detects(CRASH_LOOP, WORKER_TASKS_CRASH, WEB_TASKS_DIE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Event(s.signals().ecsEvents("\"unable to consistently start tasks successfully\""), 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "ECS reports that " + s.signals().ecsService()
                    + " is unable to consistently start tasks.",
                    "The stopped tasks' reasons in the ECS console, and the logs of their last minutes.");
        }
    },

    /**
     * The deployment circuit breaker rolled a deploy back (the ECS integration's events); the apply that
     * started it fails too. A cause: the previous version keeps serving.
     */
    DEPLOYMENT_ROLLED_BACK(spec("deploy rolled back", "events").above().criticalOnly()
            .severity(CAUSE).needs(Needs.NOTHING)
            .stage(0).prod(0).detects(DEPLOY_ROLLED_BACK)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Event(s.signals().ecsEvents("(\"rolling back\" OR \"deployment failed\")"), 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The circuit breaker rolled back a deploy of " + s.signals().ecsService() + ".",
                    "The failed tasks' logs and stopped reasons; the previous version is serving.");
        }
    },

    /**
     * A dead-man's switch: the ECS service's desired count, which the AWS integration reports as long as
     * the service exists, stops arriving. Without it, every other monitor of the service would go quiet
     * with it. The threshold is the minutes without data, at least twice the window.
     */
    SERVICE_REPORTING(spec("no data from the service", "minutes without data").noData(60).criticalOnly()
            .severity(SYMPTOM)
            .needs(Needs.NOTHING).stage(120).prod(60).detects(INTEGRATION_STOPS)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.NoData(s.signals().desiredTasks(), 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "No metric of " + s.signals().ecsService() + " has arrived for " + level
                    + " minutes: the service is gone, or Datadog's AWS integration stopped reporting.",
                    "Does the ECS service still exist? Is the AWS integration healthy (Integrations > AWS)? Until "
                            + "then, every other monitor of this service is blind.");
        }
    },

    /**
     * p95 target response time over 10 minutes. claranet watches the average (3 s / 1 s over 5 minutes);
     * an average hides the slow tail users feel, so ours watch the 95th percentile.
     */
    LATENCY(spec("p95 latency high", "seconds").above().responseSeconds().severity(SYMPTOM).needs(Needs.LOAD_BALANCER)
            .stage(2.0, 1.0).prod(1.0, 0.5).detects(SLOW_DEPENDENCY)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 10, s.signals().latency("p95"));
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "p95 target response time has been above " + level
                    + " s for 10 minutes (now {{value}} s).",
                    "CPU and memory on the dashboard, slow dependencies, and the last deploy.");
        }
    },

    /**
     * 5xx over 10 minutes, the target's and the load balancer's own (502/503/504, for example when no
     * target is healthy), as a share of all requests plus {@value #MIN_TRAFFIC_REQUESTS}
     * artificial ones: at low traffic a single error cannot page (claranet adds 5). claranet alerts at 80 %
     * (warns at 60) of 5xx: far too late for a user-facing service; ours follow the SLO's budget.
     */
    ERROR_RATE(spec("5xx rate high", "% of requests").above().percentage().severity(SYMPTOM)
            .needs(Needs.LOAD_BALANCER).stage(10, 5).prod(5, 2).detects(WEB_TASKS_DIE, LOAD_BALANCER_502, CRASH_LOOP)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            Signals g = s.signals();
            return new Watch.Metric(Over.SUM, 10, "(default_zero(" + g.target5xx() + ") + default_zero("
                    + g.loadBalancer5xx() + ")) / (default_zero(" + g.requests() + ") + default_zero("
                    + g.loadBalancer5xx() + ") + " + MIN_TRAFFIC_REQUESTS + ") * 100");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "More than " + level + " % of requests failed with a 5xx over 10 minutes "
                    + "(now {{value}} %), counting the load balancer's own 502/503/504.",
                    "The logs for exceptions; no healthy targets (503) or targets resetting connections (502)? The last "
                            + "deploy (the circuit breaker rolls back failed ones).");
        }
    },

    /**
     * Fewer than one healthy target on average over 5 minutes: the service is down. The average, not the
     * maximum, so that a target that passes one health check in a crash loop does not reset it.
     */
    NO_HEALTHY_TARGETS(spec("no healthy targets", "healthy targets").below().severity(SYMPTOM)
            .needs(Needs.LOAD_BALANCER).stage(1).prod(1).detects(WEB_TASKS_DIE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 5, s.signals().healthyTargets());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The load balancer has had fewer than " + level
                    + " healthy target on average for 5 minutes: the service is down.",
                    "Running tasks and their health checks; the logs of the last tasks that stopped.");
        }
    },

    /** Targets failing their health checks for 15 minutes: a cause, while healthy ones still serve. */
    UNHEALTHY_TARGETS(spec("unhealthy targets", "targets").above().severity(CAUSE).needs(Needs.LOAD_BALANCER)
            .stage(0).prod(0).detects(CRASH_LOOP, WEB_TASKS_DIE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 15, s.signals().unhealthyTargets());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "At least one target has failed its health checks for 15 minutes "
                    + "({{value}} now).",
                    "The health check path and its answer, the tasks' logs, CPU and memory.");
        }
    },

    /** The load balancer could not connect to targets (the source of many 502s): a cause. */
    TARGET_CONNECTION_ERRORS(spec("target connection errors", "errors").above().severity(CAUSE)
            .needs(Needs.LOAD_BALANCER).stage(50).prod(10).detects(LOAD_BALANCER_502, CRASH_LOOP)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.SUM, 10, "default_zero(" + s.signals().targetConnectionErrors() + ")");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The load balancer failed to connect to targets {{value}} times in 10 minutes "
                    + "(alert above " + level + ").",
                    "Security group rules between the load balancer and the tasks, the container port, tasks "
                            + "stopping without draining.");
        }
    },

    /**
     * The SLO's error budget burns fast: 2 % of a 30-day budget in an hour (burn rate 14.4 over 1 hour and
     * 5 minutes) pages, as the Google SRE workbook's multiwindow, multi-burn-rate alerts and Datadog's burn
     * rate guide recommend; stage's 7-day SLO uses Datadog's 16.8.
     */
    SLO_FAST_BURN(spec("error budget burning fast", "x the sustainable rate").above().burnRate().criticalOnly()
            .severity(SYMPTOM)
            .needs(Needs.LOAD_BALANCER).stage(16.8).prod(14.4).detects(WEB_TASKS_DIE, LOAD_BALANCER_502)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.BurnRate(60, 5);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The availability SLO's error budget is burning {{value}} times faster "
                    + "than sustainable over the last hour and 5 minutes (alert at " + level + ").",
                    "The 5xx on the dashboard: which status, since when, which deploy.");
        }
    },

    /**
     * The error budget burns steadily: 5 % of a 30-day budget in 6 hours (burn rate 6 over 6 hours and 30
     * minutes, SRE workbook and Datadog); stage's 7-day SLO uses 5.6. Notifies, never pages.
     */
    SLO_SLOW_BURN(spec("error budget burning", "x the sustainable rate").above().burnRate().criticalOnly()
            .severity(CAUSE)
            .needs(Needs.LOAD_BALANCER).stage(5.6).prod(6).detects(LOAD_BALANCER_502)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.BurnRate(360, 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The availability SLO's error budget has burned {{value}} times faster "
                    + "than sustainable for 6 hours (alert at " + level + ").",
                    "The 5xx on the dashboard by status; errors that are rare but steady.");
        }
    },

    /**
     * Datadog calls the service's health check from outside, from several locations: the fastest signal of
     * an internet-facing outage (no AWS metric delay). Alerts when the threshold's number of locations fail
     * for 2 minutes, each after one retry.
     */
    SYNTHETICS(spec("health check failing from outside", "locations").above().locations().criticalOnly()
            .severity(SYMPTOM)
            .needs(Needs.INTERNET_FACING).stage(1).prod(2).detects(WEB_TASKS_DIE, LOAD_BALANCER_502)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Synthetic(s.alerting().synthetics().tickSeconds(), 120, 5000);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The health check failed from at least " + level
                    + " Datadog locations for 2 minutes.",
                    "The load balancer's targets, the last deploy, DNS and certificates.");
        }
    };

    /**
     * Requests added to an error ratio's denominator in its 10-minute window (about 5 a minute): at low
     * traffic a single error cannot page, as claranet's monitors add 5 requests for the same reason.
     */
    public static final int MIN_TRAFFIC_REQUESTS = 50;

    /** What a service must have for a monitor to apply. */
    public enum Needs { NOTHING, QUEUE, LOAD_BALANCER, INTERNET_FACING }

    /** What a threshold counts, for validation beyond "not negative". */
    public enum Scale {
        /** Any non-negative number. */
        PLAIN,
        /** A percentage: 0 to 100. */
        PERCENTAGE,
        /** A burn rate: above 0, at most 1 / (1 - SLO target). */
        BURN_RATE,
        /** Locations that must fail: 1 to the number of the environment's locations. */
        LOCATIONS,
        /** Minutes without data: at least twice the window. */
        NO_DATA_MINUTES,
        /** Seconds a load balancer waits for a response: at most its idle timeout, after which it gives up. */
        RESPONSE_SECONDS
    }

    private final Spec spec;

    MonitorKind(Spec spec) {
        // Said here, at the first use of any kind, rather than as a null far from the constant that forgot it.
        java.util.Objects.requireNonNull(spec.severity, () -> name() + ": its spec needs .severity(SYMPTOM or CAUSE)");
        java.util.Objects.requireNonNull(spec.needs, () -> name() + ": its spec needs .needs(...), what a service must have");
        this.spec = spec;
    }

    /** What the monitor watches, for a service and its thresholds. */
    public abstract Watch watch(MonitoredService service, Thresholds thresholds);

    /** What the monitor tells the person it notifies. */
    abstract Explanation explain(MonitoredService service);

    /**
     * What fired, and what to check first. {@code whatFired} takes the threshold as Datadog fills it in
     * ({@code {{threshold}}} or {@code {{warn_threshold}}}), so messages never repeat a hard-coded number.
     */
    record Explanation(UnaryOperator<String> whatFired, String checkFirst) {}

    /** The words after the service name in the monitor's name, e.g. "queue backing up". */
    public String title() {
        return spec.title;
    }

    public String unit() {
        return spec.unit;
    }

    /** True when the monitor fires above its threshold, false when below. */
    public boolean above() {
        return spec.above;
    }

    public Severity severity() {
        return spec.severity;
    }

    /** False for a monitor that has only a critical threshold (its watch is not a metric's level). */
    public boolean takesWarning() {
        return spec.takesWarning;
    }

    public Needs needs() {
        return spec.needs;
    }

    public Scale scale() {
        return spec.scale;
    }

    /** The smallest critical threshold that makes sense (a dead-man's switch: twice its window); 0 otherwise. */
    public double minimumCritical() {
        return spec.minimumCritical;
    }

    /** The failures this monitor reveals. */
    public List<Scenario> scenarios() {
        return spec.scenarios;
    }

    /** The preset's thresholds for this kind; empty when the preset lacks them (an error at synth). */
    public Optional<Thresholds> defaults(Preset preset) {
        return Optional.ofNullable(spec.defaults.get(preset));
    }

    /** Every kind's thresholds in {@code preset}. */
    public static Map<MonitorKind, Thresholds> defaultsOf(Preset preset) {
        Map<MonitorKind, Thresholds> all = new EnumMap<>(MonitorKind.class);
        for (MonitorKind kind : values()) {
            kind.defaults(preset).ifPresent(t -> all.put(kind, t));
        }
        return all;
    }

    /** True when a service of this shape gets this monitor. */
    public boolean appliesTo(ServiceShape service) {
        return switch (spec.needs) {
            case NOTHING -> true;
            case QUEUE -> service.queue();
            case LOAD_BALANCER -> service.loadBalancer();
            case INTERNET_FACING -> service.loadBalancer() && service.internetFacing();
        };
    }

    /** The name used in catalog overrides, addresses and error messages, e.g. {@code queue_backlog}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Spec spec(String title, String unit) {
        return new Spec(title, unit);
    }

    /** A kind's fixed facts, filled in fluently by its constant. */
    private static final class Spec {
        private final String title;
        private final String unit;
        private boolean above = true;
        private Severity severity;
        private Needs needs;
        private Scale scale = Scale.PLAIN;
        private final Map<Preset, Thresholds> defaults = new EnumMap<>(Preset.class);
        private List<Scenario> scenarios = List.of();
        private double minimumCritical;
        private boolean takesWarning = true;

        private Spec(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        Spec above() {
            above = true;
            return this;
        }

        Spec below() {
            above = false;
            return this;
        }

        Spec percentage() {
            scale = Scale.PERCENTAGE;
            return this;
        }

        Spec responseSeconds() {
            scale = Scale.RESPONSE_SECONDS;
            return this;
        }

        Spec burnRate() {
            scale = Scale.BURN_RATE;
            return this;
        }

        Spec locations() {
            scale = Scale.LOCATIONS;
            return this;
        }

        Spec noData(double minimum) {
            scale = Scale.NO_DATA_MINUTES;
            minimumCritical = minimum;
            return this;
        }

        /** The monitor alerts or it does not: an event, a dead-man's switch, a burn rate, a Synthetics test. */
        Spec criticalOnly() {
            takesWarning = false;
            return this;
        }

        Spec severity(Severity value) {
            severity = value;
            return this;
        }

        Spec needs(Needs value) {
            needs = value;
            return this;
        }

        Spec stage(Number critical) {
            return stage(critical, null);
        }

        Spec stage(Number critical, Number warning) {
            defaults.put(Preset.STAGE, Thresholds.of(critical, warning));
            return this;
        }

        Spec prod(Number critical) {
            return prod(critical, null);
        }

        Spec prod(Number critical, Number warning) {
            defaults.put(Preset.PROD, Thresholds.of(critical, warning));
            return this;
        }

        Spec detects(Scenario... revealed) {
            scenarios = List.of(revealed);
            return this;
        }
    }
}
