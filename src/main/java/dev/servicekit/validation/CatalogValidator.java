package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.Thresholds;
import dev.servicekit.service.ServiceNames;
import dev.servicekit.service.ServiceSettings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a catalog and its environments against servicekit's rules and AWS's limits before anything is
 * synthesized, so that a bad line never leaves half-written output or half-applied infrastructure.
 * Every problem names the environment, the service and the field.
 */
public final class CatalogValidator {
    /** Service names: lowercase letters, digits and inner hyphens, starting with a letter. */
    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z](?:[a-z0-9-]*[a-z0-9])?");
    public static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z][a-z0-9]*");
    /** Names the environment's own resources use as address prefixes. */
    public static final Set<String> RESERVED_SERVICE_NAMES = Set.of("network", "cluster", "overview");
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    public static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final Pattern ENV_VARIABLE_NAME = SECRET_NAME;
    public static final Pattern NOTIFY_HANDLE = Pattern.compile("@[A-Za-z0-9_.+@-]+");
    public static final Pattern MANAGED_CIDR = Pattern.compile("10\\.(\\d{1,3})\\.0\\.0/16");
    public static final AwsLimits.Range PRIORITY = new AwsLimits.Range(1, 5, "");

    private CatalogValidator() {}

    /** Throws a {@link ConfigurationException} listing every problem, or returns when there is none. */
    public static void validate(Catalog catalog, List<Environment> environments) {
        Problems problems = new Problems();
        checkCatalog(catalog, problems);
        for (Environment env : environments) {
            checkEnvironment(env, problems);
            for (ServiceSpec spec : catalog.services()) {
                if (SERVICE_NAME.matcher(spec.name()).matches()) {
                    checkService(ServiceSettings.resolve(spec, env), spec, problems);
                }
            }
        }
        problems.throwIfAny();
    }

    private static void checkCatalog(Catalog catalog, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (ServiceSpec spec : catalog.services()) {
            Problems.Scope line = problems.about("catalog/" + spec.name());
            if (!SERVICE_NAME.matcher(spec.name()).matches()) {
                line.add("name", badServiceName(spec.name()));
            }
            if (RESERVED_SERVICE_NAMES.contains(spec.name())) {
                line.add("name", "'" + spec.name() + "' is reserved for the environment's own resources");
            }
            if (!seen.add(spec.name())) {
                line.add("name", "declared more than once; service names must be unique");
            }
            line.check(!spec.image().isBlank(), "image", "must not be empty");
            line.check(!spec.owner().isBlank(), "owner", "must not be empty");
            spec.variables().keySet().forEach(key -> line.check(ENV_VARIABLE_NAME.matcher(key).matches(),
                    "env." + key, "is not a valid environment variable name"));
            Set<String> secretNames = new HashSet<>();
            for (String secret : spec.secrets()) {
                line.check(SECRET_NAME.matcher(secret).matches(), "secret." + secret,
                        "is not a valid environment variable name");
                line.check(secretNames.add(secret), "secret." + secret, "declared more than once");
                line.check(!spec.variables().containsKey(secret), "secret." + secret,
                        "is also a plain environment variable");
            }
            spec.runbookUrl().ifPresent(url -> line.check(url.startsWith("https://") || url.startsWith("http://"),
                    "runbook", "'" + url + "' must be an http(s) URL"));
        }
        for (Catalog.Misuse misuse : catalog.misuses()) {
            problems.about("catalog/" + misuse.service()).add(misuse.option(), "applies to web services only");
        }
    }

    private static void checkEnvironment(Environment env, Problems problems) {
        Problems.Scope scope = problems.about(env.name());
        scope.check(ENVIRONMENT_NAME.matcher(env.name()).matches(), "name",
                "'" + env.name() + "' must be lowercase letters and digits, starting with a letter");
        scope.check(REGION.matcher(env.region()).matches(), "region", "'" + env.region() + "' is not an AWS region");
        scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(env.logRetentionDays()), "logRetentionDays",
                badRetention(String.valueOf(env.logRetentionDays())));
        scope.check(NOTIFY_HANDLE.matcher(env.monitoring().notifyHandle()).matches(), "notify",
                badHandle(env.monitoring().notifyHandle()));
        scope.check(PRIORITY.contains(env.monitoring().priority()), "priority",
                env.monitoring().priority() + " is outside 1-5");
        scope.check(env.monitoring().datadogApiUrl().startsWith("https://"), "datadogApiUrl",
                "'" + env.monitoring().datadogApiUrl() + "' must be an https URL");
        if (env.network() instanceof NetworkConfig.Managed managed) {
            scope.check(MANAGED_CIDR.matcher(managed.cidr()).matches(), "network.cidr",
                    "'" + managed.cidr() + "' must be a 10.x.0.0/16 block");
            scope.check(managed.natGateways() >= 0 && managed.natGateways() <= 2, "network.natGateways",
                    managed.natGateways() + " is outside 0-2");
        } else if (env.network() instanceof NetworkConfig.Existing existing) {
            scope.check(existing.vpcId().startsWith("vpc-"), "vpcId",
                    "'" + existing.vpcId() + "' is not a VPC ID (vpc-...)");
            scope.check(existing.publicSubnetIds().size() >= 2, "publicSubnetIds",
                    "an adopted VPC needs at least two public subnets (load balancers span two zones)");
            existing.publicSubnetIds().forEach(id -> scope.check(id.startsWith("subnet-"), "publicSubnetIds",
                    "'" + id + "' is not a subnet ID"));
            existing.privateSubnetIds().forEach(id -> scope.check(id.startsWith("subnet-"), "privateSubnetIds",
                    "'" + id + "' is not a subnet ID"));
            scope.check(!existing.clusterName().isBlank(), "clusterName", "an adopted VPC needs an ECS cluster name");
        }
        if (env.state() instanceof StateBackend.S3 s3) {
            scope.check(s3.bucket().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), "stateBucket",
                    "'" + s3.bucket() + "' is not an S3 bucket name");
        }
        env.certificateArn().ifPresent(arn -> scope.check(arn.startsWith("arn:aws") && arn.contains(":acm:"),
                "certificateArn", badCertificate(arn)));
    }

    private static void checkService(ServiceSettings s, ServiceSpec spec, Problems problems) {
        Problems.Scope scope = problems.about(s.environment() + "/" + s.name());
        ServiceNames names = s.names();
        boolean web = s.kind() instanceof ServiceKind.Web;

        checkTaskSize(scope, s.cpu(), s.memory());
        checkCounts(scope, s.minCount(), s.desiredCount(), s.maxCount());
        if (!Tokens.isToken(s.logRetentionDays())) {
            scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(s.logRetentionDays().intValue()), "logRetentionDays",
                    badRetention(String.valueOf(s.logRetentionDays())));
        }

        scope.name("queue name", names.queue(), AwsLimits.QUEUE_NAME);
        scope.name("dead-letter queue name", names.deadLetterQueue(), AwsLimits.QUEUE_NAME);
        scope.name("ECS service name", names.ecsService(), AwsLimits.ECS_NAME);
        scope.name("task family", names.taskFamily(), AwsLimits.ECS_NAME);
        scope.name("execution role name", names.executionRole(), AwsLimits.IAM_ROLE_NAME);
        scope.name("task role name", names.taskRole(), AwsLimits.IAM_ROLE_NAME);
        scope.name("log group name", names.logGroup(), AwsLimits.LOG_GROUP_NAME);
        if (web) {
            scope.name("load balancer name", names.loadBalancer(), AwsLimits.LOAD_BALANCER_NAME);
            scope.check(!names.loadBalancer().startsWith("internal-"), "load balancer name",
                    "'" + names.loadBalancer() + "' must not start with 'internal-'");
            scope.name("target group name", names.targetGroup(), AwsLimits.TARGET_GROUP_NAME);
        }

        s.queue().ifPresent(queue -> checkQueue(scope, queue));
        if (s.kind() instanceof ServiceKind.Web w) {
            scope.range("port", w.port(), AwsLimits.PORT);
            checkHealthCheck(scope, w.healthCheck());
        }
        s.certificateArn().ifPresent(arn -> scope.check(arn.startsWith("arn:aws") && arn.contains(":acm:"),
                "certificateArn", badCertificate(arn)));
        if (!web && s.certificateArn().isPresent() && spec.overridesFor(s.environment()).certificateArn().isPresent()) {
            scope.add("certificateArn", "applies to web services only");
        }
        s.notifyHandle().ifPresent(handle -> scope.check(NOTIFY_HANDLE.matcher(handle).matches(), "notify",
                badHandle(handle)));
        for (Map.Entry<MonitorKind, Thresholds> monitor : s.monitors().entrySet()) {
            checkThresholds(scope, monitor.getKey(), monitor.getValue());
        }
    }

    /** A Fargate cpu/memory pair AWS offers. */
    static void checkTaskSize(Problems.Scope scope, Number cpu, Number memory) {
        if (Tokens.isToken(cpu) || Tokens.isToken(memory)) {
            return;
        }
        List<Integer> allowed = AwsLimits.FARGATE_MEMORY_BY_CPU.get(cpu.intValue());
        if (allowed == null || cpu.doubleValue() != cpu.intValue()) {
            scope.add("cpu", badCpu(String.valueOf(cpu)));
        } else if (memory.doubleValue() != memory.intValue() || !allowed.contains(memory.intValue())) {
            scope.add("memory", badMemory(String.valueOf(memory), String.valueOf(cpu), describe(allowed)));
        }
    }

    private static void checkCounts(Problems.Scope scope, Number min, Number desired, Number max) {
        if (Tokens.isToken(min) || Tokens.isToken(desired) || Tokens.isToken(max)) {
            return;
        }
        scope.check(min.intValue() >= 0, "minCount", min + " must not be negative");
        scope.check(max.intValue() >= 1, "maxCount", max + " must be at least 1");
        scope.check(min.intValue() <= desired.intValue() && desired.intValue() <= max.intValue(), "desiredCount",
                badCounts(String.valueOf(min), String.valueOf(desired), String.valueOf(max)));
    }

    private static void checkQueue(Problems.Scope scope, QueueOptions queue) {
        scope.range("queue.visibilityTimeoutSeconds", queue.visibilityTimeoutSeconds(),
                AwsLimits.SQS_VISIBILITY_TIMEOUT);
        scope.range("queue.retentionSeconds", queue.retentionSeconds(), AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.deadLetterRetentionSeconds", queue.deadLetterRetentionSeconds(),
                AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.delaySeconds", queue.delaySeconds(), AwsLimits.SQS_DELIVERY_DELAY);
        scope.range("queue.receiveWaitSeconds", queue.receiveWaitSeconds(), AwsLimits.SQS_RECEIVE_WAIT);
        scope.range("queue.maxReceiveCount", queue.maxReceiveCount(), AwsLimits.SQS_MAX_RECEIVE_COUNT);
        scope.check(queue.deadLetterRetentionSeconds() >= queue.retentionSeconds(),
                "queue.deadLetterRetentionSeconds", queue.deadLetterRetentionSeconds()
                        + " s is shorter than the queue's retention (" + queue.retentionSeconds()
                        + " s); SQS keeps a message's original enqueue time, so it would expire early");
    }

    private static void checkHealthCheck(Problems.Scope scope, HealthCheck check) {
        scope.check(check.path().startsWith("/") && check.path().length() <= AwsLimits.HEALTH_CHECK_PATH_MAX,
                "healthCheck.path", "'" + check.path() + "' must start with / and be at most "
                        + AwsLimits.HEALTH_CHECK_PATH_MAX + " characters");
        scope.check(AwsLimits.HEALTH_CHECK_MATCHER.matcher(check.matcher()).matches(), "healthCheck.matcher",
                "'" + check.matcher() + "' is not a list of HTTP codes such as 200-399");
        scope.range("healthCheck.intervalSeconds", check.intervalSeconds(), AwsLimits.HEALTH_CHECK_INTERVAL);
        scope.range("healthCheck.timeoutSeconds", check.timeoutSeconds(), AwsLimits.HEALTH_CHECK_TIMEOUT);
        scope.check(check.timeoutSeconds() < check.intervalSeconds(), "healthCheck.timeoutSeconds",
                check.timeoutSeconds() + " s must be less than the interval (" + check.intervalSeconds() + " s)");
        scope.range("healthCheck.healthyThreshold", check.healthyThreshold(), AwsLimits.HEALTH_CHECK_THRESHOLD);
        scope.range("healthCheck.unhealthyThreshold", check.unhealthyThreshold(), AwsLimits.HEALTH_CHECK_THRESHOLD);
        scope.range("healthCheck.deregistrationDelaySeconds", check.deregistrationDelaySeconds(),
                AwsLimits.DEREGISTRATION_DELAY);
    }

    /** Thresholds must be non-negative, and a warning must come before its critical. */
    static void checkThresholds(Problems.Scope scope, MonitorKind kind, Thresholds thresholds) {
        String field = "monitor " + kind.key();
        Number critical = thresholds.critical();
        if (Tokens.isToken(critical)) {
            return;
        }
        scope.check(critical.doubleValue() >= 0, field + ".critical", critical + " must not be negative");
        if (kind == MonitorKind.ERROR_RATE || kind == MonitorKind.CPU || kind == MonitorKind.MEMORY) {
            scope.check(critical.doubleValue() <= 100, field + ".critical", critical + " is a percentage above 100");
        }
        thresholds.warning().filter(w -> !Tokens.isToken(w)).ifPresent(warning -> {
            scope.check(warning.doubleValue() >= 0, field + ".warning", warning + " must not be negative");
            if (kind.above()) {
                scope.check(warning.doubleValue() < critical.doubleValue(), field + ".warning",
                        warning + " must be below the critical threshold " + critical
                                + " (this monitor fires above its thresholds)");
            } else {
                scope.check(warning.doubleValue() > critical.doubleValue(), field + ".warning",
                        warning + " must be above the critical threshold " + critical
                                + " (this monitor fires below its thresholds)");
            }
        });
    }

    // The messages below are shared with the validation blocks of generated modules, whose arguments are
    // Terraform interpolations: one text for one rule, in Java and in HCL.

    public static String badServiceName(String name) {
        return "'" + name + "' must be lowercase letters, digits and inner hyphens, starting with a letter";
    }

    public static String badCpu(String cpu) {
        return cpu + " is not a Fargate cpu size; allowed: "
                + AwsLimits.FARGATE_MEMORY_BY_CPU.keySet().stream().sorted().toList();
    }

    public static String badMemory(String memory, String cpu, String allowed) {
        return memory + " MiB does not fit Fargate cpu " + cpu + "; allowed: " + allowed;
    }

    public static String badCounts(String min, String desired, String max) {
        return "counts must satisfy min <= desired <= max; got " + min + " <= " + desired + " <= " + max;
    }

    public static String badRetention(String days) {
        return days + " is not a CloudWatch retention; allowed: " + AwsLimits.LOG_RETENTION_DAYS.stream().sorted().toList();
    }

    public static String badCertificate(String arn) {
        return "'" + arn + "' is not an ACM certificate ARN";
    }

    public static String badHandle(String handle) {
        return "'" + handle + "' is not a Datadog handle such as @slack-alerts";
    }

    /** The memory sizes Fargate pairs with a cpu size, as messages show them. */
    public static String describe(List<Integer> sizes) {
        if (sizes.size() <= 3) {
            return sizes.toString();
        }
        return sizes.get(0) + " to " + sizes.get(sizes.size() - 1) + " in steps of " + (sizes.get(1) - sizes.get(0));
    }
}
