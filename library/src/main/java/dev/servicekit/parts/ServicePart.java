package dev.servicekit.parts;

/**
 * One part of a service (its queue, its logs, its task, its load balancer, ...): it declares its own
 * resources and gives the parts after it what they need of it through the {@link ServiceAssembly}: the IAM
 * statements the task or execution role needs on its resources, the container's environment variables and
 * secrets, what the ECS service must wait for, its outputs, its signals for monitors and dashboards, and
 * which of its resources are stateful. {@link ServiceParts} decides a service's parts and their order.
 */
public interface ServicePart {
    /**
     * The part's name: the middle of its resources' metadata paths. By default the class's name in kebab case
     * without {@code Part} ({@code NetworkAccessPart}: {@code network-access}); changing it moves no resource, but
     * it shows in every metadata path of the snapshots.
     */
    default String name() {
        return getClass().getSimpleName().replaceFirst("Part$", "").replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** Declares the part's resources and contributions. */
    void declare(ServiceAssembly service);
}
