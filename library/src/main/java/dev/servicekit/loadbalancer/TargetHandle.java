package dev.servicekit.loadbalancer;

import dev.servicekit.assembly.Handle;

import dev.servicekit.terraform.Block;

import java.util.List;

/**
 * Where the load balancer sends the service's traffic, published by the load balancer part: the ECS service
 * registers its tasks with {@code targetGroup} on {@code port} once the {@code listeners} exist.
 */
public record TargetHandle(Block targetGroup, Number port, List<Block> listeners) implements Handle {}
