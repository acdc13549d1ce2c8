package dev.servicekit.environment;

/**
 * An environment's defaults for every service's tasks; a catalog line may override each.
 *
 * @param cpu     Fargate cpu units
 * @param memory  MiB, a size AWS pairs with {@code cpu}
 * @param minCount autoscaling's floor
 * @param desiredCount tasks at deploy time
 * @param maxCount autoscaling's ceiling
 */
public record TaskDefaults(int cpu, int memory, int minCount, int desiredCount, int maxCount) {}
