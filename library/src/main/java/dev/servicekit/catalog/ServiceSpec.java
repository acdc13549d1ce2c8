package dev.servicekit.catalog;

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
 * @param image          the container image
 * @param kind           worker or web service
 * @param owner          the owning team, tagged on every resource; default {@value Service#DEFAULT_OWNER}
 * @param command        the container command; empty means the image's own
 * @param variables      plain environment variables (never secrets)
 * @param secrets        names of secrets read at start from SSM Parameter Store under
 *                       {@code /<env>/<service>/<NAME>}; their values never enter configuration. Kept
 *                       sorted, so reordering them changes nothing in the synthesized Terraform
 * @param queue          the queue and dead-letter queue; always present for workers
 * @param runbookUrl     linked from every monitor's message and the dashboard
 * @param common         overrides for every environment
 * @param perEnvironment overrides for one environment, by environment name; they beat {@code common}
 * @param retired        the service is being retired: its data stays in AWS, released from Terraform
 *                       ({@link Service#retire()})
 * @param addOns         what the line adds beyond its kind, e.g. a {@link dev.servicekit.bucket.Bucket Bucket}
 * @param taskPolicies   extra permissions of the task role
 * @param ingress        extra rules admitting traffic to the tasks
 * @param egress         extra rules letting the tasks reach out
 * @param customizers    escape hatches run on the built service, in order
 * @param writablePaths  directories the container may write to, each an ephemeral volume
 * @param readonlyRootFilesystem whether the container's root filesystem is read-only; default true
 * @param secretKmsKeys  the customer-managed KMS key of each secret that names one, by secret
 * @param renamedFrom    the service's name until it was renamed, which its AWS names keep
 */
public record ServiceSpec(String name, String image, ServiceKind kind, String owner, List<String> command,
                          Map<String, String> variables, List<String> secrets, Optional<QueueOptions> queue,
                          Optional<String> runbookUrl, Overrides common, Map<String, Overrides> perEnvironment,
                          boolean retired, List<AddOn> addOns, List<IamStatement> taskPolicies,
                          List<NetworkRule> ingress, List<NetworkRule> egress, List<Customizer> customizers,
                          List<String> writablePaths, boolean readonlyRootFilesystem,
                          Map<String, String> secretKmsKeys, Optional<String> renamedFrom) {

    public ServiceSpec {
        command = List.copyOf(command);
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        secrets = secrets.stream().sorted().toList();
        perEnvironment = Collections.unmodifiableSortedMap(new TreeMap<>(perEnvironment));
        addOns = List.copyOf(addOns);
        taskPolicies = List.copyOf(taskPolicies);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        customizers = List.copyOf(customizers);
        writablePaths = List.copyOf(writablePaths);
        secretKmsKeys = Collections.unmodifiableSortedMap(new TreeMap<>(secretKmsKeys));
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
