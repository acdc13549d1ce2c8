package dev.servicekit.alerting.simulation;

import dev.servicekit.alerting.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

import static dev.servicekit.alerting.simulation.World.Subject.AGENT_CONTAINER;
import static dev.servicekit.alerting.simulation.World.Subject.AGENT_TASKS;
import static dev.servicekit.alerting.simulation.World.Subject.DEAD_LETTER_QUEUE;
import static dev.servicekit.alerting.simulation.World.Subject.ECS_SERVICE;
import static dev.servicekit.alerting.simulation.World.Subject.LOAD_BALANCER;
import static dev.servicekit.alerting.simulation.World.Subject.QUEUE;
import static dev.servicekit.alerting.simulation.World.Subject.TARGET_GROUP;

/**
 * What each failure does to a service's metrics, minute by minute from its start (minute 0), and when each
 * point reaches Datadog. The assumptions are written here once; the README's timing table is what they give.
 *
 * <p>The service: a worker receives 30 messages a minute by day (2 at night) and processes each at once; a
 * web service serves 40 requests a minute by day (1 at night) plus the synthetics test's 3 (one a minute from
 * each of 3 locations), with a p95 of 0.3 s. Its tasks: as many as desired. A dead-letter queue starts empty and
 * idle for hours, so AWS has stopped its metrics.
 *
 * <p>How points arrive ({@link Timing}): CloudWatch publishes a 1-minute point about 2 minutes after its minute
 * ends; Datadog's AWS crawler fetches every 10 minutes (at the timing's phase) and may queue up to a few minutes
 * more (Datadog, "Cloud Metric Delay": 10 to 12 minutes for 1-minute metrics, up to 5 more with queueing). An
 * SQS queue idle for 6 hours has no metrics, and the first ones after it can take 15 minutes (AWS, SQS
 * CloudWatch metrics). The ECS API's running and desired counts are read at each crawl. ECS service events come
 * with the crawl too. The Datadog Agent's points arrive within the minute. When the AWS integration stops, no
 * crawl happens any more.
 */
public final class ScenarioSeries {
    /** The first minute of data: the longest burn-rate window (24 hours) and its short window before the start. */
    public static final int HISTORY = -1_560;
    /** The last minute replayed. */
    public static final int HORIZON = 240;
    /** Messages a worker receives a minute, by day and at night. */
    static final double MESSAGES_DAY = 30;
    static final double MESSAGES_NIGHT = 2;
    /** Requests a web service serves a minute besides the synthetics test's, by day and at night. */
    static final double REQUESTS_DAY = 40;
    static final double REQUESTS_NIGHT = 1;
    /** The synthetics test's requests a minute: one from each of 3 locations. */
    static final double SYNTHETICS_REQUESTS = 3;
    static final double P95_SECONDS = 0.3;
    static final int MAX_RECEIVE_COUNT = 5;

    /**
     * When the AWS integration's points arrive: the crawler's phase in its 10-minute cycle, and the extra minutes
     * its queueing adds. The simulation replays every failure under several, and keeps the worst.
     */
    public record Timing(int crawlPhase, int queueing) {
        /** The timings replayed: five phases of the crawl, without and with 3 minutes of queueing. */
        public static List<Timing> all() {
            List<Timing> all = new ArrayList<>();
            for (int phase = 0; phase < 10; phase += 2) {
                all.add(new Timing(phase, 0));
                all.add(new Timing(phase, 3));
            }
            return all;
        }
    }

    private ScenarioSeries() {}

    /** {@code scenario} for a web service ({@code web}) or a worker with {@code desiredTasks}, under {@code timing}. */
    public static World world(Scenario scenario, boolean web, int desiredTasks, Timing timing) {
        Builder b = new Builder(timing, scenario == Scenario.INTEGRATION_BROKEN ? 0 : Integer.MAX_VALUE);
        boolean night = scenario == Scenario.IDLE_NIGHT;
        IntPredicate failing = m -> m >= 0;
        // Tasks: how many run, as ECS and the Agent see them.
        IntToDoubleFunction running = switch (scenario) {
            // A replacement task runs for moments, one minute in four.
            case CRASH_LOOP -> m -> !failing.test(m) ? desiredTasks : m % 4 == 0 ? 1 : 0;
            case TASKS_GONE -> m -> failing.test(m) ? 0 : desiredTasks;
            default -> m -> desiredTasks;
        };
        b.ecsApi(ECS_SERVICE, "aws.ecs.service.desired", m -> desiredTasks);
        b.ecsApi(ECS_SERVICE, "aws.ecs.service.running", running);
        b.cloudwatch(ECS_SERVICE, "aws.ecs.service.cpuutilization", m -> running.applyAsDouble(m) > 0 ? 30 : Double.NaN);
        b.cloudwatch(ECS_SERVICE, "aws.ecs.service.memory_utilization", m -> running.applyAsDouble(m) > 0 ? 40 : Double.NaN);
        b.agent(AGENT_TASKS, "ecs.fargate.mem.usage", m -> running.applyAsDouble(m) > 0 ? running.applyAsDouble(m) : Double.NaN);
        b.agent(AGENT_CONTAINER, "ecs.fargate.mem.usage", m -> running.applyAsDouble(m) > 0 ? 400e6 : Double.NaN);
        b.agent(AGENT_CONTAINER, "ecs.fargate.cpu.usage", m -> running.applyAsDouble(m) > 0 ? 1.5e8 : Double.NaN);
        if (scenario == Scenario.TASKS_GONE) {
            // ECS throttles the launches of tasks that never reach RUNNING, and says so.
            for (int m = 3; m <= HORIZON; m += 10) {
                b.event(m, "(service) is unable to consistently start tasks successfully");
            }
        }
        if (web) {
            web(scenario, b, desiredTasks, night, failing, running);
        } else {
            worker(scenario, b, desiredTasks, night, failing);
        }
        return b.build();
    }

    private static void worker(Scenario scenario, Builder b, int tasks, boolean night, IntPredicate failing) {
        double perMinute = night ? MESSAGES_NIGHT : MESSAGES_DAY;
        boolean noConsumer = switch (scenario) {
            case CRASH_LOOP, TASKS_GONE, HUNG_APP -> true;
            default -> false;
        };
        boolean allFail = scenario == Scenario.EVERY_MESSAGE_FAILS;
        String sqs = "aws.sqs.";
        b.cloudwatch(QUEUE, sqs + "approximate_number_of_messages_visible",
                m -> noConsumer && failing.test(m) ? 2 + perMinute * (m + 1) : allFail && failing.test(m) ? perMinute / 2 : 2);
        b.cloudwatch(QUEUE, sqs + "approximate_age_of_oldest_message",
                m -> noConsumer && failing.test(m) ? 10 + 60 * m
                        : allFail && failing.test(m) ? Math.min(10 + 60 * m, 30 * MAX_RECEIVE_COUNT + 10) : 10);
        b.cloudwatch(QUEUE, sqs + "number_of_messages_received",
                m -> noConsumer && failing.test(m) ? 0 : allFail && failing.test(m) ? perMinute * MAX_RECEIVE_COUNT : perMinute);
        b.cloudwatch(QUEUE, sqs + "number_of_empty_receives", m -> noConsumer && failing.test(m) ? 0 : 3 * tasks);
        // Dead letters: every message after its last attempt, or two poison messages on an idle night.
        IntToDoubleFunction deadLetters = switch (scenario) {
            case EVERY_MESSAGE_FAILS -> m -> m < 3 ? 0 : perMinute * (m - 2);
            case IDLE_NIGHT -> m -> m < 20 ? 0 : m < 40 ? 1 : 2;
            default -> m -> 0;
        };
        b.cloudwatch(QUEUE, sqs + "number_of_messages_deleted", m -> noConsumer && failing.test(m) ? 0
                : allFail && failing.test(m) ? 0 : Math.max(0, perMinute - (deadLetters.applyAsDouble(m)
                - deadLetters.applyAsDouble(m - 1))));
        int wakes = firstMinute(deadLetters);
        b.idleQueue(DEAD_LETTER_QUEUE, sqs + "approximate_number_of_messages_visible", deadLetters, wakes);
        b.idleQueue(DEAD_LETTER_QUEUE, sqs + "approximate_age_of_oldest_message",
                m -> deadLetters.applyAsDouble(m) > 0 ? 60.0 * (m - wakes) : 0, wakes);
    }

    private static void web(Scenario scenario, Builder b, int tasks, boolean night, IntPredicate failing,
                            IntToDoubleFunction running) {
        double requests = (night ? REQUESTS_NIGHT : REQUESTS_DAY) + SYNTHETICS_REQUESTS;
        String alb = "aws.applicationelb.";
        Map<String, IntToDoubleFunction> tg = new HashMap<>();
        Map<String, IntToDoubleFunction> lb = new HashMap<>();
        tg.put("request_count", m -> requests);
        tg.put("target_response_time.p95", m -> P95_SECONDS);
        tg.put("healthy_host_count", m -> tasks);
        tg.put("un_healthy_host_count", m -> 0);
        IntPredicate healthy = m -> true;
        switch (scenario) {
            case CRASH_LOOP -> {
                // A task registers for moments, unhealthy: the load balancer tries it (502, connection refused); the
                // rest of the time no target is registered (503).
                IntPredicate registered = m -> !failing.test(m) || running.applyAsDouble(m) > 0;
                tg.put("request_count", m -> !failing.test(m) ? requests : registered.test(m) ? requests : Double.NaN);
                tg.put("healthy_host_count", m -> !failing.test(m) ? tasks : registered.test(m) ? 0 : Double.NaN);
                tg.put("un_healthy_host_count", m -> !failing.test(m) ? 0 : registered.test(m) ? 1 : Double.NaN);
                tg.put("target_response_time.p95", m -> failing.test(m) ? Double.NaN : P95_SECONDS);
                tg.put("target_connection_error_count", m -> failing.test(m) && registered.test(m) ? requests : Double.NaN);
                lb.put("httpcode_elb_502", m -> failing.test(m) && registered.test(m) ? requests : Double.NaN);
                lb.put("httpcode_elb_503", m -> failing.test(m) && !registered.test(m) ? requests : Double.NaN);
                lb.put("httpcode_elb_5xx", m -> failing.test(m) ? requests : Double.NaN);
                healthy = failing.negate();
            }
            case TASKS_GONE, NO_REGISTERED_TARGET -> {
                // No target registered: AWS reports no host counts, and the load balancer answers 503.
                tg.put("request_count", m -> failing.test(m) ? Double.NaN : requests);
                tg.put("healthy_host_count", m -> failing.test(m) ? Double.NaN : tasks);
                tg.put("un_healthy_host_count", m -> failing.test(m) ? Double.NaN : 0);
                tg.put("target_response_time.p95", m -> failing.test(m) ? Double.NaN : P95_SECONDS);
                lb.put("httpcode_elb_503", m -> failing.test(m) ? requests : Double.NaN);
                lb.put("httpcode_elb_5xx", m -> failing.test(m) ? requests : Double.NaN);
                healthy = failing.negate();
            }
            case HUNG_APP -> {
                // Health checks time out: every target unhealthy; the load balancer fails open to them, and every
                // request times out after its idle timeout (504), in the request count as well.
                tg.put("healthy_host_count", m -> m >= 1 ? 0 : tasks);
                tg.put("un_healthy_host_count", m -> m >= 1 ? tasks : 0);
                tg.put("target_response_time.p95", m -> failing.test(m) ? Double.NaN : P95_SECONDS);
                lb.put("httpcode_elb_504", m -> failing.test(m) ? requests : Double.NaN);
                lb.put("httpcode_elb_5xx", m -> failing.test(m) ? requests : Double.NaN);
                healthy = failing.negate();
            }
            case LOAD_BALANCER_504 -> {
                // A dependency hangs: every real request times out; the health check path does not use it.
                double real = requests - SYNTHETICS_REQUESTS;
                lb.put("httpcode_elb_504", m -> failing.test(m) ? real : Double.NaN);
                lb.put("httpcode_elb_5xx", m -> failing.test(m) ? real : Double.NaN);
                tg.put("target_response_time.p95", m -> failing.test(m) ? 0.05 : P95_SECONDS);
            }
            case LATENCY_DOUBLES -> tg.put("target_response_time.p95", m -> failing.test(m) ? 1.2 : 0.6);
            case IDLE_NIGHT -> {
                // Three failed and three slow requests in the hour: with 4 requests a minute, a slow one is the
                // minute's p95.
                tg.put("httpcode_target_5xx", m -> m == 10 || m == 25 || m == 40 ? 1 : Double.NaN);
                tg.put("target_response_time.p95", m -> m == 15 || m == 30 || m == 45 ? 12 : P95_SECONDS);
            }
            default -> { }
        }
        tg.forEach((metric, values) -> b.cloudwatch(TARGET_GROUP, alb + metric, values));
        lb.forEach((metric, values) -> b.cloudwatch(LOAD_BALANCER, alb + metric, values));
        b.healthy(healthy);
    }

    private static int firstMinute(IntToDoubleFunction values) {
        for (int m = 0; m <= HORIZON; m++) {
            if (values.applyAsDouble(m) > 0) {
                return m;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Collects a world's series with their arrival. */
    private static final class Builder {
        private final Timing timing;
        private final int integrationStops;
        private final Map<World.Key, Series> series = new HashMap<>();
        private final List<World.Event> events = new ArrayList<>();
        private IntPredicate healthy = m -> true;

        Builder(Timing timing, int integrationStops) {
            this.timing = timing;
            this.integrationStops = integrationStops;
        }

        /** The first crawl at or after {@code minute}; never once the integration stopped. */
        private int crawl(int minute) {
            int c = minute + Math.floorMod(timing.crawlPhase() - minute, 10);
            return c >= integrationStops ? Integer.MAX_VALUE : c + timing.queueing();
        }

        /** A 1-minute CloudWatch metric: published 2 minutes after its minute ends, fetched by the next crawl. */
        void cloudwatch(World.Subject subject, String metric, IntToDoubleFunction values) {
            put(subject, metric, values, m -> crawl(m + 3));
        }

        /**
         * A queue's metric that AWS stopped while the queue was idle: none before {@code wakes}, and the first
         * 15 minutes' points published only 15 minutes after it.
         */
        void idleQueue(World.Subject subject, String metric, IntToDoubleFunction values, int wakes) {
            put(subject, metric, m -> m < wakes ? Double.NaN : values.applyAsDouble(m),
                    m -> crawl(Math.max(m + 3, m < wakes + 15 ? wakes + 15 : 0)));
        }

        /** A count the crawler reads from the ECS API at each crawl: one point every 10 minutes. */
        void ecsApi(World.Subject subject, String metric, IntToDoubleFunction values) {
            put(subject, metric, m -> Math.floorMod(m - timing.crawlPhase(), 10) == 0 ? values.applyAsDouble(m)
                    : Double.NaN, m -> m >= integrationStops ? Integer.MAX_VALUE : m + 1 + timing.queueing());
        }

        /** The Agent's metric: within the minute. */
        void agent(World.Subject subject, String metric, IntToDoubleFunction values) {
            put(subject, metric, values, m -> m + 1);
        }

        void event(int minute, String text) {
            events.add(new World.Event(minute, crawl(minute + 1), text));
        }

        void healthy(IntPredicate value) {
            healthy = value;
        }

        private void put(World.Subject subject, String metric, IntToDoubleFunction values,
                         java.util.function.IntUnaryOperator arrival) {
            int minutes = HORIZON - HISTORY + 1;
            double[] v = new double[minutes];
            int[] a = new int[minutes];
            for (int i = 0; i < minutes; i++) {
                int m = HISTORY + i;
                v[i] = values.applyAsDouble(m);
                a[i] = arrival.applyAsInt(m);
            }
            series.put(new World.Key(subject, metric), Series.of(HISTORY, v, a));
        }

        World build() {
            return new World(series, events, healthy, HORIZON, HISTORY);
        }
    }
}
