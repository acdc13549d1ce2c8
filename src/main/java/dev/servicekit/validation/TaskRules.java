package dev.servicekit.validation;

import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.util.List;

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

    static void checkCounts(Problems.Scope scope, int min, int desired, int max) {
        scope.check(min >= 1, "minCount", Rules.needsATask(String.valueOf(min)));
        scope.check(max >= 1, "maxCount", Rules.atLeastOne(String.valueOf(max)));
        scope.check(max <= AwsLimits.ECS_TASKS_PER_SERVICE, "maxCount", Rules.tooManyTasks(String.valueOf(max)));
        scope.check(min <= desired && desired <= max, "desiredCount",
                Rules.badCounts(String.valueOf(min), String.valueOf(desired), String.valueOf(max)));
    }
}
