package dev.servicekit.catalog;

/**
 * The last-resort escape hatch of a catalog line, run once per environment after servicekit built the
 * service: override any attribute of its resources, or add cdktf constructs of your own beside them.
 *
 * <pre>{@code
 * .customize(service -> {
 *     service.resource("aws_ecs_task_definition", "task")
 *             .addOverride("runtime_platform.cpu_architecture", "ARM64")
 *             .addOverride("runtime_platform.operating_system_family", "LINUX");
 *     new SsmParameter(service.scope(), "queue-url", SsmParameterConfig.builder()
 *             .name("/" + service.environment() + "/orders/queue-url").type("String")
 *             .value(service.resource("aws_sqs_queue", "queue").ref("url")).build());
 * })
 * }</pre>
 */
@FunctionalInterface
public interface Customizer {
    void customize(ServiceResources service);
}
