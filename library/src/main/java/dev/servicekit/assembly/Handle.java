package dev.servicekit.assembly;

/**
 * Something a part publishes for the parts and add-ons after it ({@link dev.servicekit.queue.QueueHandle}, {@link dev.servicekit.loadbalancer.TargetHandle}):
 * they ask the assembly for it by type ({@link ServiceContext#find}, {@link ServiceContext#require}) instead of
 * looking resources up by name.
 */
public interface Handle {}
