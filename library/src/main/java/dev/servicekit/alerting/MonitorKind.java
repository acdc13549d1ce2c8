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
import static dev.servicekit.alerting.Scenario.EVERY_MESSAGE_FAILS;
import static dev.servicekit.alerting.Scenario.HUNG_APP;
import static dev.servicekit.alerting.Scenario.IDLE_NIGHT;
import static dev.servicekit.alerting.Scenario.INTEGRATION_BROKEN;
import static dev.servicekit.alerting.Scenario.LATENCY_DOUBLES;
import static dev.servicekit.alerting.Scenario.LOAD_BALANCER_504;
import static dev.servicekit.alerting.Scenario.NO_REGISTERED_TARGET;
import static dev.servicekit.alerting.Scenario.TASKS_GONE;
import static dev.servicekit.alerting.Severity.CAUSE;
import static dev.servicekit.alerting.Severity.CONDITION;
import static dev.servicekit.alerting.Severity.SYMPTOM;

/**
 * Every monitor a service can get, each defined in one place: what it watches (its query), its thresholds
 * in each preset, its severity (a symptom pages, a cause never does), what it tells the person it
 * notifies, which services get it and which failures it reveals. Adding a kind is adding a constant here.
 *
 * <p>Most metrics come from Datadog's AWS integration, which polls CloudWatch every 10 minutes, so that
 * 1-minute metrics arrive 10 to 15 minutes late (Datadog, "Cloud Metric Delay"): those monitors wait
 * {@code evaluation_delay} (the environment's, 900 s by default, Datadog's recommendation for cloud
 * metrics), never require a full window (a window of late, sparse data is rarely "full", and such
 * evaluations would be skipped silently), and use windows of at least twice the metric's resolution (1
 * minute for CloudWatch metrics, 10 minutes for the ECS API's task counts). Where the Datadog Agent runs
 * beside the tasks, the task-level monitors (CPU, memory, running tasks) read its container metrics instead,
 * with a one-minute delay ({@link Watch.Source#AGENT}).
 *
 * <p>A service's symptoms page together, through one composite per service ({@link PagingPlan}); each also
 * notifies the chat handle with what it saw. The ratios and percentiles among them (latency, error-budget
 * burn) page only while the service has the traffic {@link #TRAFFIC_FLOOR} asks for.
 *
 * <p>Thresholds were compared with claranet/terraform-datadog-monitors (cloud/aws/sqs, alb, ecs/common),
 * Datadog's recommended ECS monitors and cdk-monitoring-constructs; each constant says why ours differ.
 * Which failures each reveals ({@code detects}) is checked by replaying them ({@link dev.servicekit.alerting.simulation.Simulation}).
 */
public enum MonitorKind {

    /**
     * Backlog above the critical level for 15 minutes and not draining: a composite of the level and a
     * silent "draining" part, so that a queue recovering from a burst notifies no one. The draining part
     * watches the backlog clamped to the first threshold, so it is in alert only while the backlog is high
     * and shrinking, never for a quiet queue. A cause: how long messages wait ({@link #OLDEST_MESSAGE}) is the
     * symptom, and a large backlog of young messages hurts no one yet. claranet's visible-messages monitor
     * (2/1 over 30 minutes) is off by default: counts mean little without a drain rate.
     */
    QUEUE_BACKLOG(spec("queue backing up", "messages").above().severity(CAUSE).needs(Needs.QUEUE)
            .stage(5000, 1000).prod(1000, 500)
            .detects(CRASH_LOOP, TASKS_GONE, HUNG_APP)) {
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
                    + level + " messages for 15 minutes and is not shrinking (lowest in the last 15 minutes: {{a.value}}).",
                    "Are tasks running and consuming (running vs desired, CPU on the dashboard)? Errors in the "
                            + "logs? A slow downstream dependency? Is autoscaling at its maximum?");
        }
    },

    /**
     * The oldest message's age above the threshold for the whole window (one old message seen once does
     * not page). The age must first grow to the threshold: a queue that stops being consumed pages after the
     * threshold, the window and the delay (the README's "What fires when" says how long, by replaying it).
     * claranet: 600 s critical / 300 s warning over 30 minutes; ours give prod 15 minutes of head room over a
     * 15-minute window, and stage an hour.
     */
    OLDEST_MESSAGE(spec("oldest message too old", "seconds").above().severity(SYMPTOM).needs(Needs.QUEUE)
            .stage(3600, 1800).prod(900, 600).detects(CRASH_LOOP, TASKS_GONE, HUNG_APP)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 15, s.signals().oldestMessageAge());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The oldest message in " + s.signals().queue().orElseThrow()
                    + " has been older than " + level + " s for 15 minutes (lowest in the last 15 minutes: {{value}} s).",
                    "Consumers stuck, or one message retried over and over: check the logs and the dead-letter queue.");
        }
    },

    /**
     * The oldest message has waited most of the queue's retention: SQS deletes it unread at 100 %. Measured
     * against the queue's own retention (its handle's), so a line's {@code retentionSeconds} moves it too. A
     * cause, not a symptom: {@link #OLDEST_MESSAGE} pages for the same backlog hours or days earlier, so this
     * one is the daytime reminder that data is about to be lost while that page is snoozed or acknowledged (and
     * a symptom would be an eleventh part of the outage composite, over Datadog's ten).
     */
    QUEUE_NEAR_RETENTION(spec("messages about to expire unread", "% of the queue's retention").above().percentage()
            .severity(CAUSE).needs(Needs.QUEUE).stage(90, 75).prod(75, 50)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return ageShareOf(Over.MIN, s.signals().oldestMessageAge(), s.queue(this).retentionSeconds());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The oldest message in " + s.signals().queue().orElseThrow()
                    + " has waited {{value}} % of the queue's retention of " + Tokens.text(s.queue(this)
                    .retentionSeconds()) + " s (alert at " + level + " %); SQS deletes it unread at 100 %.",
                    "Why are messages not consumed (running tasks, errors in the logs)? Save or process the oldest "
                            + "messages before they expire; raise retentionSeconds only if they can wait.");
        }
    },

    /**
     * Messages wait and no consumer asks for them: no receive call at all, not even an empty long poll,
     * for 10 minutes while messages are visible. Every receive call outweighs any backlog (×1e9), so the
     * value is above 0 exactly when messages wait and nobody polls. No anchor has this monitor.
     */
    NO_CONSUMERS(spec("no consumers", "messages waiting with no receive").above().severity(SYMPTOM)
            .needs(Needs.QUEUE).stage(0).prod(0).detects(CRASH_LOOP, TASKS_GONE, HUNG_APP)) {
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
     * A flood of dead letters: in 30 minutes, more messages reached the dead-letter queue than consumers
     * deleted (processed), by more than the threshold. That is the ratio "over half of the messages fail" with
     * a volume floor in one query: dead letters minus deletions above N holds exactly when dead letters
     * outnumber successes and there are more than N of them to spare. A total processing outage (an expired
     * downstream credential) drains the queue into the dead-letter queue without ever aging a message past
     * {@link #OLDEST_MESSAGE}'s threshold; this is what pages then. AWS counts a redriven message in neither
     * queue's NumberOfMessagesSent, so the dead-letter queue's growth is read from its visible messages
     * ({@code monotonic_diff}: increases only, so a redrive does not offset it); {@code default_zero} gives a
     * dead-letter queue idle for hours, whose metrics AWS stopped, a baseline of 0.
     */
    DEAD_LETTER_FLOOD(spec("dead letters flooding", "dead letters more than messages processed").above()
            .criticalOnly().severity(SYMPTOM).needs(Needs.QUEUE).stage(10).prod(10).detects(EVERY_MESSAGE_FAILS)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.SUM, 30, "monotonic_diff(default_zero(" + s.signals().deadLetterDepth()
                    + ")) - default_zero(" + s.signals().deletions() + ")");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "In the last 30 minutes " + s.signals().deadLetterQueue().orElseThrow()
                    + " received more dead letters than consumers processed messages, by {{value}} (alert above "
                    + level + "): most messages fail, each after "
                    + s.queue().map(q -> String.valueOf(q.maxReceiveCount())).orElse("several") + " attempts.",
                    "The logs around the failures: an expired credential, a downstream outage, a bad deploy. Redrive "
                            + "the dead letters once fixed.");
        }
    },

    /**
     * New messages in the dead-letter queue: an increase over 15 minutes, not "depth above zero", which
     * stays red until someone redrives or purges. A cause: a few poison messages need a look, not a page
     * ({@link #DEAD_LETTER_FLOOD} pages for many). {@code default_zero} gives {@code change()} a baseline when
     * the dead-letter queue was idle (AWS stops an idle queue's metrics after 6 hours).
     * cdk-monitoring-constructs' equivalent is addDeadLetterQueueMaxIncomingMessagesAlarm.
     */
    DEAD_LETTER_ARRIVALS(spec("new dead letters", "messages").above().severity(CAUSE).needs(Needs.QUEUE)
            .stage(0).prod(0).detects(EVERY_MESSAGE_FAILS, IDLE_NIGHT)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.CHANGE_OF_MAX, 15, "default_zero(" + s.signals().deadLetterDepth() + ")");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "{{value}} new messages reached the dead-letter queue "
                    + s.signals().deadLetterQueue().orElseThrow() + " in 15 minutes, each after failing "
                    + s.queue().map(q -> String.valueOf(q.maxReceiveCount())).orElse("several") + " times.",
                    "The logs around the failing messages; redrive them from the dead-letter queue once fixed.");
        }
    },

    /**
     * The oldest dead letter's age as a share of the time it is surely kept: the dead-letter queue's retention
     * less the queue's, since SQS expires a dead letter by the time it was first sent while the metric's age
     * counts from its arrival (see {@link MonitoredService.Queue#deadLetterKeptSeconds}). No anchor watches this;
     * without it, dead letters expire unseen.
     */
    DEAD_LETTER_AGE(spec("dead letters about to expire", "% of the time a dead letter is surely kept").above().percentage()
            .severity(CAUSE).needs(Needs.QUEUE).stage(75, 50).prod(50, 25)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return ageShareOf(Over.MAX, s.signals().deadLetterAge(), s.queue(this).deadLetterKeptSeconds());
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
     * The line's schedule could not deliver its message: EventBridge Scheduler retried for a day and dropped it
     * ({@code InvocationDroppedCount} of the service's own schedule group). A cause: the scheduled job did not
     * run, which someone should look at today, not at night.
     */
    SCHEDULE_FAILING(spec("scheduled message not delivered", "messages dropped").above().criticalOnly()
            .severity(CAUSE).needs(Needs.SCHEDULE).stage(0).prod(0)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.SUM, 60, "default_zero(sum:aws.scheduler.invocation_dropped_count{"
                    + s.signals().addOnScope(Needs.SCHEDULE.addOn().orElseThrow()) + "}.as_count())");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "EventBridge Scheduler dropped {{value}} of the schedule's messages to "
                    + s.signals().queue().orElseThrow() + " in the last hour, after retrying for a day: the scheduled "
                    + "job did not run.",
                    "Does the queue exist, and may the scheduler role send to it (its policy, a queue policy, a KMS "
                            + "key)? The schedule's target errors in CloudWatch (AWS/Scheduler, TargetErrorCount).");
        }
    },

    /**
     * Average CPU over 15 minutes (10 with the Agent's metrics). A cause: latency and backlog are the symptoms.
     * Datadog recommends 80 % over 15 minutes for Fargate; claranet 90/80 (off by default). Prod warns at 70 and
     * alerts at 85 so that autoscaling (which targets 60 %) has failed to keep up before anyone is told.
     */
    CPU(spec("CPU high", "%").above().percentage().severity(CAUSE).needs(Needs.NOTHING).stage(95, 85).prod(85, 70)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return s.signals().agent().isPresent()
                    ? new Watch.Metric(Over.AVG, 10, s.signals().agentCpuPercent(), Watch.Source.AGENT)
                    : new Watch.Metric(Over.AVG, 15, s.signals().cpu());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "Average CPU has been above " + level + " % ({{value}} %, "
                    + valueMeaning(this, s) + ").", "Is autoscaling at its maximum? A hot loop since the last deploy?");
        }
    },

    /** Average memory over 15 minutes (10 with the Agent's); as for CPU (claranet 90/85, Datadog 80 for Fargate). */
    MEMORY(spec("memory high", "%").above().percentage().severity(CAUSE).needs(Needs.NOTHING).stage(95, 85).prod(85, 70)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return s.signals().agent().isPresent()
                    ? new Watch.Metric(Over.AVG, 10, s.signals().agentMemoryPercent(), Watch.Source.AGENT)
                    : new Watch.Metric(Over.AVG, 15, s.signals().memory());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "Average memory has been above " + level + " % ({{value}} %, "
                    + valueMeaning(this, s) + ").", "Leaks show here first: compare with the last deploy; are tasks restarting?");
        }
    },

    /**
     * Running tasks as a share of desired, averaged over 30 minutes: the ECS API's counts arrive every
     * 10 minutes, and an average (not a maximum) keeps a crash loop from resetting the alert with one good
     * sample. With the Agent, the tasks it sees (one series per task) against the service's minimum, averaged
     * over 5 minutes a minute behind: a crash loop pages within minutes. Pages under 50 %; no warning, which at
     * 100 % would chatter on every scale-out while new tasks start ({@link #TASKS_MISSING} notifies of a task
     * missing for an hour). claranet alerts under 60 % (warns under 80) over 5 minutes, too short a window for
     * data that arrives every 10.
     */
    RUNNING_TASKS(spec("running tasks below desired", "% of desired").below().percentage().severity(SYMPTOM)
            .needs(Needs.NOTHING).stage(50, null).prod(50, null).detects(CRASH_LOOP, TASKS_GONE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return s.signals().agent().isPresent()
                    ? new Watch.Metric(Over.AVG, 5, s.signals().agentRunningTasksPercent(), Watch.Source.AGENT)
                    : new Watch.Metric(Over.AVG, 30, s.signals().runningTasks() + " / " + s.signals().desiredTasks()
                    + " * 100");
        }

        @Override
        Explanation explain(MonitoredService s) {
            String of = s.signals().agent().isPresent() ? " of the service's minimum task count (the Datadog Agent's count)"
                    : " of the desired tasks";
            return new Explanation(level -> "Only {{value}} %" + of + " ran (" + valueMeaning(this, s)
                    + "; alert below " + level + " %).",
                    "The ECS service's events: failing health checks, image pulls, crash loops in the logs.");
        }
    },

    /**
     * At least one task missing for a whole hour (the minimum over the hour of desired minus running), as
     * Datadog's own ECS monitor "Running Task Count differs from Desired Count" does. A cause: capacity is short,
     * but the service serves; {@link #RUNNING_TASKS} pages when it does not.
     */
    TASKS_MISSING(spec("tasks missing for an hour", "tasks").above().severity(CAUSE).needs(Needs.NOTHING)
            .stage(0).prod(0).detects(CRASH_LOOP, TASKS_GONE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 60, s.signals().desiredTasks() + " - " + s.signals().runningTasks());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "For a whole hour, more than " + level + " of the desired tasks have not "
                    + "been running ({{value}} missing, " + valueMeaning(this, s) + ").",
                    "The ECS service's events and stopped tasks: are tasks crashing and being replaced over and over?");
        }
    },

    /**
     * ECS reports that the service cannot start tasks (the ECS integration's events). ECS emits "unable to
     * consistently start tasks successfully" only for tasks that stop before they reach RUNNING (an image that
     * cannot be pulled, a secret that cannot be read), not for a crash loop of tasks that start and then exit. A
     * cause: the running tasks monitor pages when capacity suffers. Datadog's ECS integration may filter ECS
     * events by keyword: check the Events Explorer before relying on the text. An event monitor takes no
     * evaluation delay (the provider: "Only applies to metric alert").
     */
    TASKS_FAIL_TO_START(spec("tasks fail to start", "events").above().criticalOnly()
            .severity(CAUSE).needs(Needs.NOTHING)
            .stage(0).prod(0).detects(TASKS_GONE)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Event(s.signals().ecsEvents("\"unable to consistently start tasks successfully\""), 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "ECS reports that " + s.signals().ecsService()
                    + " is unable to consistently start tasks: they stop before they run.",
                    "The stopped tasks' reasons in the ECS console: an image that cannot be pulled, a secret that "
                            + "cannot be read, a missing permission.");
        }
    },

    /**
     * The deployment circuit breaker rolled a deploy back (the ECS integration's events); the apply that
     * started it fails too. A cause: the previous version keeps serving.
     */
    DEPLOYMENT_ROLLED_BACK(spec("deploy rolled back", "events").above().criticalOnly()
            .severity(CAUSE).needs(Needs.NOTHING)
            .stage(0).prod(0)) {
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
     * with it. The threshold is the minutes without data, at least twice the window. It pages on its own,
     * outside the service's outage composite: blind monitoring is an outage of its own.
     */
    SERVICE_REPORTING(spec("no data from the service", "minutes without data").noData(40).criticalOnly()
            .severity(SYMPTOM)
            .needs(Needs.NOTHING).stage(120).prod(40).detects(INTEGRATION_BROKEN)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            // The ECS API's counts come every 10 minutes: a 20-minute window holds two of them.
            return new Watch.NoData(s.signals().desiredTasks(), 20);
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
     * p95 target response time over 10 minutes, paging only with the traffic {@link #TRAFFIC_FLOOR} asks for:
     * at 3 requests a minute the p95 of a minute is its slowest request, and one slow request at night would
     * page. claranet watches the average (3 s / 1 s over 5 minutes); an average hides the slow tail users feel,
     * so ours watch the 95th percentile.
     */
    LATENCY(spec("p95 latency high", "seconds").above().responseSeconds().severity(SYMPTOM).floored()
            .needs(Needs.LOAD_BALANCER).stage(2.0, 1.0).prod(1.0, 0.8).detects(LATENCY_DOUBLES)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 10, s.signals().latency("p95"));
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "p95 target response time has been above " + level
                    + " s for 10 minutes ({{value}} s, " + valueMeaning(this, s) + ").",
                    "CPU and memory on the dashboard, slow dependencies, and the last deploy.");
        }
    },

    /**
     * 5xx over 10 minutes, the target's and the load balancer's own (502/503/504, for example when no
     * target is healthy), as a share of every request plus {@value #MIN_TRAFFIC_REQUESTS} artificial ones: at
     * low traffic a single error cannot fire it (claranet adds 5). A 502 or 504 is in RequestCount already, so
     * only the load balancer's other 5xx are added to the requests. A cause: the error budget's burn
     * ({@link #SLO_FAST_BURN}) pages for the same errors, with a traffic floor ("burn rate is a better error
     * rate", Datadog). claranet alerts at 80 % (warns at 60) of 5xx: far too late for a user-facing service.
     */
    ERROR_RATE(spec("5xx rate high", "% of requests").above().percentage().severity(CAUSE)
            .needs(Needs.LOAD_BALANCER).stage(10, 5).prod(5, 2)
            .detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET, LOAD_BALANCER_504)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            Signals g = s.signals();
            return new Watch.Metric(Over.SUM, 10, "(" + g.failedRequests() + ") / (" + g.allRequests() + " + "
                    + MIN_TRAFFIC_REQUESTS + ") * 100");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "More than " + level + " % of requests failed with a 5xx over 10 minutes "
                    + "({{value}} %), counting the load balancer's own 502/503/504.",
                    "The logs for exceptions; no healthy targets (503) or targets resetting connections (502)? The last "
                            + "deploy (the circuit breaker rolls back failed ones).");
        }
    },

    /**
     * Fewer than one healthy target on average over 5 minutes: the service is down. The average, not the
     * maximum, so that a target that passes one health check in a crash loop does not reset it. AWS reports
     * HealthyHostCount only while targets are registered, so with none registered the monitor has no data:
     * it notifies on missing data ({@code notify_no_data}, after twice its window), and the outage pages through
     * the error budget's burn and the synthetics test.
     */
    NO_HEALTHY_TARGETS(spec("no healthy targets", "healthy targets").below().severity(SYMPTOM).notifiesOnNoData()
            .needs(Needs.LOAD_BALANCER).stage(1).prod(1).detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.AVG, 5, s.signals().healthyTargets());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The load balancer has had fewer than " + level
                    + " healthy target on average for 5 minutes: the service is down.",
                    "Running tasks and their health checks; the logs of the last tasks that stopped.",
                    Optional.of("The target group reports no healthy host count at all: no target is registered. "
                            + "The load balancer answers every request with a 503."));
        }
    },

    /** Targets failing their health checks for 15 minutes: a cause, while healthy ones still serve. */
    UNHEALTHY_TARGETS(spec("unhealthy targets", "targets").above().severity(CAUSE).needs(Needs.LOAD_BALANCER)
            .stage(0).prod(0).detects(HUNG_APP)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.Metric(Over.MIN, 15, s.signals().unhealthyTargets());
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "At least one target has failed its health checks for 15 minutes "
                    + "({{value}}, " + valueMeaning(this, s) + ").",
                    "The health check path and its answer, the tasks' logs, CPU and memory.");
        }
    },

    /** The load balancer could not connect to targets (the source of many 502s): a cause. */
    TARGET_CONNECTION_ERRORS(spec("target connection errors", "errors").above().severity(CAUSE)
            .needs(Needs.LOAD_BALANCER).stage(50).prod(10).detects(CRASH_LOOP)) {
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
     * The SLO's error budget burns fast: 2 % of a 30-day budget in an hour (burn rate 14.4 over 1 hour) pages,
     * as the SRE workbook's multiwindow, multi-burn-rate alerts and Datadog's burn-rate table recommend; stage's
     * 7-day SLO uses Datadog's 16.8. The short window is 20 minutes, not the workbook's 5: the load balancer's
     * metrics reach Datadog 10 to 15 minutes late, and a 5-minute window would hold no data. Pages only with the
     * traffic {@link #TRAFFIC_FLOOR} asks for.
     */
    SLO_FAST_BURN(spec("error budget burning fast", "x the sustainable rate").above().burnRate().criticalOnly()
            .severity(SYMPTOM).floored()
            .needs(Needs.LOAD_BALANCER).stage(16.8).prod(14.4)
            .detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET, LOAD_BALANCER_504)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.BurnRate(60, 20);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The availability SLO's error budget is burning "
                    + "{{long_window_burn_rate}} times faster than sustainable over the last hour, and "
                    + "{{short_window_burn_rate}} times over the last 20 minutes (alert at " + level + ").",
                    "The 5xx on the dashboard: which status, since when, which deploy.");
        }
    },

    /**
     * The error budget burns steadily: 5 % of a 30-day budget in 6 hours (burn rate 6 over 6 hours and 30
     * minutes, SRE workbook and Datadog); stage's 7-day SLO uses 5.6. Pages, as the workbook's table does,
     * with the same traffic floor.
     */
    SLO_SLOW_BURN(spec("error budget burning", "x the sustainable rate").above().burnRate().criticalOnly()
            .severity(SYMPTOM).floored()
            .needs(Needs.LOAD_BALANCER).stage(5.6).prod(6)
            .detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET, LOAD_BALANCER_504)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.BurnRate(360, 30);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The availability SLO's error budget has burned {{long_window_burn_rate}} "
                    + "times faster than sustainable over 6 hours, and {{short_window_burn_rate}} times over the last "
                    + "30 minutes (alert at " + level + ").",
                    "The 5xx on the dashboard by status; errors that are rare but steady.");
        }
    },

    /**
     * The error budget will run out before the SLO's window ends: 10 % of a 30-day budget in 24 hours (burn
     * rate 3 over 24 hours and 2 hours, Datadog's table; stage's 7-day SLO 2.8). A ticket, not a page. The SRE
     * workbook's ticket tier is 1x over 3 days, but Datadog's burn-rate alerts take long windows of at most 48
     * hours.
     */
    SLO_STEADY_BURN(spec("error budget running out", "x the sustainable rate").above().burnRate().criticalOnly()
            .severity(CAUSE)
            .needs(Needs.LOAD_BALANCER).stage(2.8).prod(3)
            .detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET, LOAD_BALANCER_504)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            return new Watch.BurnRate(1440, 120);
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "The availability SLO's error budget has burned {{long_window_burn_rate}} "
                    + "times faster than sustainable over 24 hours, and {{short_window_burn_rate}} times over the last "
                    + "2 hours (alert at " + level + "): at this rate it runs out before the SLO's window ends.",
                    "The 5xx by status and route over the last day; plan the fix as a ticket.");
        }
    },

    /**
     * Datadog calls the service's health check from outside, from several locations: the fastest signal of
     * an internet-facing outage (no AWS metric delay). Alerts when the threshold's number of locations fail
     * for 2 minutes, each after one retry.
     */
    SYNTHETICS(spec("health check failing from outside", "locations").above().locations().criticalOnly()
            .severity(SYMPTOM)
            .needs(Needs.INTERNET_FACING).stage(1).prod(2).detects(CRASH_LOOP, TASKS_GONE, HUNG_APP, NO_REGISTERED_TARGET)) {
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
    },

    /**
     * Traffic too low for latency and error-budget burn to page: fewer requests in the last hour than the
     * threshold, those the load balancer answered itself included (a service with no healthy target still has
     * traffic). Prod's 600 an hour is above what the synthetics tests alone send (3 locations a minute: 180) and
     * below a served service's day. While it alerts, a few slow or failed requests page no one; they still burn
     * the SLO, and the daily burn ({@link #SLO_STEADY_BURN}) and the error rate notify. A condition: it notifies
     * no one, and alerts while traffic is low, so that it is red at night rather than all day.
     */
    TRAFFIC_FLOOR(spec("traffic too low to page on latency and errors", "requests an hour").below()
            .criticalOnly().severity(CONDITION).needs(Needs.LOAD_BALANCER).stage(600).prod(600)) {
        @Override
        public Watch watch(MonitoredService s, Thresholds t) {
            Signals g = s.signals();
            return new Watch.Metric(Over.SUM, 60, "default_zero(" + g.requests() + ") + default_zero("
                    + g.loadBalancer5xx() + ")");
        }

        @Override
        Explanation explain(MonitoredService s) {
            return new Explanation(level -> "", "");
        }
    };

    /**
     * Requests added to an error ratio's denominator in its 10-minute window (about 5 a minute): at low
     * traffic a single error cannot fire it, as claranet's monitors add 5 requests for the same reason.
     */
    public static final int MIN_TRAFFIC_REQUESTS = 50;

    /** What {@code {{value}}} holds in a metric monitor's message: its window's aggregate. */
    private static String valueMeaning(MonitorKind kind, MonitoredService s) {
        Watch watch = kind.watch(s, kind.defaults(Preset.PROD).orElseThrow());
        return watch instanceof Watch.Metric metric ? metric.valueMeaning() : "over the window";
    }

    /** What a service must have for a monitor to apply. */
    public enum Needs {
        NOTHING, QUEUE, LOAD_BALANCER, INTERNET_FACING,
        /** The line's {@code .schedule(...)}: its monitors exist where the schedule does. */
        SCHEDULE;

        /** True when a service of {@code shape} has what this asks for. */
        public boolean metBy(ServiceShape shape) {
            return switch (this) {
                case NOTHING -> true;
                case QUEUE -> shape.queue();
                case LOAD_BALANCER -> shape.loadBalancer();
                case INTERNET_FACING -> shape.loadBalancer() && shape.internetFacing();
                case SCHEDULE -> addOn().map(shape.addOns()::contains).orElse(false);
            };
        }

        /** The option of the add-on this asks for, if it asks for one. */
        public Optional<String> addOn() {
            return this == SCHEDULE ? Optional.of("schedule") : Optional.empty();
        }

        /** What a service must have, in words, for messages: e.g. {@code a queue}. */
        public String inWords() {
            return switch (this) {
                case NOTHING -> "nothing";
                case QUEUE -> "a queue (a worker, or a web service with .withQueue())";
                case LOAD_BALANCER -> "a load balancer (a web service)";
                case INTERNET_FACING -> "an internet-facing load balancer";
                case SCHEDULE -> "a schedule";
            };
        }
    }

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
    record Explanation(UnaryOperator<String> whatFired, String checkFirst, Optional<String> noData) {
        Explanation(UnaryOperator<String> whatFired, String checkFirst) {
            this(whatFired, checkFirst, Optional.empty());
        }
    }

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

    /** True for a symptom that may page only with enough traffic ({@link #TRAFFIC_FLOOR}): a ratio or a percentile. */
    public boolean floored() {
        return spec.floored;
    }

    /** True when missing data is itself a finding the monitor notifies ({@code notify_no_data}). */
    public boolean notifiesOnNoData() {
        return spec.notifiesOnNoData;
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
        return spec.needs.metBy(service);
    }

    /** The name used in catalog overrides, addresses and error messages, e.g. {@code queue_backlog}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A message's age as a percentage of how long SQS surely keeps it, over 15 minutes: 100 % is a message
     * deleted unread.
     */
    private static Watch.Metric ageShareOf(Over over, String age, Number keptSeconds) {
        return new Watch.Metric(over, 15, age + " / " + Tokens.text(keptSeconds) + " * 100");
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
        private boolean floored;
        private boolean notifiesOnNoData;

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

        /** A ratio or percentile: pages only with enough traffic. */
        Spec floored() {
            floored = true;
            return this;
        }

        Spec notifiesOnNoData() {
            notifiesOnNoData = true;
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
