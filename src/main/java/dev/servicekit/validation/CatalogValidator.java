package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.monitoring.AlertRouting;
import dev.servicekit.monitoring.ServiceMonitoring;
import dev.servicekit.monitoring.SloTarget;
import dev.servicekit.monitoring.SyntheticsSettings;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.Thresholds;
import dev.servicekit.service.ServiceNames;
import dev.servicekit.service.ServiceSettings;
import dev.servicekit.service.ServiceTask;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a catalog and its environments against servicekit's rules and AWS's limits before anything is
 * synthesized, so that a bad line never leaves half-written output or half-applied infrastructure.
 * Every problem names the environment (or {@code catalog}), the service and the field, and is
 * reported once: where a value comes from.
 */
public final class CatalogValidator {
    /** Names the environment's own resources use as address prefixes. */
    public static final Set<String> RESERVED_SERVICE_NAMES = Set.of("network", "cluster", "overview");
    /** Environment variables servicekit sets itself. */
    public static final Set<String> RESERVED_VARIABLES = Set.of(ServiceTask.QUEUE_URL_VARIABLE,
            ServiceTask.QUEUE_NAME_VARIABLE, ServiceTask.DEAD_LETTER_QUEUE_URL_VARIABLE);
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final Pattern MANAGED_CIDR = Pattern.compile("10\\.(\\d{1,3})\\.0\\.0/16");
    public static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private CatalogValidator() {}

    /** Throws a {@link ConfigurationException} listing every problem, or returns when there is none. */
    public static void validate(Catalog catalog, List<Environment> environments) {
        Problems problems = new Problems();
        List<String> environmentNames = environments.stream().map(Environment::name).toList();
        Set<String> seen = new HashSet<>();
        for (ServiceSpec spec : catalog.services()) {
            boolean first = seen.add(spec.name());
            checkLine(spec, first, environmentNames, problems.about("catalog/" + spec.name()));
            if (first && Rules.SERVICE_NAME.matcher(spec.name()).matches()) {
                checkInEveryEnvironment(spec, environments, problems);
            }
        }
        for (Catalog.Misuse misuse : catalog.misuses()) {
            problems.about(misuse.service() == null ? "catalog" : "catalog/" + misuse.service())
                    .add(misuse.option(), misuse.message());
        }
        for (Environment env : environments) {
            checkEnvironment(env, problems.about(env.name()));
        }
        problems.throwIfAny();
    }

    /**
     * Checks a line in each environment; a problem found in every environment alike (a size set for all
     * of them, say) is reported once, as {@code catalog/<service>}, the others as {@code <env>/<service>}.
     */
    private static void checkInEveryEnvironment(ServiceSpec spec, List<Environment> environments, Problems problems) {
        Map<String, List<Problem>> byEnvironment = new LinkedHashMap<>();
        for (Environment env : environments) {
            Problems found = new Problems();
            checkService(ServiceSettings.resolve(spec, env), spec.overridesFor(env.name()), env,
                    found.about(env.name() + "/" + spec.name()));
            byEnvironment.put(env.name(), found.found());
        }
        Set<String> reported = new HashSet<>();
        for (List<Problem> found : byEnvironment.values()) {
            for (Problem problem : found) {
                boolean everywhere = byEnvironment.size() > 1 && byEnvironment.values().stream().allMatch(others -> others.stream()
                        .anyMatch(p -> p.field().equals(problem.field()) && p.message().equals(problem.message())));
                if (!everywhere) {
                    problems.about(problem.where()).add(problem.field(), problem.message());
                } else if (reported.add(problem.field() + "\n" + problem.message())) {
                    problems.about("catalog/" + spec.name()).add(problem.field(), problem.message());
                }
            }
        }
    }

    /** What a line says regardless of the environment. */
    private static void checkLine(ServiceSpec spec, boolean first, List<String> environments, Problems.Scope line) {
        if (!first) {
            line.add("name", "declared more than once; service names must be unique");
            return;
        }
        if (!Rules.SERVICE_NAME.matcher(spec.name()).matches()) {
            line.add("name", Rules.badServiceName(spec.name()));
        }
        if (RESERVED_SERVICE_NAMES.contains(spec.name())) {
            line.add("name", "'" + spec.name() + "' is reserved for the environment's own resources");
        }
        line.check(!spec.image().isBlank(), "image", "must not be empty");
        line.check(!spec.owner().isBlank(), "owner", "must not be empty");
        line.name("owner", spec.owner(), AwsLimits.TAG_VALUE);
        boolean queue = spec.queue().isPresent();
        for (String key : spec.variables().keySet()) {
            line.check(VARIABLE_NAME.matcher(key).matches(), "env." + key, "is not a valid environment variable name");
            line.check(!queue || !RESERVED_VARIABLES.contains(key), "env." + key,
                    "is set by servicekit (the service's queue)");
        }
        Set<String> secretNames = new HashSet<>();
        for (String secret : spec.secrets()) {
            line.check(VARIABLE_NAME.matcher(secret).matches(), "secret." + secret,
                    "is not a valid environment variable name");
            line.check(secretNames.add(secret), "secret." + secret, "declared more than once");
            line.check(!spec.variables().containsKey(secret), "secret." + secret, "is also a plain environment variable");
            line.check(!queue || !RESERVED_VARIABLES.contains(secret), "secret." + secret,
                    "is set by servicekit (the service's queue)");
        }
        spec.runbookUrl().ifPresent(url -> line.check(url.startsWith("https://") || url.startsWith("http://"),
                "runbook", Rules.badRunbook(url)));
        for (String env : spec.perEnvironment().keySet()) {
            line.check(environments.contains(env), "in." + env, "unknown environment; known: " + environments);
        }
        Set<MonitorKind> overridden = EnumSet.noneOf(MonitorKind.class);
        overridden.addAll(spec.common().monitors().keySet());
        spec.perEnvironment().values().forEach(o -> overridden.addAll(o.monitors().keySet()));
        boolean internetFacing = spec.kind() instanceof ServiceKind.Web web && !web.internal();
        for (MonitorKind kind : overridden) {
            if (!kind.appliesTo(spec.queue().isPresent(), spec.isWeb(), internetFacing)) {
                line.add("monitor " + kind.key(), switch (kind.needs()) {
                    case QUEUE -> "applies to services with a queue only";
                    case INTERNET_FACING -> "applies to internet-facing web services only";
                    default -> "applies to web services only";
                });
            }
        }
    }

    /**
     * One line in one environment. Only values the line sets are checked here; the environment's own
     * values are checked once, in {@link #checkEnvironment}. Derived names are checked for every service.
     */
    private static void checkService(ServiceSettings s, Overrides line, Environment env, Problems.Scope scope) {
        ServiceNames names = s.names();
        boolean web = s.kind() instanceof ServiceKind.Web;

        if (line.cpu().isPresent() || line.memory().isPresent()) {
            checkTaskSize(scope, s.cpu().intValue(), s.memory().intValue());
        }
        if (line.minCount().isPresent()) {
            checkCounts(scope, s.minCount().intValue(), s.desiredCount().intValue(), s.maxCount().intValue());
        }
        line.logRetentionDays().ifPresent(days -> scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(days),
                "logRetentionDays", Rules.badRetention(String.valueOf(days))));

        scope.name("queue name", names.queue(), AwsLimits.QUEUE_NAME);
        scope.name("dead-letter queue name", names.deadLetterQueue(), AwsLimits.QUEUE_NAME);
        scope.name("ECS service name", names.ecsService(), AwsLimits.ECS_NAME);
        scope.name("task family", names.taskFamily(), AwsLimits.ECS_NAME);
        scope.name("execution role name", names.executionRole(), AwsLimits.IAM_ROLE_NAME);
        scope.name("task role name", names.taskRole(), AwsLimits.IAM_ROLE_NAME);
        scope.name("log group name", names.logGroup(), AwsLimits.LOG_GROUP_NAME);
        scope.name("task security group name prefix", names.taskSecurityGroup(), AwsLimits.SECURITY_GROUP_NAME_PREFIX);
        if (web) {
            scope.name("load balancer name", names.loadBalancer(), AwsLimits.LOAD_BALANCER_NAME);
            scope.check(!names.loadBalancer().startsWith("internal-"), "load balancer name",
                    Rules.startsWithInternal(names.loadBalancer()));
            scope.name("target group name", names.targetGroup(String.valueOf(((ServiceKind.Web) s.kind()).port())),
                    AwsLimits.TARGET_GROUP_NAME);
            scope.name("load balancer security group name prefix", names.loadBalancerSecurityGroup(),
                    AwsLimits.SECURITY_GROUP_NAME_PREFIX);
        }

        s.queue().ifPresent(queue -> checkQueue(scope, queue));
        if (s.kind() instanceof ServiceKind.Web w) {
            scope.range("port", w.port().longValue(), AwsLimits.PORT);
            checkHealthCheck(scope, w.healthCheck());
            boolean plainHttpAllowed = line.plainHttpAllowed().orElse(false);
            scope.check(!env.httpsRequired() || w.internal() || s.certificateArn().isPresent() || plainHttpAllowed,
                    "certificateArn", "an internet-facing web service in " + env.name() + " needs a certificate "
                            + "(certificateArn in cdktf.json or on the line), or ." + env.name()
                            + "(o -> o.allowPlainHttp()) to serve plain HTTP on purpose");
        }
        line.certificateArn().ifPresent(arn -> {
            scope.check(web, "certificateArn", "applies to web services only");
            scope.check(Rules.CERTIFICATE_ARN.matcher(arn).matches(), "certificateArn", Rules.badCertificate(arn));
        });
        line.notifyHandle().ifPresent(handle -> scope.check(Rules.NOTIFY_HANDLE.matcher(handle).matches(), "notify",
                Rules.badHandle(handle)));
        line.pageHandle().ifPresent(handle -> scope.check(Rules.NOTIFY_HANDLE.matcher(handle).matches(), "page",
                Rules.badHandle(handle)));
        SloTarget slo = s.slo().orElse(env.monitoring().slo());
        line.slo().ifPresent(target -> {
            scope.check(web, "slo", "applies to web services only");
            checkSlo(scope, target);
        });
        // Overrides of monitors the service does not get are reported once, by checkLine.
        line.monitors().forEach((kind, thresholds) -> thresholds.filter(t -> s.monitors().containsKey(kind))
                .ifPresent(t -> checkThresholds(scope, kind, t, slo, env.monitoring().synthetics())));
        // A line's SLO target bounds the burn rates the environment gives it.
        if (line.slo().isPresent()) {
            s.monitors().forEach((kind, thresholds) -> {
                if (kind.scale() == MonitorKind.Scale.BURN_RATE && !line.monitors().containsKey(kind)) {
                    checkThresholds(scope, kind, thresholds, slo, env.monitoring().synthetics());
                }
            });
        }
    }

    private static void checkEnvironment(Environment env, Problems.Scope scope) {
        scope.check(Rules.ENVIRONMENT_NAME.matcher(env.name()).matches(), "name", Rules.badEnvironmentName(env.name()));
        scope.check(env.prefix().isEmpty() || Rules.SERVICE_NAME.matcher(env.prefix()).matches(), "prefix",
                Rules.badServiceName(env.prefix()));
        scope.check(REGION.matcher(env.region()).matches(), "region", "'" + env.region() + "' is not an AWS region");
        checkTaskSize(scope, env.tasks().cpu(), env.tasks().memory());
        checkCounts(scope, env.tasks().minCount(), env.tasks().desiredCount(), env.tasks().maxCount());
        scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(env.logRetentionDays()), "logRetentionDays",
                Rules.badRetention(String.valueOf(env.logRetentionDays())));
        MonitoringDefaults monitoring = env.monitoring();
        AlertRouting routing = monitoring.routing();
        scope.check(Rules.NOTIFY_HANDLE.matcher(routing.notifyHandle()).matches(), "notify",
                Rules.badHandle(routing.notifyHandle()));
        scope.check(Rules.NOTIFY_HANDLE.matcher(routing.pageHandle()).matches(), "page",
                Rules.badHandle(routing.pageHandle()));
        scope.check(Rules.PRIORITY.contains(routing.pagePriority().longValue()), "pagePriority",
                Rules.outside(String.valueOf(routing.pagePriority()), Rules.PRIORITY));
        scope.check(Rules.PRIORITY.contains(routing.notifyPriority().longValue()), "notifyPriority",
                Rules.outside(String.valueOf(routing.notifyPriority()), Rules.PRIORITY));
        scope.check(monitoring.datadogApiUrl().startsWith("https://"), "datadogApiUrl",
                "'" + monitoring.datadogApiUrl() + "' must be an https URL");
        checkSlo(scope, monitoring.slo());
        scope.check(!monitoring.synthetics().locations().isEmpty(), "synthetics.locations",
                "needs at least one Datadog location, e.g. aws:us-east-1");
        scope.range("synthetics.tickSeconds", monitoring.synthetics().tickSeconds().longValue(), Rules.SYNTHETICS_TICK);
        for (MonitorKind kind : MonitorKind.values()) {
            Thresholds thresholds = monitoring.thresholds().get(kind);
            if (thresholds == null) {
                scope.add("monitor " + kind.key(), Rules.NO_THRESHOLDS);
            } else {
                checkThresholds(scope, kind, thresholds, monitoring.slo(), monitoring.synthetics());
            }
        }
        if (env.network() instanceof NetworkConfig.Managed managed) {
            scope.check(MANAGED_CIDR.matcher(managed.cidr()).matches(), "network.cidr",
                    "'" + managed.cidr() + "' must be a 10.x.0.0/16 block");
            AwsLimits.Range zones = new AwsLimits.Range(NetworkConfig.Managed.MIN_ZONES, NetworkConfig.Managed.MAX_ZONES, "");
            scope.range("network.zones", managed.zones(), zones);
            scope.check(managed.natGateways() >= 0 && managed.natGateways() <= Math.max(1, managed.zones()),
                    "network.natGateways", Rules.outside(String.valueOf(managed.natGateways()),
                            new AwsLimits.Range(0, Math.max(1, managed.zones()), "")));
            managed.excludedZoneIds().forEach(id -> scope.check(AwsLimits.ZONE_ID.matcher(id).matches(),
                    "excludeZoneIds", "'" + id + "' is not an availability zone ID such as use1-az3"));
        } else if (env.network() instanceof NetworkConfig.Existing existing) {
            scope.check(existing.vpcId().startsWith("vpc-"), "vpcId", "'" + existing.vpcId() + "' is not a VPC ID (vpc-...)");
            scope.check(existing.publicSubnetIds().size() >= 2, "publicSubnetIds",
                    "an adopted VPC needs at least two public subnets (load balancers span two zones)");
            existing.publicSubnetIds().forEach(id -> scope.check(id.startsWith("subnet-"), "publicSubnetIds",
                    "'" + id + "' is not a subnet ID"));
            existing.privateSubnetIds().forEach(id -> scope.check(id.startsWith("subnet-"), "privateSubnetIds",
                    "'" + id + "' is not a subnet ID"));
            if (existing.clusterName().isBlank()) {
                scope.add("clusterName", "an adopted VPC needs an ECS cluster name");
            } else {
                scope.name("clusterName", existing.clusterName(), AwsLimits.ECS_CLUSTER_NAME);
            }
        }
        if (env.state() instanceof StateBackend.S3 s3) {
            scope.check(S3_BUCKET.matcher(s3.bucket()).matches(), "stateBucket", "'" + s3.bucket() + "' is not an S3 bucket name");
        }
        env.certificateArn().ifPresent(arn -> scope.check(Rules.CERTIFICATE_ARN.matcher(arn).matches(),
                "certificateArn", Rules.badCertificate(arn)));
    }

    /** A Fargate cpu/memory pair AWS offers. */
    private static void checkTaskSize(Problems.Scope scope, int cpu, int memory) {
        List<Integer> allowed = AwsLimits.FARGATE_MEMORY_BY_CPU.get(cpu);
        if (allowed == null) {
            scope.add("cpu", Rules.badCpu(String.valueOf(cpu)));
        } else if (!allowed.contains(memory)) {
            scope.add("memory", Rules.badMemory(String.valueOf(memory), String.valueOf(cpu), Rules.describe(allowed)));
        }
    }

    private static void checkCounts(Problems.Scope scope, int min, int desired, int max) {
        scope.check(min >= 1, "minCount", Rules.needsATask(String.valueOf(min)));
        scope.check(max >= 1, "maxCount", Rules.atLeastOne(String.valueOf(max)));
        scope.check(min <= desired && desired <= max, "desiredCount",
                Rules.badCounts(String.valueOf(min), String.valueOf(desired), String.valueOf(max)));
    }

    private static void checkQueue(Problems.Scope scope, QueueOptions queue) {
        scope.range("queue.visibilityTimeoutSeconds", queue.visibilityTimeoutSeconds(), AwsLimits.SQS_VISIBILITY_TIMEOUT);
        scope.range("queue.retentionSeconds", queue.retentionSeconds(), AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.deadLetterRetentionSeconds", queue.deadLetterRetentionSeconds(),
                AwsLimits.SQS_MESSAGE_RETENTION);
        scope.range("queue.delaySeconds", queue.delaySeconds(), AwsLimits.SQS_DELIVERY_DELAY);
        scope.range("queue.receiveWaitSeconds", queue.receiveWaitSeconds(), AwsLimits.SQS_RECEIVE_WAIT);
        scope.range("queue.maxReceiveCount", queue.maxReceiveCount(), AwsLimits.SQS_MAX_RECEIVE_COUNT);
        scope.check(queue.deadLetterRetentionSeconds() >= queue.retentionSeconds(), "queue.deadLetterRetentionSeconds",
                queue.deadLetterRetentionSeconds() + " s is shorter than the queue's retention ("
                        + queue.retentionSeconds() + " s); SQS keeps a message's original enqueue time, so it would "
                        + "expire early");
    }

    private static void checkHealthCheck(Problems.Scope scope, HealthCheck check) {
        scope.check(check.path().startsWith("/") && check.path().length() <= AwsLimits.HEALTH_CHECK_PATH_MAX,
                "healthCheck.path", Rules.badHealthCheckPath(check.path()));
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

    private static boolean validSlo(SloTarget slo) {
        double target = slo.targetPercent().doubleValue();
        return Double.isFinite(target) && target > 0 && target < 100;
    }

    /** A window Datadog's SLOs take, and a target below 100 % that leaves an error budget. */
    private static void checkSlo(Problems.Scope scope, SloTarget slo) {
        scope.check(SloTarget.WINDOWS.contains(slo.window()), "slo.window", Rules.badSloWindow(slo.window()));
        scope.check(validSlo(slo), "slo.target", Rules.badSloTarget(String.valueOf(slo.targetPercent())));
    }

    /**
     * Thresholds are finite and non-negative; percentages are at most 100, burn rates at most what the SLO's
     * target allows, locations at most the environment's; a monitor that fires below its threshold has one
     * above zero; a dead-man's switch waits at least twice its window; a warning comes before its critical.
     */
    private static void checkThresholds(Problems.Scope scope, MonitorKind kind, Thresholds thresholds, SloTarget slo,
                                        SyntheticsSettings synthetics) {
        String field = "monitor " + kind.key();
        double critical = thresholds.critical().doubleValue();
        String criticalText = thresholds.critical().toString();
        if (!Double.isFinite(critical)) {
            scope.add(field + ".critical", Rules.notFinite(criticalText));
            return;
        }
        scope.check(critical >= 0, field + ".critical", Rules.negative(criticalText));
        switch (kind.scale()) {
            case PERCENTAGE -> scope.check(critical <= 100, field + ".critical", Rules.percentageAbove100(criticalText));
            // An SLO target that is itself wrong is reported once, as such.
            case BURN_RATE -> {
                if (validSlo(slo) && !(critical > 0 && critical <= slo.maximumBurnRate() + 1e-9)) {
                    scope.add(field + ".critical", Rules.badBurnRate(criticalText, ServiceMonitoring.format(slo.targetPercent()),
                            new java.math.BigDecimal(slo.maximumBurnRate()).setScale(1, java.math.RoundingMode.HALF_UP)
                                    .stripTrailingZeros().toPlainString()));
                }
            }
            case LOCATIONS -> scope.check(synthetics.locations().isEmpty()
                            || critical >= 1 && critical <= synthetics.locations().size(),
                    field + ".critical", Rules.badLocationCount(criticalText, String.valueOf(synthetics.locations().size())));
            case NO_DATA_MINUTES -> scope.check(critical >= kind.minimumCritical(), field + ".critical",
                    Rules.noDataTooShort(criticalText, kind.minimumCritical()));
            default -> { }
        }
        if (!kind.above()) {
            scope.check(critical > 0, field + ".critical", Rules.neverFires(criticalText));
        }
        Optional<Number> warning = thresholds.warning();
        warning.ifPresent(w -> {
            if (!Double.isFinite(w.doubleValue())) {
                scope.add(field + ".warning", Rules.notFinite(w.toString()));
                return;
            }
            scope.check(w.doubleValue() >= 0, field + ".warning", Rules.negative(w.toString()));
            if (kind.scale() == MonitorKind.Scale.PERCENTAGE) {
                scope.check(w.doubleValue() <= 100, field + ".warning", Rules.percentageAbove100(w.toString()));
            }
            boolean before = kind.above() ? w.doubleValue() < critical : w.doubleValue() > critical;
            scope.check(before, field + ".warning", Rules.warningAfterCritical(kind, w.toString(), criticalText));
        });
    }
}
