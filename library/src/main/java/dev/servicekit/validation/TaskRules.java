package dev.servicekit.validation;

import dev.servicekit.environment.TaskDefaults;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A task's size and counts, as Fargate and autoscaling take them. */
final class TaskRules {
    private TaskRules() {}

    /** A Fargate cpu/memory pair AWS offers. */
    static void checkSize(Problems.Scope scope, int cpu, int memory) {
        List<Integer> allowed = AwsLimits.FARGATE_MEMORY_BY_CPU.get(cpu);
        if (allowed == null) {
            scope.add("cpu", Rules.badCpu(String.valueOf(cpu)));
        } else if (!allowed.contains(memory)) {
            scope.add("memory", Rules.badMemory(String.valueOf(memory), String.valueOf(cpu), Rules.describe(allowed)));
        }
    }

    /**
     * An environment's own counts: those that differ from its preset's are the ones its configuration set, so an
     * order problem is reported on one of them.
     */
    static void checkCounts(Problems.Scope scope, TaskDefaults counts, TaskDefaults preset) {
        Set<String> given = new java.util.HashSet<>();
        if (counts.minCount() != preset.minCount()) {
            given.add("minCount");
        }
        if (counts.desiredCount() != preset.desiredCount()) {
            given.add("desiredCount");
        }
        if (counts.maxCount() != preset.maxCount()) {
            given.add("maxCount");
        }
        checkCounts(scope, counts.minCount(), counts.desiredCount(), counts.maxCount(), given);
    }

    /**
     * A line's counts, completed by the environment's: an order problem is reported on a count the line set, and
     * names the counts that came from the environment, which the user did not write.
     *
     * @param given the counts the line set: {@code minCount}, {@code desiredCount}, {@code maxCount}
     */
    static void checkCounts(Problems.Scope scope, int min, int desired, int max, Set<String> given) {
        boolean minSound = scope.check(min >= 1, "minCount", Rules.needsATask(String.valueOf(min)));
        boolean maxSound = scope.check(max >= 1, "maxCount", Rules.atLeastOne(String.valueOf(max)))
                && scope.check(max <= AwsLimits.ECS_TASKS_PER_SERVICE, "maxCount", Rules.tooManyTasks(String.valueOf(max)));
        // A count out of range is reported as that, once: not again as out of order with the others.
        if (!minSound || !maxSound || min <= desired && desired <= max) {
            return;
        }
        List<String> involved = min > max ? List.of("minCount", "maxCount")
                : desired < min ? List.of("desiredCount", "minCount") : List.of("desiredCount", "maxCount");
        String field = involved.stream().filter(given::contains).findFirst().orElse(involved.get(0));
        List<String> inherited = Stream.of("minCount", "desiredCount", "maxCount").filter(c -> !given.contains(c)).toList();
        scope.add(field, Rules.badCounts(String.valueOf(min), String.valueOf(desired), String.valueOf(max))
                + (inherited.isEmpty() ? "" : Rules.countsFromTheEnvironment(inherited)));
    }
}
