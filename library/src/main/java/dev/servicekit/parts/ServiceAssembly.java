package dev.servicekit.parts;

import dev.servicekit.assembly.Contribution;
import dev.servicekit.assembly.Handle;
import dev.servicekit.assembly.Role;
import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.rules.Rules;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.Signals;
import dev.servicekit.catalog.ServiceResources;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.TerraformDocument;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One service being assembled from its parts in one environment (or one module): where parts declare their
 * resources and leave what later parts consume. Parts run in the order {@link ServiceParts} gives; each
 * reads only what earlier parts left.
 */
public final class ServiceAssembly implements ServiceContext, ServiceResources {
    private final ServiceSettings settings;
    private final Platform platform;
    private final TerraformDocument document;
    private final Supplier<Construct> scope;
    private final boolean module;
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Map<String, Contribution<String>> variables = new TreeMap<>();
    private final List<Object> secrets = new ArrayList<>();
    private final Role taskRole = new Role();
    private final Role executionRole = new Role();
    private final List<Block> startAfter = new ArrayList<>();
    private final Map<Class<? extends Handle>, Handle> handles = new LinkedHashMap<>();
    private Signals signals;
    private Optional<MonitoredService.Endpoint> endpoint = Optional.empty();
    private Optional<String> dashboardLink = Optional.empty();
    private String part = "service";
    private Construct construct;

    /**
     * @param scope  a cdktf scope for the service's customizers, made on first use
     * @param module true when assembling a generated module, whose outputs include every ARN
     */
    ServiceAssembly(ServiceSettings settings, Platform platform, TerraformDocument document, Supplier<Construct> scope,
                    boolean module) {
        this.settings = settings;
        this.platform = platform;
        this.document = document;
        this.scope = scope;
        this.module = module;
        this.signals = Signals.of(settings.names().ecsService(), platform.cluster().name());
    }

    public ServiceSettings settings() {
        return settings;
    }

    public Platform platform() {
        return platform;
    }

    public ServiceNames names() {
        return settings.names();
    }

    @Override
    public String awsName() {
        return names().service();
    }

    @Override
    public String awsEnvironment() {
        return settings.identity().awsEnvironment();
    }

    @Override
    public String region() {
        return platform.account().region();
    }

    @Override
    public String accountId() {
        return platform.account().id();
    }

    @Override
    public String partition() {
        return platform.account().partition();
    }

    @Override
    public boolean protectStatefulResources() {
        return platform.protectStatefulResources();
    }

    @Override
    public Map<String, String> tags() {
        return settings.tags();
    }

    @Override
    public String address(String id) {
        return names().address(id);
    }

    void enter(ServicePart next) {
        part = next.name();
    }

    /** Declares a resource from its provider's config struct, at the service's address {@code <service>_<id>}. */
    @Override
    public Block declare(String id, Object config) {
        return add(id, Block.resource(names().address(id), config));
    }

    /** Declares a resource built by a binding (Datadog's), registered under {@code id}. */
    public Block add(String id, Block block) {
        block.path(settings.identity().addressPrefix().map(prefix -> prefix + "/").orElse("") + part + "/" + id);
        document.add(block);
        blocks.put(id, block);
        return block;
    }

    /** A local value of the configuration, for expressions a part writes once and uses in several places. */
    public dev.servicekit.terraform.Expression local(String name, Object value) {
        document.local(name, value);
        return dev.servicekit.terraform.Expression.of("local." + name);
    }

    /**
     * Marks a resource stateful: in environments that protect stateful resources it gets {@code prevent_destroy}
     * (when {@code stateful} asks for it), and its metadata says what replacing it would lose.
     */
    @Override
    public void stateful(Block block, Stateful stateful) {
        if (stateful.preventDestroy()) {
            block.addOverride("lifecycle.prevent_destroy", platform.protectStatefulResources());
        }
        block.stateful(stateful);
    }

    /** A plain environment variable of the container. */
    public void environmentVariable(String name, String value) {
        environmentVariable(name, value, Condition.ALWAYS);
    }

    /** A plain environment variable of the container, where {@code when} holds. */
    @Override
    public void environmentVariable(String name, String value, Condition when) {
        if (when.never()) {
            return;
        }
        if (variables.putIfAbsent(name, new Contribution<>(value, when)) != null) {
            throw new IllegalStateException(settings.identity().name() + ": two parts set the environment variable "
                    + name);
        }
    }

    Map<String, Contribution<String>> environmentVariables() {
        return variables;
    }

    /**
     * A secret of the container: a {@code {name, valueFrom}} map, or an expression of a list of them (a module's
     * input). The part that contributes it also grants the execution role its read.
     */
    public void containerSecret(Object secret) {
        secrets.add(secret);
    }

    List<Object> containerSecrets() {
        return secrets;
    }

    /** The application's role: what the service's code may do. */
    @Override
    public Role taskRole() {
        return taskRole;
    }

    /** The role ECS starts the task with: pull, log, read secrets. */
    @Override
    public Role executionRole() {
        return executionRole;
    }

    /** The ECS service starts tasks only after {@code block} exists. */
    @Override
    public void startAfter(Block block) {
        startAfter.add(block);
    }

    List<Block> startAfter() {
        return startAfter;
    }

    @Override
    public void publish(Handle handle) {
        if (handles.putIfAbsent(handle.getClass(), handle) != null) {
            throw new IllegalStateException(settings.identity().name() + ": two parts publish a "
                    + handle.getClass().getSimpleName());
        }
    }

    @Override
    public <H extends Handle> Optional<H> find(Class<H> type) {
        return Optional.ofNullable(handles.get(type)).map(type::cast);
    }

    @Override
    public <H extends Handle> H require(Class<H> type, String field) {
        return find(type).orElseThrow(() -> new ConfigurationException(List.of(new Problem(settings.identity().where(),
                field, Rules.needsWhatTheServiceLacks(field, "the service's " + type.getSimpleName()
                + " (it has " + handles.keySet().stream().map(Class::getSimpleName).sorted().toList() + ")")))));
    }

    /** Adds to the metric queries the monitors and dashboards read. */
    @Override
    public void signals(UnaryOperator<Signals> contribution) {
        signals = contribution.apply(signals);
    }

    public Signals signals() {
        return signals;
    }

    /** What Datadog's synthetics test calls from outside. */
    @Override
    public void endpoint(MonitoredService.Endpoint value) {
        endpoint = Optional.of(value);
    }

    public Optional<MonitoredService.Endpoint> endpoint() {
        return endpoint;
    }

    public void dashboardLink(String link) {
        dashboardLink = Optional.of(link);
    }

    /** The service's dashboard, once the monitoring part made it. */
    public Optional<String> dashboardLink() {
        return dashboardLink;
    }

    /** An output {@code <service>_<name>} (in a module, {@code <name>}). */
    @Override
    public void output(String name, Object value, String description) {
        String address = names().address(name);
        document.output(new TerraformDocument.Output(address, value, description,
                settings.identity().addressPrefix().map(prefix -> prefix + "/").orElse("") + name));
    }

    /** An output only a generated module has: the ARNs a caller wires into its own resources. */
    @Override
    public void moduleOutput(String name, Object value, String description) {
        if (module) {
            output(name, value, description);
        }
    }

    @Override
    public String environment() {
        return settings.identity().environment();
    }

    @Override
    public String name() {
        return settings.identity().name();
    }

    @Override
    public Block resource(String type, String part) {
        String name = names().address(part);
        return blocks.values().stream().filter(b -> b.type().equals(type) && b.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException(List.of(new Problem(settings.identity().where(),
                        "customize", "the service has no " + type + "." + name + "; its resources are "
                        + blocks.values().stream().map(Block::address).sorted().toList()))));
    }

    @Override
    public List<Block> resources() {
        return List.copyOf(blocks.values());
    }

    @Override
    public Construct scope() {
        if (construct == null) {
            construct = scope.get();
        }
        return construct;
    }
}
