package dev.servicekit.settings;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Customizer;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A catalog line resolved for one environment: the line's values where it sets them, the environment's
 * defaults elsewhere. This is what a service's parts build from. Each value is either known (a stack) or a
 * Terraform expression (a generated module's input): numbers through {@link Expression#number()}, strings as
 * interpolations, lists and maps through {@link Expression#list()} and {@link Expression#map()}, yes-or-no
 * decisions as a {@link Condition}. User text in it is already escaped for Terraform ({@link Hcl#literal}).
 * Built with {@link #resolve} or {@link #builder}.
 *
 * @param environment    the environment's name, e.g. {@code prod}
 * @param awsEnvironment the start of every AWS name of the service: the environment's name after its
 *                       prefix if it has one ({@code acme-prod})
 * @param web            port, health check and load balancer of a web service; empty for a worker
 * @param command        the container command; empty for the image's own
 * @param variables      plain environment variables of the line
 * @param secrets        names of the line's secrets, read by ECS from SSM under {@code /<env>/<service>/}
 * @param queue          the queue's options; empty without a queue
 * @param alerting       where and how urgently the service's monitors notify, its SLO, its synthetics test
 * @param monitors       the monitors that apply to this service and are on, with their thresholds
 * @param addressPrefix  prefix of every Terraform address of the service: its name in a stack, which holds
 *                       many services; none in a generated module, which holds one
 * @param extraTags      tags added to the four servicekit sets (a module's {@code tags} input)
 * @param privateEcrImage whether the image is in a private ECR repository, whose pulls need ECR's read policy
 * @param addOnSwitches  by add-on option, when the add-on exists: a generated module's boolean input; an add-on
 *                       without a switch always does (a stack's line)
 * @param writablePaths  directories the container may write to, each an ephemeral volume
 * @param readonlyRootFilesystem whether the container's root filesystem is read-only
 * @param datadogAgent   the Datadog Agent beside each task, if the service runs it
 * @param secretKmsKeys  the customer-managed KMS key of each secret under one (the line's, or the
 *                       environment's default), by secret; a secret not here is under the AWS-managed aws/ssm
 * @param renamedFrom    the service's old name, which its AWS names keep; its addresses are its new name's
 */
public record ServiceSettings(String environment, String awsEnvironment, String name, String image, String owner,
                              Optional<Web> web, List<String> command, Map<String, String> variables,
                              List<String> secrets, Optional<QueueOptions> queue, Number cpu, Number memory,
                              Number minCount, Number desiredCount, Number maxCount, Number logRetentionDays,
                              Optional<String> runbookUrl, Alerting alerting, Map<MonitorKind, Thresholds> monitors,
                              Optional<String> addressPrefix, Map<String, String> extraTags,
                              Condition privateEcrImage, List<AddOn> addOns, List<IamStatement> taskPolicies,
                              List<NetworkRule> ingress, List<NetworkRule> egress, List<Customizer> customizers,
                              Map<String, Condition> addOnSwitches, List<String> writablePaths,
                              Condition readonlyRootFilesystem, Optional<DatadogAgent> datadogAgent,

                              Map<String, String> secretKmsKeys, Optional<String> renamedFrom) {

    /** An image in a private ECR repository: account, region, repository, then a tag or digest. */
    public static final Pattern PRIVATE_ECR_IMAGE = Pattern.compile(
            "([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");

    /**
     * A web service's settings.
     *
     * @param internal       an internal load balancer (in the task subnets, the VPC only) instead of an
     *                       internet-facing one
     * @param certificateArn the HTTPS listener's certificate, when {@code https} holds
     * @param https          HTTPS with a redirect from HTTP; plain HTTP otherwise
     * @param sharedLoadBalancer where the environment shares load balancers, which of its scheme's the service uses
     */
    public record Web(Number port, HealthCheck healthCheck, Condition internal, Optional<String> certificateArn,
                      Condition https, int sharedLoadBalancer) {
        /** A web service on a load balancer of its own. */
        public Web(Number port, HealthCheck healthCheck, Condition internal, Optional<String> certificateArn,
                   Condition https) {
            this(port, healthCheck, internal, certificateArn, https, 0);
        }
    }

    public ServiceSettings {
        command = command instanceof Expression.ExpressionList ? command : List.copyOf(command);
        variables = variables instanceof Expression.ExpressionMap ? variables
                : Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        secrets = secrets instanceof Expression.ExpressionList ? secrets : secrets.stream().sorted().toList();
        EnumMap<MonitorKind, Thresholds> sorted = new EnumMap<>(MonitorKind.class);
        sorted.putAll(monitors);
        monitors = Collections.unmodifiableMap(sorted);
        extraTags = extraTags instanceof Expression.ExpressionMap ? extraTags : Map.copyOf(extraTags);
        addOns = List.copyOf(addOns);
        taskPolicies = List.copyOf(taskPolicies);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        customizers = List.copyOf(customizers);
        addOnSwitches = Map.copyOf(addOnSwitches);
        writablePaths = writablePaths instanceof Expression.ExpressionList ? writablePaths : List.copyOf(writablePaths);
        datadogAgent = datadogAgent == null ? Optional.empty() : datadogAgent;
        secretKmsKeys = secretKmsKeys instanceof Expression.ExpressionMap ? secretKmsKeys
                : Collections.unmodifiableSortedMap(new TreeMap<>(secretKmsKeys));
    }

    /**
     * The environment's Datadog Agent for a line: where the environment has one, when the line asks for it or,
     * saying nothing, when the environment gives it to every service.
     */
    public static Optional<DatadogAgent> agentOf(Overrides line, Environment env) {
        return env.monitoring().datadogAgent()
                .filter(agent -> line.datadogAgent().orElse(agent.everyService()));
    }

    /** When {@code addOn} exists: always for a line's, as its generated module's input says for a module's. */
    public Condition switchOf(AddOn addOn) {
        return addOnSwitches.getOrDefault(addOn.option(), Condition.ALWAYS);
    }

    /** The line {@code spec} in {@code env}. */
    public static ServiceSettings resolve(ServiceSpec spec, Environment env) {
        Overrides o = spec.overridesFor(env.name());
        Map<MonitorKind, Thresholds> monitors = new EnumMap<>(MonitorKind.class);
        for (MonitorKind kind : MonitorKind.values()) {
            Optional<Thresholds> chosen = o.monitors().containsKey(kind)
                    ? o.monitors().get(kind)
                    : Optional.ofNullable(env.monitoring().thresholds().get(kind));
            if (kind.appliesTo(spec.shape())) {
                chosen.ifPresent(t -> monitors.put(kind, t));
            }
        }
        Optional<Web> web = Optional.empty();
        if (spec.kind() instanceof ServiceKind.Web w) {
            Optional<String> certificate = o.certificateArn().or(env::certificateArn);
            // A shared load balancer serves the environment's certificate, or the wildcard one its platform requests.
            boolean https = env.loadBalancing() instanceof LoadBalancing.Shared shared
                    ? env.certificateArn().isPresent() || shared.hostedZoneId().isPresent() : certificate.isPresent();
            web = Optional.of(new Web(w.port(), w.healthCheck().toBuilder().path(Hcl.literal(w.healthCheck().path()))
                    .build(), Condition.of(w.internal()), certificate, Condition.of(https), w.sharedLoadBalancer()));
        }
        MonitoringDefaults monitoring = env.monitoring();
        AlertRouting routing = monitoring.routing();
        routing = o.notifyHandle().map(routing::withNotifyHandle).orElse(routing);
        routing = o.pageHandle().map(routing::withPageHandle).orElse(routing);
        Alerting alerting = new Alerting(routing, monitoring.evaluationDelaySeconds(),
                Alerting.appUrlOf(monitoring.datadogApiUrl()),
                spec.isWeb() ? o.slo().orElse(monitoring.slo()) : monitoring.slo(), monitoring.synthetics());
        Map<String, String> variables = new TreeMap<>();
        spec.variables().forEach((key, value) -> variables.put(key, Hcl.literal(value)));
        Map<String, String> secretKmsKeys = new TreeMap<>();
        for (String secret : spec.secrets()) {
            Optional.ofNullable(spec.secretKmsKeys().get(secret)).or(env::secretsKmsKeyArn)
                    .ifPresent(key -> secretKmsKeys.put(secret, key));
        }
        return builder()
                .environment(env.name()).awsEnvironment(env.awsName()).name(spec.name())
                .image(Hcl.literal(spec.image())).owner(spec.owner()).web(web)
                .command(spec.command().stream().map(Hcl::literal).toList()).variables(variables)
                .secrets(spec.secrets()).queue(spec.queue())
                .cpu(o.cpu().orElse(env.tasks().cpu())).memory(o.memory().orElse(env.tasks().memory()))
                .minCount(o.minCount().orElse(env.tasks().minCount()))
                .desiredCount(o.desiredCount().orElse(env.tasks().desiredCount()))
                .maxCount(o.maxCount().orElse(env.tasks().maxCount()))
                .logRetentionDays(o.logRetentionDays().orElse(env.logRetentionDays()))
                .runbookUrl(spec.runbookUrl().or(() -> monitoring.runbook()).map(Hcl::literal))
                .alerting(alerting).monitors(monitors)
                .addressPrefix(Optional.of(spec.name()))
                .privateEcrImage(Condition.of(PRIVATE_ECR_IMAGE.matcher(spec.image()).matches()))
                .addOns(spec.addOns()).taskPolicies(spec.taskPolicies().stream().map(ServiceSettings::literal).toList())
                .ingress(spec.ingress().stream().map(ServiceSettings::literal).toList())
                .egress(spec.egress().stream().map(ServiceSettings::literal).toList()).customizers(spec.customizers())
                .writablePaths(spec.writablePaths()).readonlyRootFilesystem(Condition.of(spec.readonlyRootFilesystem()))
                .datadogAgent(agentOf(o, env))
                .secretKmsKeys(secretKmsKeys).renamedFrom(spec.renamedFrom())
                .build();
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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServiceNames names() {
        return new ServiceNames(awsEnvironment, renamedFrom.orElse(name), addressPrefix);
    }

    public boolean isWeb() {
        return web.isPresent();
    }

    /** The line's add-on of {@code type}, if it has one. */
    public <T extends AddOn> Optional<T> addOn(Class<T> type) {
        return addOns.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The tags on every resource of this service: service, environment, owner, managed-by, and any extra. */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>(Map.of("service", name, "environment", environment, "owner", owner,
                "managed-by", Catalog.MANAGED_BY));
        if (extraTags instanceof Expression.ExpressionMap extra) {
            return Expression.of(Hcl.render(tags)).call("merge", extra.expression().hcl()).map();
        }
        tags.putAll(extraTags);
        return tags;
    }

    /** Builds {@link ServiceSettings}; lists, maps and add-ons default to empty, conditions to false. */
    public static final class Builder {
        private String environment;
        private String awsEnvironment;
        private String name;
        private String image;
        private String owner;
        private Optional<Web> web = Optional.empty();
        private List<String> command = List.of();
        private Map<String, String> variables = Map.of();
        private List<String> secrets = List.of();
        private Optional<QueueOptions> queue = Optional.empty();
        private Number cpu;
        private Number memory;
        private Number minCount;
        private Number desiredCount;
        private Number maxCount;
        private Number logRetentionDays;
        private Optional<String> runbookUrl = Optional.empty();
        private Alerting alerting;
        private Map<MonitorKind, Thresholds> monitors = Map.of();
        private Optional<String> addressPrefix = Optional.empty();
        private Map<String, String> extraTags = Map.of();
        private Condition privateEcrImage = Condition.NEVER;
        private List<AddOn> addOns = List.of();
        private List<IamStatement> taskPolicies = List.of();
        private List<NetworkRule> ingress = List.of();
        private List<NetworkRule> egress = List.of();
        private List<Customizer> customizers = List.of();
        private Map<String, Condition> addOnSwitches = Map.of();
        private List<String> writablePaths = List.of();
        private Condition readonlyRootFilesystem = Condition.ALWAYS;
        private Optional<DatadogAgent> datadogAgent = Optional.empty();
        private Map<String, String> secretKmsKeys = Map.of();
        private Optional<String> renamedFrom = Optional.empty();

        private Builder() {}

        private Builder(ServiceSettings from) {
            environment = from.environment;
            awsEnvironment = from.awsEnvironment;
            name = from.name;
            image = from.image;
            owner = from.owner;
            web = from.web;
            command = from.command;
            variables = from.variables;
            secrets = from.secrets;
            queue = from.queue;
            cpu = from.cpu;
            memory = from.memory;
            minCount = from.minCount;
            desiredCount = from.desiredCount;
            maxCount = from.maxCount;
            logRetentionDays = from.logRetentionDays;
            runbookUrl = from.runbookUrl;
            alerting = from.alerting;
            monitors = from.monitors;
            addressPrefix = from.addressPrefix;
            extraTags = from.extraTags;
            privateEcrImage = from.privateEcrImage;
            addOns = from.addOns;
            taskPolicies = from.taskPolicies;
            ingress = from.ingress;
            egress = from.egress;
            customizers = from.customizers;
            addOnSwitches = from.addOnSwitches;
            writablePaths = from.writablePaths;
            readonlyRootFilesystem = from.readonlyRootFilesystem;
            datadogAgent = from.datadogAgent;
            secretKmsKeys = from.secretKmsKeys;
            renamedFrom = from.renamedFrom;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder awsEnvironment(String value) {
            awsEnvironment = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder image(String value) {
            image = value;
            return this;
        }

        public Builder owner(String value) {
            owner = value;
            return this;
        }

        public Builder web(Optional<Web> value) {
            web = value;
            return this;
        }

        public Builder command(List<String> value) {
            command = value;
            return this;
        }

        public Builder variables(Map<String, String> value) {
            variables = value;
            return this;
        }

        public Builder secrets(List<String> value) {
            secrets = value;
            return this;
        }

        public Builder queue(Optional<QueueOptions> value) {
            queue = value;
            return this;
        }

        public Builder cpu(Number value) {
            cpu = value;
            return this;
        }

        public Builder memory(Number value) {
            memory = value;
            return this;
        }

        public Builder minCount(Number value) {
            minCount = value;
            return this;
        }

        public Builder desiredCount(Number value) {
            desiredCount = value;
            return this;
        }

        public Builder maxCount(Number value) {
            maxCount = value;
            return this;
        }

        public Builder logRetentionDays(Number value) {
            logRetentionDays = value;
            return this;
        }

        public Builder runbookUrl(Optional<String> value) {
            runbookUrl = value;
            return this;
        }

        public Builder alerting(Alerting value) {
            alerting = value;
            return this;
        }

        public Builder monitors(Map<MonitorKind, Thresholds> value) {
            monitors = value;
            return this;
        }

        public Builder addressPrefix(Optional<String> value) {
            addressPrefix = value;
            return this;
        }

        public Builder extraTags(Map<String, String> value) {
            extraTags = value;
            return this;
        }

        public Builder privateEcrImage(Condition value) {
            privateEcrImage = value;
            return this;
        }

        public Builder addOns(List<AddOn> value) {
            addOns = value;
            return this;
        }

        public Builder taskPolicies(List<IamStatement> value) {
            taskPolicies = value;
            return this;
        }

        public Builder ingress(List<NetworkRule> value) {
            ingress = value;
            return this;
        }

        public Builder egress(List<NetworkRule> value) {
            egress = value;
            return this;
        }

        public Builder customizers(List<Customizer> value) {
            customizers = value;
            return this;
        }

        public Builder addOnSwitches(Map<String, Condition> value) {
            addOnSwitches = value;
            return this;
        }

        public Builder writablePaths(List<String> value) {
            writablePaths = value;
            return this;
        }

        public Builder readonlyRootFilesystem(Condition value) {
            readonlyRootFilesystem = value;
            return this;
        }

        public Builder datadogAgent(Optional<DatadogAgent> value) {
            datadogAgent = value;
            return this;
        }

        public Builder secretKmsKeys(Map<String, String> value) {
            secretKmsKeys = value;
            return this;
        }

        public Builder renamedFrom(Optional<String> value) {
            renamedFrom = value;
            return this;
        }

        public ServiceSettings build() {
            return new ServiceSettings(Objects.requireNonNull(environment, "environment"),
                    Objects.requireNonNull(awsEnvironment, "awsEnvironment"), Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(image, "image"), Objects.requireNonNull(owner, "owner"), web, command,
                    variables, secrets, queue, Objects.requireNonNull(cpu, "cpu"),
                    Objects.requireNonNull(memory, "memory"), Objects.requireNonNull(minCount, "minCount"),
                    Objects.requireNonNull(desiredCount, "desiredCount"), Objects.requireNonNull(maxCount, "maxCount"),
                    Objects.requireNonNull(logRetentionDays, "logRetentionDays"), runbookUrl,
                    Objects.requireNonNull(alerting, "alerting"), monitors, addressPrefix, extraTags, privateEcrImage,
                    addOns, taskPolicies, ingress, egress, customizers, addOnSwitches, writablePaths,
                    readonlyRootFilesystem, datadogAgent, secretKmsKeys, renamedFrom);
        }
    }
}
