package dev.servicekit.settings;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.catalog.Access;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Customizer;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.loadbalancer.LoadBalancer;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.queue.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.environment.TaskDefaults;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A catalog line resolved for one environment: the line's values where it sets them, the environment's
 * defaults elsewhere. This is what a service's parts build from. Each value is either known (a stack) or a
 * Terraform expression (a generated module's input): numbers through {@link Expression#number()}, strings as
 * interpolations, lists and maps through {@link Expression#list()} and {@link Expression#map()}, yes-or-no
 * decisions as a {@link Condition}. User text in it is already escaped for Terraform ({@link Hcl#literal}).
 * Built from a line by {@link #resolve}, the one place that copies a line's values.
 *
 * @param identity         the service's names, owner, runbook and tags
 * @param container        the container the tasks run
 * @param capacity         the task size and counts
 * @param logRetentionDays days CloudWatch Logs keeps the service's logs: the line's, else the environment's
 * @param web              port, health check and load balancer of a web service; empty for a worker
 * @param queue            the queue's options; empty without a queue
 * @param alerting         where and how urgently the service's monitors notify, its SLO, its synthetics test
 * @param monitors         the monitors that apply to this service and are on, with their thresholds
 * @param access           the task role's extra permissions and the tasks' extra network rules, escaped
 * @param addOns           the line's add-ons and when each exists
 * @param datadogAgent     the Datadog Agent beside each task, if the service runs it
 * @param customizers      escape hatches run on the built service, in order
 */
public record ServiceSettings(Identity identity, Container container, Capacity capacity, Number logRetentionDays,
                              Optional<LoadBalancer> web, Optional<QueueOptions> queue, Alerting alerting,
                              Map<MonitorKind, Thresholds> monitors, Access access, AddOns addOns,
                              Optional<DatadogAgent> datadogAgent, List<Customizer> customizers) {

    /** An image in a private ECR repository: account, region, repository, then a tag or digest. */
    public static final Pattern PRIVATE_ECR_IMAGE = Pattern.compile(
            "([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");

    /**
     * Who the service is and how its AWS names, addresses and tags derive.
     *
     * @param environment    the environment's name, e.g. {@code prod}
     * @param awsEnvironment the start of every AWS name of the service: the environment's name after its
     *                       prefix if it has one ({@code acme-prod})
     * @param name           the service's name
     * @param owner          the owning team, tagged on every resource
     * @param renamedFrom    the service's old name, which its AWS names keep; its addresses are its new name's
     * @param runbookUrl     linked from every monitor's message and the dashboard: the line's, else the
     *                       environment's; none when neither has one
     * @param addressPrefix  prefix of every Terraform address of the service: its name in a stack, which holds
     *                       many services; none in a generated module, which holds one
     * @param extraTags      tags added to the four servicekit sets (a module's {@code tags} input); none for a line
     */
    public record Identity(String environment, String awsEnvironment, String name, String owner,
                           Optional<String> renamedFrom, Optional<String> runbookUrl, Optional<String> addressPrefix,
                           Map<String, String> extraTags) {
        public Identity {
            extraTags = extraTags instanceof Expression.ExpressionMap ? extraTags : Map.copyOf(extraTags);
        }

        /** {@code <environment>/<service>}: where a problem about the service in its environment is reported. */
        public String where() {
            return environment + "/" + name;
        }
    }

    /**
     * The container each task runs.
     *
     * @param image           the container image
     * @param privateEcrImage whether the image is in a private ECR repository, whose pulls need ECR's read policy
     * @param command         the container command; empty for the image's own
     * @param variables       plain environment variables of the line
     * @param secrets         names of the line's secrets, read by ECS from SSM under {@code /<env>/<service>/}
     * @param secretKmsKeys   the customer-managed KMS key of each secret under one (the line's, or the
     *                        environment's default), by secret; a secret not here is under the AWS-managed aws/ssm
     * @param writablePaths   directories the container may write to, each an ephemeral volume
     * @param readonlyRootFilesystem whether the container's root filesystem is read-only
     */
    public record Container(String image, Condition privateEcrImage, List<String> command,
                            Map<String, String> variables, List<String> secrets, Map<String, String> secretKmsKeys,
                            List<String> writablePaths, Condition readonlyRootFilesystem) {
        public Container {
            command = command instanceof Expression.ExpressionList ? command : List.copyOf(command);
            variables = variables instanceof Expression.ExpressionMap ? variables
                    : Collections.unmodifiableSortedMap(new TreeMap<>(variables));
            secrets = secrets instanceof Expression.ExpressionList ? secrets : secrets.stream().sorted().toList();
            secretKmsKeys = secretKmsKeys instanceof Expression.ExpressionMap ? secretKmsKeys
                    : Collections.unmodifiableSortedMap(new TreeMap<>(secretKmsKeys));
            writablePaths = writablePaths instanceof Expression.ExpressionList ? writablePaths
                    : List.copyOf(writablePaths);
        }
    }

    /**
     * How big each task is and how many run; each the line's, else the environment's.
     *
     * @param cpu          Fargate CPU units of a task
     * @param memory       a task's memory in MiB
     * @param minCount     the fewest tasks autoscaling keeps
     * @param desiredCount the tasks at deployment
     * @param maxCount     the most tasks autoscaling starts
     */
    public record Capacity(Number cpu, Number memory, Number minCount, Number desiredCount, Number maxCount) {
    }

    /**
     * The line's add-ons and when each exists.
     *
     * @param present  the add-ons of the line (a module's: every add-on its kind may have)
     * @param switches by add-on option, when the add-on exists: a generated module's boolean input; an add-on
     *                 without a switch always does (a stack's line)
     */
    public record AddOns(List<AddOn> present, Map<String, Condition> switches) {
        public AddOns {
            present = List.copyOf(present);
            switches = Map.copyOf(switches);
        }

        /** When the add-on of {@code option} exists: always for a line's, as its module's input says for a module's. */
        public Condition switchOf(String option) {
            return switches.getOrDefault(option, Condition.ALWAYS);
        }
    }

    public ServiceSettings {
        EnumMap<MonitorKind, Thresholds> sorted = new EnumMap<>(MonitorKind.class);
        sorted.putAll(monitors);
        monitors = Collections.unmodifiableMap(sorted);
        customizers = List.copyOf(customizers);
    }

    /**
     * The environment's Datadog Agent for a line: where the environment has one, when the line asks for it or,
     * saying nothing, when the environment gives it to every service.
     */
    public static Optional<DatadogAgent> agentOf(Overrides line, Environment env) {
        return env.monitoring().datadogAgent()
                .filter(agent -> line.datadogAgent().orElse(agent.everyService()));
    }

    /** The line {@code spec} in {@code env}. */
    public static ServiceSettings resolve(ServiceSpec spec, Environment env) {
        Overrides o = spec.overridesFor(env.name());
        Map<MonitorKind, Thresholds> monitors = new EnumMap<>(MonitorKind.class);
        for (MonitorKind kind : MonitorKind.values()) {
            Optional<Thresholds> chosen = o.alerts().monitors().containsKey(kind)
                    ? o.alerts().monitors().get(kind)
                    : Optional.ofNullable(env.monitoring().thresholds().get(kind));
            if (kind.appliesTo(spec.shape())) {
                chosen.ifPresent(t -> monitors.put(kind, t));
            }
        }
        Optional<LoadBalancer> web = Optional.empty();
        if (spec.kind() instanceof ServiceKind.Web w) {
            Optional<String> certificate = o.https().certificateArn().or(env::certificateArn);
            // A shared load balancer serves the environment's certificate, or the wildcard one its platform requests.
            boolean https = env.loadBalancing() instanceof LoadBalancing.Shared shared
                    ? env.certificateArn().isPresent() || shared.hostedZoneId().isPresent() : certificate.isPresent();
            web = Optional.of(new LoadBalancer(w.port(), w.healthCheck().toBuilder().path(Hcl.literal(w.healthCheck().path()))
                    .build(), Condition.of(w.internal()), certificate, Condition.of(https), w.sharedLoadBalancer()));
        }
        MonitoringDefaults monitoring = env.monitoring();
        AlertRouting routing = monitoring.routing();
        routing = o.alerts().notifyHandle().map(routing::withNotifyHandle).orElse(routing);
        routing = o.alerts().pageHandle().map(routing::withPageHandle).orElse(routing);
        Alerting alerting = new Alerting(routing, monitoring.evaluationDelaySeconds(),
                Alerting.appUrlOf(monitoring.datadogApiUrl()),
                spec.isWeb() ? o.alerts().slo().orElse(monitoring.slo()) : monitoring.slo(), monitoring.synthetics());
        ServiceSpec.Container line = spec.container();
        Map<String, String> variables = new TreeMap<>();
        line.variables().forEach((key, value) -> variables.put(key, Hcl.literal(value)));
        Map<String, String> secretKmsKeys = new TreeMap<>();
        for (String secret : line.secrets()) {
            Optional.ofNullable(line.secretKmsKeys().get(secret)).or(env::secretsKmsKeyArn)
                    .ifPresent(key -> secretKmsKeys.put(secret, key));
        }
        Identity identity = new Identity(env.name(), env.awsName(), spec.name(), spec.owner(), spec.renamedFrom(),
                spec.runbookUrl().or(() -> monitoring.runbook()).map(Hcl::literal), Optional.of(spec.name()),
                Map.of());
        Container container = new Container(Hcl.literal(line.image()),
                Condition.of(PRIVATE_ECR_IMAGE.matcher(line.image()).matches()),
                line.command().stream().map(Hcl::literal).toList(), variables, line.secrets(), secretKmsKeys,
                line.writablePaths(), Condition.of(line.readonlyRootFilesystem()));
        TaskDefaults tasks = env.tasks();
        Capacity capacity = new Capacity(o.size().map(Fargate.TaskSize::cpu).orElse(tasks.cpu()),
                o.size().map(Fargate.TaskSize::memoryMiB).orElse(tasks.memory()),
                o.counts().min().orElse(tasks.minCount()), o.counts().desired().orElse(tasks.desiredCount()),
                o.counts().max().orElse(tasks.maxCount()));
        Access access = new Access(spec.access().taskPolicies().stream().map(ServiceSettings::literal).toList(),
                spec.access().ingress().stream().map(ServiceSettings::literal).toList(),
                spec.access().egress().stream().map(ServiceSettings::literal).toList());
        return new ServiceSettings(identity, container, capacity,
                o.logRetentionDays().orElse(env.logRetentionDays()), web, spec.queue(), alerting, monitors, access,
                new AddOns(spec.addOns(), Map.of()), agentOf(o, env), spec.customizers());
    }

    /** IAM policy variables such as {@code ${aws:username}} are the policy's, not Terraform's. */
    private static IamStatement literal(IamStatement statement) {
        return new IamStatement(statement.actions().stream().map(Hcl::literal).toList(),
                statement.resources().stream().map(Hcl::literal).toList());
    }

    private static NetworkRule literal(NetworkRule rule) {
        return new NetworkRule(rule.protocol(), rule.fromPort(), rule.toPort(), rule.cidr().map(Hcl::literal),
                rule.securityGroupId().map(Hcl::literal), Hcl.literal(rule.description()));
    }

    public ServiceNames names() {
        return new ServiceNames(identity.awsEnvironment(), identity.renamedFrom().orElse(identity.name()),
                identity.addressPrefix());
    }

    public boolean isWeb() {
        return web.isPresent();
    }

    /** The tags on every resource of this service: service, environment, owner, managed-by, and any extra. */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>(Map.of("service", identity.name(), "environment",
                identity.environment(), "owner", identity.owner(), "managed-by", Catalog.MANAGED_BY));
        if (identity.extraTags() instanceof Expression.ExpressionMap extra) {
            return Expression.of(Hcl.render(tags)).call("merge", extra.expression().hcl()).map();
        }
        tags.putAll(identity.extraTags());
        return tags;
    }
}
