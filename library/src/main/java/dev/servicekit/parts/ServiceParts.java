package dev.servicekit.parts;

import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.queue.Queue;
import java.util.function.Consumer;

import dev.servicekit.alerting.Signals;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.alerting.ServiceShape;
import dev.servicekit.catalog.Service;
import dev.servicekit.catalog.Customizer;
import dev.servicekit.loadbalancer.LoadBalancer;
import dev.servicekit.loadbalancer.LoadBalancerPart;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.TerraformDocument;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which parts a service is made of, in which order, and their assembly. The kind of service decides the list
 * once: a worker's queue, logs, secrets, identity, task, network access, ECS service, backlog scaling and
 * monitoring; a web service's the same with a load balancer and CPU scaling, and a queue only if its line
 * asks. A line's add-ons (a {@link dev.servicekit.bucket.Bucket}, ...) declare themselves, before the
 * identity part, which grants what they ask for.
 */
public final class ServiceParts {
    private ServiceParts() {}

    /** A service as the environment's overview dashboard lists it. */
    public record Assembled(String name, Signals signals, String dashboardLink) {}

    /**
     * The add-ons a generated module of a service of {@code shape} offers, each behind its inputs: those whose
     * needs the shape meets (a schedule needs a queue: the worker module offers it, the web module does not).
     */
    public static List<AddOn> moduleAddOns(ServiceShape shape) {
        return Service.ADD_ONS.stream().filter(addOn -> addOn.needs().metBy(shape)).toList();
    }

    /**
     * A part written against the service's context alone, as a resource family's slice (the queue) or an add-on is,
     * under {@code name} in its resources' metadata paths.
     */
    private record ContextPart(String name, Consumer<ServiceContext> declaration) implements ServicePart {
        @Override
        public void declare(ServiceAssembly service) {
            declaration.accept(service);
        }
    }

    /**
     * The load balancer slice, written against the service's context alone: its settings, and what it needs of the
     * platform, which the assembly gives it. {@code connectTasks} is false for a retired service's load balancer.
     */
    private record LoadBalancerSlice(LoadBalancer web, boolean connectTasks) implements ServicePart {
        @Override
        public String name() {
            return "load-balancer";
        }

        @Override
        public void declare(ServiceAssembly service) {
            new LoadBalancerPart(web, service.platform().loadBalancerPlatform(), connectTasks).declare(service);
        }
    }

    /** The parts of the service {@code settings} describes, in order. */
    public static List<ServicePart> of(ServiceSettings settings) {
        List<ServicePart> parts = new ArrayList<>();
        settings.queue().ifPresent(options -> parts.add(new ContextPart("queue",
                new Queue(options, settings.isWeb())::declare)));
        parts.add(new LogsPart());
        parts.add(new SecretsPart());
        for (AddOn addOn : settings.addOns().present()) {
            Condition exists = settings.addOns().switchOf(addOn.option());
            parts.add(new ContextPart(addOn.option(), service -> addOn.declare(service, exists)));
        }
        parts.add(new IdentityPart());
        parts.add(new TaskPart());
        parts.add(new NetworkAccessPart());
        settings.web().ifPresent(web -> parts.add(new LoadBalancerSlice(web, true)));
        parts.add(new EcsServicePart());
        parts.add(new ScalingPart(!settings.isWeb() && settings.queue().isPresent()));
        parts.add(new MonitoringPart());
        return parts;
    }

    /**
     * Assembles a service into {@code document}, then runs its line's customizers.
     *
     * @param scope  a cdktf scope for the customizers' own constructs, made only if one asks for it
     * @param module true for a generated module, whose outputs include every ARN
     */
    public static Assembled assemble(ServiceSettings settings, Platform platform, TerraformDocument document,
                                     Supplier<Construct> scope, boolean module) {
        ServiceAssembly assembly = new ServiceAssembly(settings, platform, document, scope, module);
        for (ServicePart part : of(settings)) {
            assembly.enter(part);
            part.declare(assembly);
        }
        settings.identity().renamedFrom().ifPresent(old -> moveFrom(old, settings, assembly, document));
        for (Customizer customizer : settings.customizers()) {
            try {
                customizer.customize(assembly);
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException e) {
                // The user's own code: its message, where it ran, and no trace of servicekit's frames.
                throw new ConfigurationException(List.of(new Problem(settings.identity().where(),
                        "customize", Rules.customizerFailed(e, userFrame(e)))));
            }
        }
        return new Assembled(settings.identity().name(), assembly.signals(), assembly.dashboardLink().orElseThrow());
    }

    /**
     * A renamed service's resources move from their old addresses ({@code <old>_<part>}) to their new ones with
     * {@code moved} blocks: Terraform keeps them (their AWS names are the old name's still) instead of destroying
     * them and creating new ones.
     */
    private static void moveFrom(String old, ServiceSettings settings, ServiceAssembly assembly, TerraformDocument document) {
        String prefix = settings.names().address("");
        for (Block block : assembly.resources()) {
            if (block.kind() == Block.Kind.RESOURCE && block.name().startsWith(prefix)) {
                document.move(block.type() + "." + old + "_" + block.name().substring(prefix.length()), block.address());
            }
        }
    }

    /**
     * What is left of a retired service: its stateful resources released from Terraform without being
     * destroyed ({@code removed} blocks), and, where the environment protects stateful resources, its load
     * balancer with deletion protection lifted, so that removing the line afterwards can delete it.
     */
    public static void retire(ServiceSettings settings, Platform platform, TerraformDocument document) {
        TerraformDocument whole = new TerraformDocument();
        ServiceAssembly full = new ServiceAssembly(settings, platform, whole, () -> {
            throw new IllegalStateException("a retired service has no constructs");
        }, false);
        for (ServicePart part : of(settings)) {
            full.enter(part);
            part.declare(full);
        }
        Predicate<Block> keepsData = block -> block.stateful().map(Stateful::preventDestroy).orElse(false);
        whole.blocks().stream()
                .filter(block -> keepsData.test(block) || block.owner().filter(keepsData).isPresent())
                .forEach(block -> document.release(block.address()));
        Optional<LoadBalancer> web = settings.web();
        // A shared load balancer is the platform's: a retired service has nothing of it to keep.
        if (web.isPresent() && platform.protectStatefulResources() && platform.loadBalancers().shared().isEmpty()) {
            ServiceAssembly kept = new ServiceAssembly(settings, platform.withoutDeletionProtection(), document,
                    () -> {
                        throw new IllegalStateException("a retired service has no constructs");
                    }, false);
            ServicePart loadBalancer = new LoadBalancerSlice(web.get(), false);
            kept.enter(loadBalancer);
            loadBalancer.declare(kept);
        }
    }

    /** Packages whose frames are not the user's: the JDK, jsii, cdktf, and servicekit's own building blocks. */
    private static final List<String> NOT_THE_USERS = List.of("java.", "jdk.", "software.amazon.jsii.",
            "software.constructs.", "com.hashicorp.", Block.class.getPackageName() + ".",
            ServiceParts.class.getPackageName() + ".");

    /**
     * The frame nearest the throw that is the user's: above this class's call of the customizer, and in neither
     * servicekit's resources nor the libraries the customizer called.
     */
    private static java.util.Optional<String> userFrame(RuntimeException e) {
        List<StackTraceElement> frames = List.of(e.getStackTrace());
        int caller = java.util.stream.IntStream.range(0, frames.size())
                .filter(i -> frames.get(i).getClassName().equals(ServiceParts.class.getName()))
                .findFirst().orElse(frames.size());
        return frames.subList(0, caller).stream()
                .filter(frame -> NOT_THE_USERS.stream().noneMatch(frame.getClassName()::startsWith))
                .findFirst().map(frame -> frame.getClassName() + "." + frame.getMethodName() + ", "
                        + frame.getFileName() + ":" + frame.getLineNumber());
    }
}
