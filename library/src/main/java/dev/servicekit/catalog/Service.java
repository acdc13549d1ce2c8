package dev.servicekit.catalog;

import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.queue.QueueOptions;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.bucket.Bucket;
import dev.servicekit.schedule.Schedule;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One catalog line: everything a service is, in one fluent Java expression.
 *
 * <pre>{@code
 * Service.worker("integrations-consumer", "public.ecr.aws/docker/library/busybox:1.36").owner("integrations")
 * Service.web("auth", "public.ecr.aws/nginx/nginx:1.27", 80).owner("identity")
 *         .prod(p -> p.counts(c -> c.min(2).desired(3).max(12)))
 * }</pre>
 *
 * Every option has a default; sizes, counts and retention default to the environment's values
 * (see {@code Environment}). Options set directly on the line apply to every environment; those
 * inside {@link #stage}, {@link #prod} or {@link #in} to one.
 */
public final class Service {
    /**
     * Every kind of add-on a line may have, as a generated module offers it (with its defaults, or its inputs):
     * a new add-on is an entry here and an option below.
     */
    public static final List<AddOn> ADD_ONS = List.of(Bucket.DEFAULTS, Schedule.IN_MODULE);

    /** The owner tag of a line that names none. */
    public static final String DEFAULT_OWNER = "unowned";

    private final String name;
    private final String image;
    private final Integer port;
    private String owner = DEFAULT_OWNER;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> variables = new TreeMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final Map<String, String> secretKeys = new TreeMap<>();
    private QueueOptions queue;
    private HealthCheck healthCheck = HealthCheck.at("/");
    private boolean internal;
    private int sharedLoadBalancer;
    private String runbookUrl;
    private boolean retired;
    private String renamedFrom;
    private final Overrides.Builder common = new Overrides.Builder();
    private final Map<String, Overrides.Builder> perEnvironment = new LinkedHashMap<>();
    private final List<Catalog.Misuse> misuse = new ArrayList<>();
    private final List<AddOn> addOns = new ArrayList<>();
    private final List<IamStatement> taskPolicies = new ArrayList<>();
    private final List<NetworkRule> ingress = new ArrayList<>();
    private final List<NetworkRule> egress = new ArrayList<>();
    private final List<Customizer> customizers = new ArrayList<>();
    private final List<String> writablePaths = new ArrayList<>();
    private boolean writableRootFilesystem;

    private Service(String name, String image, Integer port) {
        this.name = name == null ? "" : name;
        this.image = image == null ? "" : image;
        this.port = port;
        notNull("name", name);
        notNull("image", image);
    }

    /** A queue worker: a queue with a dead-letter queue, no load balancer, scaling on backlog. */
    public static Service worker(String name, String image) {
        Service service = new Service(name, image, null);
        service.queue = QueueOptions.DEFAULTS;
        return service;
    }

    /** A web service listening on {@code port}, behind its own Application Load Balancer, scaling on CPU. */
    public static Service web(String name, String image, int port) {
        return new Service(name, image, port);
    }

    /** The owning team; tagged on every resource. Default {@value #DEFAULT_OWNER}. */
    public Service owner(String team) {
        if (notNull("owner", team)) {
            this.owner = team;
        }
        return this;
    }

    /** The container command. Default: the image's own. */
    public Service command(String... words) {
        if (notNull("command", words) && java.util.Arrays.stream(words).allMatch(w -> notNull("command", w))) {
            command.clear();
            command.addAll(List.of(words));
        }
        return this;
    }

    /**
     * A plain environment variable. Secrets go through {@link #secret}: a name or value that looks like a credential
     * (see {@link dev.servicekit.rules.Rules#namedAsASecret}) is refused at synth.
     */
    public Service env(String key, String value) {
        if (notNull("env", key) && notNull("env." + key, value)) {
            if (variables.containsKey(key)) {
                misuse.add(new Catalog.Misuse(name, "env." + key, Rules.NAME_DECLARED_TWICE));
            }
            variables.put(key, value);
        }
        return this;
    }

    /**
     * A secret environment variable, read by ECS at start from SSM Parameter Store at
     * {@code /<env>/<service>/<name>}. Its value never enters Terraform configuration or state.
     */
    public Service secret(String name) {
        if (notNull("secret", name)) {
            secrets.add(name);
        }
        return this;
    }

    /**
     * A secret encrypted with a customer-managed KMS key, {@code arn:aws:kms:<region>:<account>:key/<key ID>}: the
     * execution role may decrypt with that key, through Parameter Store, the service's own parameters only.
     * Without a key here or in the environment ({@code secretsKmsKeyArn} in cdktf.json) the parameter must be
     * encrypted with the AWS-managed key {@code aws/ssm}.
     */
    public Service secret(String name, String kmsKeyArn) {
        if (notNull("secret", name) && notNull("secret." + name + ".kmsKeyArn", kmsKeyArn)) {
            secrets.add(name);
            secretKeys.put(name, kmsKeyArn);
        }
        return this;
    }

    /** Gives a web service a queue with a dead-letter queue, with the defaults of {@link QueueOptions}. */
    public Service withQueue() {
        if (queue == null) {
            queue = QueueOptions.DEFAULTS;
        }
        return this;
    }

    /**
     * Adjusts the queue's options by name, e.g. {@code q -> q.visibilityTimeoutSeconds(120)} (and, for a web
     * service, gives it a queue). Defaults: {@link QueueOptions}.
     */
    public Service queue(Consumer<QueueOptions.Builder> adjust) {
        withQueue();
        if (notNull("queue", adjust)) {
            QueueOptions.Builder options = queue.toBuilder();
            adjust.accept(options);
            queue = options.build();
        }
        return this;
    }

    /** The target group health check path; web services only. Default {@code /}. */
    public Service healthCheck(String path) {
        return notNull("healthCheck", path) ? healthCheck(HealthCheck.at(path)) : this;
    }

    /** The whole target group health check; web services only. */
    public Service healthCheck(HealthCheck check) {
        if (webOnly("healthCheck") && notNull("healthCheck", check)) {
            this.healthCheck = check;
        }
        return this;
    }

    /** An internal load balancer instead of the default internet-facing one; web services only. */
    public Service internal() {
        this.internal = webOnly("internal");
        return this;
    }

    /**
     * Where its environment shares load balancers ({@code "loadBalancer": "shared"}), the service's rule goes on
     * the {@code n}-th load balancer of its scheme (internet-facing or internal), counted from 0, the default. A
     * load balancer serves at most 100 services (AWS's target groups per load balancer, not adjustable): once the
     * first is full, new lines name the next; the services already placed never move. Web services only.
     */
    public Service sharedLoadBalancer(int n) {
        if (webOnly("sharedLoadBalancer")) {
            this.sharedLoadBalancer = n;
        }
        return this;
    }

    /**
     * Directories the container may write to, e.g. {@code "/var/cache/nginx", "/var/run"} for nginx: its root
     * filesystem is read-only, and each of these is an empty volume of the task's ephemeral storage, gone when
     * the task stops. Default: none.
     */
    public Service writablePaths(String... paths) {
        if (notNull("writablePaths", paths) && java.util.Arrays.stream(paths).allMatch(p -> notNull("writablePaths", p))) {
            for (String path : paths) {
                if (writablePaths.contains(path)) {
                    misuse.add(new Catalog.Misuse(name, "writablePaths." + path, Rules.GIVEN_TWICE));
                } else {
                    writablePaths.add(path);
                }
            }
        }
        return this;
    }

    /**
     * Lets the container write anywhere in its root filesystem, for an image that cannot run otherwise.
     * Default: read-only, with {@link #writablePaths} where it must write (scanners flag writable roots:
     * CKV_AWS_336).
     */
    public Service writableRootFilesystem() {
        this.writableRootFilesystem = true;
        return this;
    }

    /** A runbook, linked from every monitor message and the dashboard. Default: none. */
    public Service runbook(String url) {
        if (notNull("runbook", url)) {
            this.runbookUrl = url;
        }
        return this;
    }

    /**
     * Retires the service while keeping its data. Its queue, dead-letter queue, log group and bucket leave
     * Terraform's management but stay in AWS with their messages, logs and objects (Terraform {@code removed} blocks
     * with {@code destroy = false}); its tasks, roles, scaling, monitors and dashboard are destroyed. Where
     * the environment protects stateful resources (prod), a web service's load balancer stays, with
     * deletion protection lifted, so that the next step, removing the line, can delete it.
     *
     * <p>Removing a line without retiring it first destroys its queues and log group: Terraform's
     * {@code prevent_destroy} protects a resource only while its block is in the configuration.
     */
    public Service retire() {
        this.retired = true;
        return this;
    }

    /**
     * Says that this service was called {@code oldName} until now: it keeps every AWS name the old name gave
     * it (queues, log group, bucket, ECS service, roles, load balancer, secrets' parameter path) and its
     * Terraform addresses move to the new name with {@code moved} blocks (Terraform 1.1+), so that nothing is
     * destroyed or replaced: only tags, outputs and Datadog's names change. Keep it on the line: without it the
     * service's resources would be destroyed and created anew under the new name.
     */
    public Service renamedFrom(String oldName) {
        if (notNull("renamedFrom", oldName)) {
            this.renamedFrom = oldName;
        }
        return this;
    }

    /** Fargate task size in every environment, e.g. {@code Fargate.cpu(512).memoryMiB(1024)}. Default: the environment's. */
    public Service size(Fargate.TaskSize size) {
        common.size(size);
        return this;
    }

    /**
     * Task counts in every environment, by name: {@code c -> c.min(2).desired(3).max(12)}. Counts left out
     * are the environment's.
     */
    public Service counts(UnaryOperator<Counts> counts) {
        common.counts(counts);
        return this;
    }

    /**
     * An extra permission for the task role, e.g.
     * {@code IamStatement.allow("dynamodb:GetItem").on("arn:aws:dynamodb:us-east-1:123456789012:table/orders")}.
     * Default: the task role may use only the service's own resources.
     */
    public Service taskPolicy(IamStatement statement) {
        if (notNull("taskPolicy", statement)) {
            taskPolicies.add(statement);
        }
        return this;
    }

    /**
     * Lets the tasks reach something more, e.g. {@code NetworkRule.tcp(5432).cidr("10.40.0.0/16").describedAs("Postgres")}.
     * Default: HTTPS anywhere.
     */
    public Service egress(NetworkRule rule) {
        if (notNull("egress", rule)) {
            egress.add(rule);
        }
        return this;
    }

    /**
     * Lets something more reach the tasks, e.g. a metrics scraper's security group on a port. Default: a web
     * service's own load balancer on its port; nothing for a worker.
     */
    public Service ingress(NetworkRule rule) {
        if (notNull("ingress", rule)) {
            ingress.add(rule);
        }
        return this;
    }

    /**
     * The last-resort escape hatch: {@code customizer} gets the service's resources in each environment, to
     * override their attributes or add cdktf constructs beside them (see {@link Customizer}).
     */
    public Service customize(Customizer customizer) {
        if (notNull("customize", customizer)) {
            customizers.add(customizer);
        }
        return this;
    }

    /**
     * An S3 bucket of the service's own, {@code <env>-<service>-<account ID>}: encrypted, versioned, not
     * public, TLS only, old versions kept {@value Bucket#DEFAULT_NONCURRENT_VERSION_DAYS} days; {@code BUCKET_NAME}
     * in the container, read and write for the
     * task role on it alone (see {@link Bucket}).
     */
    public Service bucket() {
        return addOn(Bucket.DEFAULTS);
    }

    /** A bucket with other options, e.g. {@code Bucket.keepingOldVersionsFor(90)}. */
    public Service bucket(Bucket bucket) {
        return notNull("bucket", bucket) ? addOn(bucket) : this;
    }

    /**
     * Sends {@code message} to the service's own queue on {@code expression}, EventBridge Scheduler's
     * {@code rate(15 minutes)}, {@code cron(0 6 * * ? *)} (UTC) or {@code at(2027-01-01T09:00:00)}; needs a queue (a
     * worker, or a web service {@code .withQueue()}). See {@link Schedule}.
     */
    public Service schedule(String expression, String message) {
        return addOn(Schedule.of(expression, message));
    }

    /** A schedule with other options, e.g. {@code Schedule.of("cron(0 6 * * ? *)", "{}").inTimeZone("Europe/Berlin")}. */
    public Service schedule(Schedule schedule) {
        return notNull("schedule", schedule) ? addOn(schedule) : this;
    }

    /** Adds {@code addOn} (e.g. a {@link Bucket}) to the service; a line holds one of each kind. */
    Service addOn(AddOn addOn) {
        if (addOns.stream().anyMatch(existing -> existing.getClass() == addOn.getClass())) {
            misuse.add(new Catalog.Misuse(name, addOn.option(), Rules.GIVEN_TWICE));
        } else {
            addOns.add(addOn);
        }
        return this;
    }

    /**
     * The Datadog handle this service's warnings and causes notify in every environment; it must not page.
     * Default: the environment's.
     */
    public Service notify(String handle) {
        common.notify(handle);
        return this;
    }

    /** The Datadog handle this service's symptoms page in every environment. Default: the environment's. */
    public Service page(String handle) {
        common.page(handle);
        return this;
    }

    /**
     * A web service's availability objective in every environment: the percentage of requests answered
     * without a 5xx over {@code 7d}, {@code 30d} or {@code 90d}. Default: the environment's (prod 99.9 % over
     * 30 days, stage 99 % over 7 days).
     */
    public Service slo(double targetPercent, String window) {
        common.slo(targetPercent, window);
        return this;
    }

    /**
     * Runs the environment's Datadog Agent beside this service's tasks, or not, in every environment that has
     * one (cdktf.json's {@code datadogAgent}); {@code .prod(o -> o.datadogAgent(false))} for one. Default: the
     * environment's {@code everyService}.
     */
    public Service datadogAgent(boolean run) {
        common.datadogAgent(run);
        return this;
    }

    /** Replaces one monitor's thresholds in every environment. */
    public Service monitor(MonitorKind kind, Thresholds thresholds) {
        common.monitor(kind, thresholds);
        return this;
    }

    /** Switches one monitor off in every environment. */
    public Service withoutMonitor(MonitorKind kind) {
        common.withoutMonitor(kind);
        return this;
    }

    /** Overrides for the {@code stage} environment. */
    public Service stage(Consumer<Overrides.Builder> overrides) {
        return in("stage", overrides);
    }

    /** Overrides for the {@code prod} environment. */
    public Service prod(Consumer<Overrides.Builder> overrides) {
        return in("prod", overrides);
    }

    /** Overrides for the environment named {@code environment}. */
    public Service in(String environment, Consumer<Overrides.Builder> overrides) {
        if (notNull("in", environment) && notNull("in." + environment, overrides)) {
            overrides.accept(perEnvironment.computeIfAbsent(environment, e -> new Overrides.Builder()));
        }
        return this;
    }

    /** Options used wrongly on this line, for validation to report with everything else. */
    List<Catalog.Misuse> misuse() {
        List<Catalog.Misuse> all = new ArrayList<>(misuse);
        common.nulls().forEach(option -> all.add(new Catalog.Misuse(name, option, Rules.MUST_NOT_BE_NULL)));
        perEnvironment.forEach((env, builder) -> builder.nulls().forEach(option ->
                all.add(new Catalog.Misuse(name, "in." + env + "." + option, Rules.MUST_NOT_BE_NULL))));
        return all;
    }

    public String name() {
        return name;
    }

    public ServiceSpec build() {
        ServiceKind kind = port == null ? new ServiceKind.Worker() : new ServiceKind.Web(port, healthCheck, internal, sharedLoadBalancer);
        Map<String, Overrides> environments = new LinkedHashMap<>();
        perEnvironment.forEach((env, builder) -> environments.put(env, builder.build()));
        return new ServiceSpec(name, new ServiceSpec.Container(image, command, variables, secrets, secretKeys,
                writablePaths, !writableRootFilesystem), kind, owner, Optional.ofNullable(queue),
                Optional.ofNullable(runbookUrl), common.build(), environments, retired, addOns,
                new Access(taskPolicies, ingress, egress), customizers, Optional.ofNullable(renamedFrom));
    }

    private boolean webOnly(String option) {
        if (port == null) {
            misuse.add(new Catalog.Misuse(name, option, Rules.WEB_ONLY));
        }
        return port != null;
    }

    private boolean notNull(String option, Object value) {
        if (value == null) {
            misuse.add(new Catalog.Misuse(name, option, Rules.MUST_NOT_BE_NULL));
        }
        return value != null;
    }
}
