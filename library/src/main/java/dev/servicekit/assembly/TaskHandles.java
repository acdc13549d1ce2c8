package dev.servicekit.assembly;

import dev.servicekit.terraform.Block;

/**
 * The handles of a service's task and what it runs with, each published by the part that declares it.
 */
public final class TaskHandles {
    private TaskHandles() {}

    /** The service's CloudWatch log group (the logs part). */
    public record LogGroup(Block logGroup) implements Handle {}

    /** The role ECS starts the task with and the application's role (the identity part). */
    public record Roles(Block executionRole, Block taskRole) implements Handle {}

    /** The security group of the service's tasks (the network access part). */
    public record SecurityGroup(Block group) implements Handle {}

    /** The task definition (the task part). */
    public record TaskDefinition(Block taskDefinition) implements Handle {}

    /** The ECS service (the ECS service part). */
    public record EcsService(Block service) implements Handle {}
}
