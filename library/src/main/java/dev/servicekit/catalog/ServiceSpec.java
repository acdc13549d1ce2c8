package dev.servicekit.catalog;

import dev.servicekit.queue.QueueOptions;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.alerting.ServiceShape;

import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog line, as declared: the same in every environment, with the line's overrides.
 * Built by {@link Service}.
 *
 * @param name           the service name: lowercase letters, digits and inner hyphens
 * @param container      the container: image, command, variables, secrets and filesystem
 * @param kind           worker or web service
 * @param owner          the owning team, tagged on every resource; default {@value Service#DEFAULT_OWNER}
 * @param queue          the queue and dead-letter queue; always present for workers
 * @param runbookUrl     linked from every monitor's message and the dashboard; default none (the environment's)
 * @param common         overrides for every environment
 * @param perEnvironment overrides for one environment, by environment name; they beat {@code common}
 * @param retired        the service is being retired: its data stays in AWS, released from Terraform
 *                       ({@link Service#retire()})
 * @param addOns         what the line adds beyond its kind, e.g. a {@link dev.servicekit.bucket.Bucket}; default none
 * @param access         extra permissions of the task role and network rules of the tasks; default none
 * @param customizers    escape hatches run on the built service, in order; default none
 * @param renamedFrom    the service's name until it was renamed, which its AWS names keep
 */
public record ServiceSpec(String name, Container container, ServiceKind kind, String owner,
                          Optional<QueueOptions> queue, Optional<String> runbookUrl, Overrides common,
                          Map<String, Overrides> perEnvironment, boolean retired, List<AddOn> addOns, Access access,
                          List<Customizer> customizers, Optional<String> renamedFrom) {

    public ServiceSpec {
        perEnvironment = Collections.unmodifiableSortedMap(new TreeMap<>(perEnvironment));
        addOns = List.copyOf(addOns);
        customizers = List.copyOf(customizers);
    }

    /**
     * The line's container, as declared.
     *
     * @param image          the container image
     * @param command        the container command; empty (the default) means the image's own
     * @param variables      plain environment variables (never secrets); default none
     * @param secrets        names of secrets read at start from SSM Parameter Store under
     *                       {@code /<env>/<service>/<NAME>}; their values never enter configuration. Kept
     *                       sorted, so reordering them changes nothing in the synthesized Terraform
     * @param secretKmsKeys  the customer-managed KMS key of each secret that names one, by secret
     * @param writablePaths  directories the container may write to, each an ephemeral volume; default none
     * @param readonlyRootFilesystem whether the container's root filesystem is read-only; default true
     */
    public record Container(String image, List<String> command, Map<String, String> variables, List<String> secrets,
                            Map<String, String> secretKmsKeys, List<String> writablePaths,
                            boolean readonlyRootFilesystem) {
        public Container {
            command = List.copyOf(command);
            variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
            secrets = secrets.stream().sorted().toList();
            secretKmsKeys = Collections.unmodifiableSortedMap(new TreeMap<>(secretKmsKeys));
            writablePaths = List.copyOf(writablePaths);
        }
    }

    /** The name every AWS name of the service derives from: its old one if it was renamed. */
    public String awsName() {
        return renamedFrom.orElse(name);
    }

    /** The line's add-on of {@code type}, if it has one. */
    public <T extends AddOn> Optional<T> addOn(Class<T> type) {
        return addOns.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The overrides in force in {@code environment}. */
    public Overrides overridesFor(String environment) {
        return common.overriddenBy(perEnvironment.getOrDefault(environment, Overrides.NONE));
    }

    public boolean isWeb() {
        return kind instanceof ServiceKind.Web;
    }

    /** What the service has that monitors watch: its queue, its load balancer and whether the internet reaches it. */
    public ServiceShape shape() {
        ServiceShape shape = (queue.isPresent() ? ServiceShape.BARE.withQueue() : ServiceShape.BARE)
                .withAddOns(addOns.stream().map(AddOn::option).toList());
        return kind instanceof ServiceKind.Web web ? shape.withLoadBalancer(!web.internal()) : shape;
    }
}
