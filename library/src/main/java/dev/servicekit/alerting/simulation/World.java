package dev.servicekit.alerting.simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What one failure of one service looks like to Datadog: its metrics as they arrive, the ECS events, and
 * whether its health check answers from outside, minute by minute. Built by {@link ScenarioSeries}.
 *
 * @param series     each metric of the service, by what it is about and its Datadog name
 * @param events     the ECS service events, in time order
 * @param healthy    whether the health check answers (below 400) at a minute, from Datadog's locations
 * @param horizon    the last minute the failure is replayed to
 * @param history    the first minute of data (the burn-rate alerts' long windows reach back a day)
 */
public record World(Map<Key, Series> series, List<Event> events, IntPredicate healthy, int horizon, int history) {

    /** What a metric's tags select: the service's queue, its dead-letter queue, its ECS service, ... */
    public enum Subject {
        QUEUE, DEAD_LETTER_QUEUE, ECS_SERVICE, TARGET_GROUP, LOAD_BALANCER,
        /** The application container in each task, as the Datadog Agent sees it. */
        AGENT_CONTAINER,
        /** The Agent's series of the application container, one per task ({@code by {task_arn}}): how many report. */
        AGENT_TASKS
    }

    /** A metric of a subject: {@code aws.sqs.approximate_number_of_messages_visible} of the queue. */
    public record Key(Subject subject, String metric) {}

    /** An ECS service event: its text, when it happened and when Datadog has it. */
    public record Event(int minute, int arrival, String text) {}

    public World {
        series = Map.copyOf(series);
        events = List.copyOf(events);
    }

    public Optional<Series> find(Subject subject, String metric) {
        return Optional.ofNullable(series.get(new Key(subject, metric)));
    }
}
