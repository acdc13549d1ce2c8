package dev.servicekit.assembly;

import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.Signals;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Stateful;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a part or an add-on sees of the service being assembled in one environment (or one generated module):
 * where it declares its resources, what earlier parts published for it ({@link Handle}s), the roles it grants
 * access to, and where it leaves variables, signals and outputs.
 */
public interface ServiceContext {
    /** The environment, e.g. {@code prod}. */
    String environment();

    /** The environment as AWS names carry it: after the environment's prefix, if any. */
    String awsEnvironment();

    /** The service's name. */
    String name();

    /** The service's name as its AWS names carry it: a renamed line's old name ({@code .renamedFrom}). */
    String awsName();

    /** The service's AWS region, account ID (a reference) and partition. */
    String region();

    String accountId();

    String partition();

    /** Whether the environment protects stateful resources ({@code prevent_destroy}, deletion protection). */
    boolean protectStatefulResources();

    /** The tags every resource of the service carries. */
    Map<String, String> tags();

    /** The Terraform address of the service's resource {@code id}: {@code <service>_<id>} (in a module, {@code <id>}). */
    String address(String id);

    /** Declares a resource from its provider's config struct, at {@link #address(String)}. */
    Block declare(String id, Object config);

    /**
     * Declares a resource built before it was declared (a binding's block, or one another resource refers to
     * first), under {@code id}; its address must be {@link #address(String)}'s.
     */
    Block add(String id, Block block);

    /**
     * Marks a resource stateful: in environments that protect stateful resources it gets {@code prevent_destroy}
     * (when {@code stateful} asks for it), and its metadata says what replacing it would lose.
     */
    void stateful(Block block, Stateful stateful);

    /** A plain environment variable of the container, where {@code when} holds. */
    void environmentVariable(String name, String value, Condition when);

    /** The application's role: what the service's code may do. */
    Role taskRole();

    /** The role ECS starts the task with: pull, log, read secrets. */
    Role executionRole();

    /** Makes {@code handle} available to the parts and add-ons after this one, by its type. */
    void publish(Handle handle);

    /** The ECS service starts tasks only after {@code block} exists (a rule that admits traffic to them, say). */
    void startAfter(Block block);

    /** What Datadog's synthetics test calls from outside: the service's health check behind its load balancer. */
    void endpoint(MonitoredService.Endpoint endpoint);

    /** What an earlier part published of {@code type}, if any. */
    <H extends Handle> Optional<H> find(Class<H> type);

    /**
     * What an earlier part published of {@code type}; otherwise a configuration error naming the environment,
     * the service and {@code field}, the option that needs it (e.g. {@code schedule} needs a queue).
     */
    <H extends Handle> H require(Class<H> type, String field);

    /** Adds to the metric queries the monitors and dashboards read. */
    void signals(UnaryOperator<Signals> contribution);

    /** An output {@code <service>_<name>} (in a module, {@code <name>}). */
    void output(String name, Object value, String description);

    /** An output only a generated module has: the ARNs a caller wires into its own resources. */
    void moduleOutput(String name, Object value, String description);
}
