package dev.servicekit.generation;

import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.queue.QueueOptions;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.terraform.Variable;
import dev.servicekit.terraform.Variable.Validation;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.terraform.Tokens;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.ServiceShape;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.loadbalancer.LoadBalancerPart;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.parts.ServiceParts;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.ServiceNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.servicekit.terraform.Variable.optional;
import static dev.servicekit.terraform.Variable.required;

/**
 * The inputs of each generated module. Defaults are the prod preset's ({@link Environment#prod()}), so
 * that one place holds them; each rule Terraform can check gets a validation block with servicekit's
 * own message ({@link Rules}, {@link AwsLimits}).
 */
final class ModuleInputs {
    /** The plan-time switch for the read-only ECR policy: a count cannot depend on an image known after apply. */
    static final String PRIVATE_ECR_IMAGE = "private_ecr_image";
    /** The plan-time switch for the HTTPS listener: a certificate's ARN may be known only after apply. */
    static final String ENABLE_HTTPS = "enable_https";
    /** The source of every default. */
    static final Environment DEFAULTS = Environment.prod();

    private ModuleInputs() {}

    /**
     * What a module of this kind may have. A web module decides internet-facing at plan time (var.internal): its
     * synthetics test is counted.
     */
    static ServiceShape shape(ModuleKind kind) {
        ServiceShape shape = kind == ModuleKind.WEB_SERVICE ? ServiceShape.BARE.withLoadBalancer(true)
                : ServiceShape.BARE.withQueue();
        return shape.withAddOns(ServiceParts.moduleAddOns(shape).stream().map(AddOn::option).toList());
    }

    /** The monitors a module of this kind creates. */
    static List<MonitorKind> monitors(ModuleKind kind) {
        ServiceShape shape = shape(kind);
        return Arrays.stream(MonitorKind.values()).filter(m -> m.appliesTo(shape)).toList();
    }

    static List<Variable> of(ModuleKind kind) {
        boolean web = kind == ModuleKind.WEB_SERVICE;
        List<Variable> inputs = new ArrayList<>();
        inputs.add(required("name", "string", "The service's name: lowercase letters, digits and inner hyphens.",
                matches("name", Rules.SERVICE_NAME, Rules.badServiceName("${var.name}")),
                web ? nameFits("load balancer name", "${var.environment}-${var.name}", AwsLimits.LOAD_BALANCER_NAME)
                        : nameFits("execution role name", "${var.environment}-${var.name}-execution",
                        AwsLimits.IAM_ROLE_NAME),
                web ? new Validation("${!startswith(\"${var.environment}-${var.name}\", \"internal-\")}",
                        "load balancer name: " + Rules.startsWithInternal("${var.environment}-${var.name}"))
                        : nameFits("dead-letter queue name", "${var.environment}-${var.name}-dlq", AwsLimits.QUEUE_NAME),
                web ? nameFits("target group name", "${var.environment}-${var.name}-${var.port}",
                        AwsLimits.TARGET_GROUP_NAME)
                        : nameFits("task security group name prefix", "${var.environment}-${var.name}-tasks-",
                        AwsLimits.SECURITY_GROUP_NAME_PREFIX)));
        inputs.add(required("environment", "string", "The environment, e.g. stage or prod; prefixes every AWS name.",
                matches("environment", Rules.ENVIRONMENT_NAME, Rules.badEnvironmentName("${var.environment}"))));
        inputs.add(required("image", "string", "The container image.",
                new Validation("${var." + PRIVATE_ECR_IMAGE + " || !can(regex(\"" + Rules.hclRegex(ServiceSettings.PRIVATE_ECR_IMAGE)
                        + "\", var.image))}", "image: " + Rules.privateEcrImage("${var.image}", PRIVATE_ECR_IMAGE))));
        inputs.add(optional(PRIVATE_ECR_IMAGE, "bool", false, "The image is in a private ECR repository: the execution "
                + "role gets AWS's read-only ECR policy. A boolean, so that the plan can decide it when the image is "
                + "known only after apply."));
        String ownerTagLength = "length(\"" + MonitoredService.OWNER_TAG + "${var.owner}\")";
        inputs.add(optional("owner", "string", Service.DEFAULT_OWNER, "The owning team, tagged on every resource.",
                matches("owner", AwsLimits.TAG_VALUE.allowed(), AwsLimits.TAG_VALUE.badCharacters("${var.owner}")),
                new Validation("${" + ownerTagLength + " <= " + Rules.DATADOG_TAG_MAX + "}", "owner: "
                        + Rules.ownerTooLongForDatadog(MonitoredService.OWNER_TAG + "${var.owner}", "${" + ownerTagLength + "}"))));
        // try(): Terraform 1.11's || does not short-circuit, and a null or empty command has no first word.
        inputs.add(optional("command", "list(string)", Variable.NULL, "The container command; null for the image's.",
                new Validation("${try(trimspace(var.command[0]) != \"\", true)}", "command: " + Rules.BLANK_EXECUTABLE)));
        String variableName = Rules.hclRegex(Rules.VARIABLE_NAME);
        String reserved = reservedVariables(kind);
        // The offending names only, as the Java validator names them.
        String namedAsSecrets = "[for k in keys(var.environment_variables) : k if can(regex(\""
                + Rules.hclRegex(Rules.SENSITIVE_VARIABLE_NAME) + "\", k)) && !can(regex(\""
                + Rules.hclRegex(Rules.ABOUT_A_SECRET) + "\", k))]";
        String credentials = "[for k, v in var.environment_variables : k if can(regex(\""
                + Rules.hclRegex(Rules.CREDENTIAL_VALUE) + "\", v))]";
        inputs.add(optional("environment_variables", "map(string)", Map.of(),
                "Plain environment variables (never secrets).",
                new Validation("${alltrue([for k in keys(var.environment_variables) : can(regex(\"" + variableName
                        + "\", k))])}", "env: " + Rules.notAllVariableNames("${join(\", \", [for k in "
                        + "keys(var.environment_variables) : k if !can(regex(\"" + variableName + "\", k))])}")),
                new Validation("${length(" + namedAsSecrets + ") == 0}",
                        "env: " + Rules.plaintextSecret("${join(\", \", " + namedAsSecrets + ")}")),
                new Validation("${length(" + credentials + ") == 0}",
                        "env: " + Rules.credentialInPlainText("${join(\", \", " + credentials + ")}")),
                new Validation("${length(setintersection(keys(var.environment_variables), " + reserved + ")) == 0}",
                        "env: " + Rules.variablesSetByServicekit("${join(\", \", setintersection("
                                + "keys(var.environment_variables), " + reserved + "))}"))));
        inputs.add(optional("secrets", "list(string)", List.of(), "Names of secrets ECS reads at start from SSM "
                + "Parameter Store under /ENVIRONMENT/NAME/SECRET; their values never enter Terraform.",
                new Validation("${alltrue([for k in var.secrets : can(regex(\"" + variableName + "\", k))])}",
                        "secret: " + Rules.notAllVariableNames("${join(\", \", var.secrets)}")),
                new Validation("${length(distinct(var.secrets)) == length(var.secrets)}",
                        "secret: " + Rules.secretsGivenTwice("${join(\", \", var.secrets)}")),
                new Validation("${length(setintersection(var.secrets, keys(var.environment_variables))) == 0}",
                        "secret: " + Rules.secretsAlsoPlain("${join(\", \", setintersection(var.secrets, "
                                + "keys(var.environment_variables)))}")),
                new Validation("${length(setintersection(var.secrets, " + reserved + ")) == 0}",
                        "secret: " + Rules.variablesSetByServicekit("${join(\", \", setintersection(var.secrets, "
                                + reserved + "))}"))));
        inputs.add(optional("secrets_kms_key_arn", "string", Variable.NULL, "The customer-managed KMS key the secrets "
                + "are encrypted with: the execution role may decrypt with it, through Parameter Store, the service's "
                + "own parameters only. Null: the secrets are under the AWS-managed key aws/ssm.",
                new Validation("${var.secrets_kms_key_arn == null || can(regex(\"" + Rules.hclRegex(Rules.KMS_KEY_ARN)
                        + "\", var.secrets_kms_key_arn))}", "secretsKmsKeyArn: " + Rules.badKmsKey(
                        "${var.secrets_kms_key_arn == null ? \"null\" : var.secrets_kms_key_arn}"))));
        inputs.add(optional("writable_paths", "list(string)", List.of(), "Directories the container may write to "
                + "(its root filesystem is read-only), each an empty volume of the task's ephemeral storage, e.g. "
                + "[\"/var/cache/nginx\", \"/var/run\"] for nginx.",
                new Validation("${alltrue([for p in var.writable_paths : can(regex(\"" + Rules.hclRegex(Rules.WRITABLE_PATH)
                        + "\", p))])}", "writablePaths: " + Rules.badWritablePath("${join(\", \", var.writable_paths)}")),
                new Validation("${length(distinct([for p in var.writable_paths : \""
                        + ServiceNames.writableVolumeTemplate("p") + "\"])) == length(var.writable_paths)}",
                        "writablePaths: " + Rules.sameVolume("${join(\", \", var.writable_paths)}")),
                new Validation("${alltrue([for p in var.writable_paths : length(\"" + ServiceNames.writableVolumeTemplate("p")
                        + "\") <= " + AwsLimits.ECS_VOLUME_NAME_MAX + "])}",
                        "writablePaths: " + Rules.volumeNameTooLong("${join(\", \", var.writable_paths)}"))));
        inputs.add(optional("readonly_root_filesystem", "bool", true, "Keep the container's root filesystem "
                + "read-only; false for an image that cannot run so."));
        if (web) {
            inputs.add(optional("port", "number", 80, "The container port, behind the load balancer.",
                    new Validation("${var.port >= " + AwsLimits.PORT.min() + " && var.port <= " + AwsLimits.PORT.max()
                            + "}", "port: " + Rules.outside("${var.port}", AwsLimits.PORT))));
            inputs.add(optional("health_check_path", "string", HealthCheck.at("/").path(),
                    "The target group's health check path.",
                    new Validation("${substr(var.health_check_path, 0, 1) == \"/\" && length(var.health_check_path) <= "
                            + AwsLimits.HEALTH_CHECK_PATH_MAX + "}",
                            "healthCheck.path: " + Rules.badHealthCheckPath("${var.health_check_path}"))));
        }
        inputs.add(optional("cpu", "number", DEFAULTS.tasks().cpu(), "Fargate cpu units.",
                new Validation("${contains(" + hcl(AwsLimits.FARGATE_MEMORY_BY_CPU.keySet().stream().sorted().toList())
                        + ", var.cpu)}", "cpu: " + Rules.badCpu("${var.cpu}"))));
        inputs.add(optional("memory", "number", DEFAULTS.tasks().memory(), "Memory in MiB, a size Fargate pairs "
                + "with cpu.", new Validation("${contains(try(" + memoryByCpu() + "[tostring(var.cpu)], []), var.memory)}",
                "memory: " + Rules.badMemory("${var.memory}", "${var.cpu}",
                        "${try(" + memoryDescriptionByCpu() + "[tostring(var.cpu)], \"none\")}"))));
        inputs.add(optional("min_count", "number", DEFAULTS.tasks().minCount(), "Autoscaling's minimum task count.",
                new Validation("${var.min_count >= 1}", "minCount: " + Rules.needsATask("${var.min_count}"))));
        inputs.add(optional("desired_count", "number", DEFAULTS.tasks().desiredCount(),
                "Tasks at creation; autoscaling owns the count afterwards.",
                new Validation("${var.min_count <= var.desired_count && var.desired_count <= var.max_count}",
                        "desiredCount: " + Rules.badCounts("${var.min_count}", "${var.desired_count}",
                                "${var.max_count}"))));
        inputs.add(optional("max_count", "number", DEFAULTS.tasks().maxCount(), "Autoscaling's maximum task count.",
                new Validation("${var.max_count >= 1}", "maxCount: " + Rules.atLeastOne("${var.max_count}"))));
        inputs.add(optional("log_retention_days", "number", DEFAULTS.logRetentionDays(),
                "CloudWatch Logs retention of the service's log group.",
                new Validation("${contains(" + hcl(AwsLimits.LOG_RETENTION_DAYS.stream().sorted().toList())
                        + ", var.log_retention_days)}",
                        "logRetentionDays: " + Rules.badRetention("${var.log_retention_days}"))));
        inputs.add(required("vpc_id", "string", "The VPC the service runs in.",
                new Validation("${can(regex(\"" + Rules.hclRegex(AwsLimits.VPC_ID) + "\", var.vpc_id))}",
                        "vpcId: " + Rules.notAVpcId("${var.vpc_id}"))));
        inputs.add(required("subnet_ids", "list(string)", "Where tasks run: private subnets with NAT, or public "
                + "subnets with assign_public_ip = true; at least " + Rules.MIN_SUBNETS + ", in different zones.",
                subnetIds("subnet_ids", "subnetIds"),
                new Validation("${length(distinct(var.subnet_ids)) >= " + Rules.MIN_SUBNETS + "}",
                        "subnetIds: " + Rules.TASK_SUBNETS_IN_ONE_ZONE)));
        inputs.add(optional("assign_public_ip", "bool", false, "Give tasks public IPs (public subnets without NAT)."));
        if (web) {
            inputs.add(optional("internal", "bool", false, "An internal load balancer in subnet_ids, reachable from "
                    + "the VPC only, instead of an internet-facing one."));
            inputs.add(optional("public_subnet_ids", "list(string)", List.of(),
                    "Public subnets in two zones for an internet-facing load balancer.",
                    subnetIds("public_subnet_ids", "publicSubnetIds"),
                    new Validation("${var.internal || length(distinct(var.public_subnet_ids)) >= " + Rules.MIN_SUBNETS
                            + "}", "publicSubnetIds: " + Rules.ADOPTED_VPC_NEEDS_TWO_PUBLIC_SUBNETS)));
            inputs.add(optional(ENABLE_HTTPS, "bool", false, "Serve HTTPS with certificate_arn ("
                    + LoadBalancerPart.TLS_POLICY + ") and redirect HTTP to it. A boolean, so that the plan can "
                    + "decide it when the certificate is known only after apply."));
            inputs.add(optional("certificate_arn", "string", Variable.NULL, "The ACM certificate of the HTTPS "
                    + "listener; required with enable_https.",
                    new Validation("${var.certificate_arn == null || can(regex(\"" + Rules.hclRegex(Rules.CERTIFICATE_ARN)
                            + "\", var.certificate_arn))}",
                            "certificateArn: " + Rules.badCertificate(
                                    "${var.certificate_arn == null ? \"null\" : var.certificate_arn}")),
                    new Validation("${var." + ENABLE_HTTPS + " == (var.certificate_arn != null)}",
                            "certificateArn: " + Rules.HTTPS_NEEDS_A_CERTIFICATE)));
            inputs.add(optional("deletion_protection", "bool", DEFAULTS.protectStatefulResources(),
                    "Deletion protection on the load balancer."));
            inputs.add(optional("allow_plain_http", "bool", false, "Let an internet-facing service in prod serve "
                    + "plain HTTP, on purpose (without a certificate).",
                    new Validation("${var.internal || var.certificate_arn != null || var.environment != \"prod\" || "
                            + "var.allow_plain_http}", "certificateArn: " + Rules.needsCertificate("${var.environment}"))));
            inputs.add(required("access_logs_bucket", "string", "The S3 bucket the load balancer writes its access "
                    + "logs to, under the service's name; its policy must let Elastic Load Balancing write "
                    + "(a servicekit environment's <env>-lb-logs-<account ID> does)."));
        }
        inputs.add(required("cluster_name", "string", "The ECS cluster the service runs on."));
        AlertRouting routing = DEFAULTS.monitoring().routing();
        inputs.add(required("page", "string", "The Datadog handle symptoms page, e.g. @pagerduty-payments.",
                matches("page", Rules.NOTIFY_HANDLE, Rules.badHandle("${var.page}"))));
        inputs.add(required("notify", "string", "The Datadog handle warnings and causes notify; it must not page, "
                + "e.g. @slack-payments.", matches("notify", Rules.NOTIFY_HANDLE, Rules.badHandle("${var.notify}")),
                new Validation("${!can(regex(\"" + Rules.hclRegex(Rules.PAGING_HANDLE) + "\", var.notify))}",
                        "notify: " + Rules.notifyPages("${var.notify}"))));
        inputs.add(priority("page_priority", routing.pagePriority(), "symptoms in alert"));
        inputs.add(priority("notify_priority", routing.notifyPriority(), "warnings and causes"));
        if (web) {
            SloTarget slo = DEFAULTS.monitoring().slo();
            inputs.add(optional("slo_target", "number", slo.targetPercent(), "The availability SLO: the percentage of "
                    + "requests answered without a 5xx.", new Validation("${var.slo_target >= " + Rules.SLO_TARGET_MIN + " && var.slo_target < 100}",
                    "slo.target: " + Rules.badSloTarget("${var.slo_target}"))));
            inputs.add(optional("slo_window", "string", slo.window(), "The SLO's rolling window: "
                    + String.join(", ", SloTarget.WINDOWS) + ".", new Validation("${contains(" + strings(SloTarget.WINDOWS)
                    + ", var.slo_window)}", "slo.window: " + Rules.badSloWindow("${var.slo_window}", SloTarget.WINDOWS))));
            SyntheticsSettings synthetics = DEFAULTS.monitoring().synthetics();
            inputs.add(optional("synthetics_locations", "list(string)", synthetics.locations(), "The Datadog locations "
                    + "the synthetics test calls the health check from (internet-facing services only).",
                    new Validation("${length(var.synthetics_locations) > 0}",
                            "synthetics.locations: needs at least one Datadog location, e.g. aws:us-east-1")));
            inputs.add(optional("synthetics_tick_seconds", "number", synthetics.tickSeconds(),
                    "Seconds between two runs of the synthetics test.",
                    new Validation("${var.synthetics_tick_seconds >= " + Rules.SYNTHETICS_TICK.min()
                            + " && var.synthetics_tick_seconds <= " + Rules.SYNTHETICS_TICK.max() + "}",
                            "synthetics.tickSeconds: " + Rules.outside("${var.synthetics_tick_seconds}",
                                    Rules.SYNTHETICS_TICK))));
        }
        inputs.add(optional("datadog_app_url", "string", Alerting.appUrlOf(Environment.DEFAULT_DATADOG_API_URL),
                "The Datadog web app, for links in monitor messages (e.g. https://app.datadoghq.eu)."));
        inputs.add(required("runbook_url", "string", "The runbook linked from every monitor message and the dashboard: "
                + "at 3 a.m. the page says what to do.",
                new Validation("${can(regex(\"" + Rules.hclRegex(Rules.RUNBOOK_URL) + "\", var.runbook_url))}",
                        "runbook: " + Rules.badRunbook("${var.runbook_url}"))));
        inputs.add(optional("tags", "map(string)", Map.of(), "Tags added to every AWS resource, besides service, "
                + "environment, owner and managed-by=" + Catalog.MANAGED_BY + "."));
        for (MonitorKind monitor : monitors(kind)) {
            inputs.addAll(thresholdInputs(monitor));
        }
        for (AddOn addOn : ServiceParts.moduleAddOns(shape(kind))) {
            inputs.addAll(addOn.moduleInputs().isEmpty() ? List.of(addOnInput(addOn)) : addOn.moduleInputs());
        }
        return inputs;
    }

    /**
     * The container variables servicekit sets in a module, as HCL: the queue's (a worker always has one) and
     * those of each add-on its input switches on.
     */
    private static String reservedVariables(ModuleKind kind) {
        List<String> lists = new ArrayList<>();
        if (kind != ModuleKind.WEB_SERVICE) {
            lists.add(strings(QueueOptions.VARIABLES.stream().sorted().toList()));
        }
        for (AddOn addOn : ServiceParts.moduleAddOns(shape(kind))) {
            if (!addOn.variables().isEmpty()) {
                lists.add(Hcl.render(addOn.moduleSwitch().choose(Expression.of(strings(addOn.variables())), Expression.of("[]"))));
            }
        }
        return lists.isEmpty() ? "[]" : "concat(" + String.join(", ", lists) + ")";
    }

    /** Each of a list input's entries is a subnet ID. */
    private static Validation subnetIds(String input, String field) {
        return new Validation("${alltrue([for id in var." + input + " : can(regex(\"" + Rules.hclRegex(AwsLimits.SUBNET_ID)
                + "\", id))])}", field + ": " + Rules.notAllSubnetIds("${join(\", \", var." + input + ")}"));
    }

    /**
     * An add-on's switch: a boolean known at plan, with the add-on's derived names checked where it is on. The
     * add-on has its defaults; a team that needs others declares the service in Java.
     */
    private static Variable addOnInput(AddOn addOn) {
        List<Validation> validations = new ArrayList<>();
        for (AwsName name : addOn.names("${var.environment}", "${var.name}")) {
            String length = "length(\"" + name.value() + "\")";
            validations.add(new Validation("${!var." + addOn.option() + " || " + length + " <= " + name.rule().maxLength()
                    + "}", name.field() + ": " + name.rule().tooLong(name.value(), "${" + length + "}")));
        }
        return optional(addOn.option(), "bool", false, addOn.summary() + " A boolean, known at plan.",
                validations.toArray(Validation[]::new));
    }

    /** A monitor's critical and warning inputs, with the Java validator's rules for its scale. */
    private static List<Variable> thresholdInputs(MonitorKind monitor) {
        Thresholds defaults = DEFAULTS.monitoring().thresholds().get(monitor);
        String critical = "var." + monitor.key() + "_critical";
        String warning = "var." + monitor.key() + "_warning";
        String field = "monitor " + monitor.key();
        List<Validation> criticalRules = new ArrayList<>(List.of(new Validation("${" + critical + " >= 0}",
                field + ".critical: " + Rules.negative("${" + critical + "}"))));
        // A switch expression: a new scale does not compile until it has its rule here (and in ThresholdRules).
        criticalRules.addAll(switch (monitor.scale()) {
            case PERCENTAGE -> List.of(new Validation("${" + critical + " <= 100}",
                    field + ".critical: " + Rules.percentageAbove100("${" + critical + "}")));
            case BURN_RATE -> {
                String maximum = "1 / (1 - var.slo_target / 100)";
                // Multiplied out: Terraform computes 1 / (1 - 90 / 100) as 9.999..., which would refuse 10.
                yield List.of(new Validation("${" + critical + " > 0 && " + critical + " * (100 - var.slo_target) <= 100}",
                        field + ".critical: " + Rules.badBurnRate("${" + critical + "}", "${var.slo_target}",
                                "${floor(" + maximum + " * 10 + 0.5) / 10}")));
            }
            case LOCATIONS -> List.of(new Validation("${" + critical + " >= 1 && " + critical
                    + " <= length(var.synthetics_locations)}", field + ".critical: " + Rules.badLocationCount(
                    "${" + critical + "}", "${length(var.synthetics_locations)}")));
            case NO_DATA_MINUTES -> List.of(new Validation("${" + critical + " >= "
                    + Tokens.text(monitor.minimumCritical()) + "}", field + ".critical: "
                    + Rules.noDataTooShort("${" + critical + "}", monitor.minimumCritical())));
            case RESPONSE_SECONDS -> List.of(new Validation("${" + critical + " <= "
                    + AwsLimits.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS + "}", field + ".critical: "
                    + Rules.slowerThanTheLoadBalancerWaits("${" + critical + "}")));
            case PLAIN -> List.of();
        });
        if (!monitor.above()) {
            criticalRules.add(new Validation("${" + critical + " > 0}",
                    field + ".critical: " + Rules.neverFires("${" + critical + "}")));
        }
        List<Variable> inputs = new ArrayList<>();
        String alertsWhen = monitor.scale() == MonitorKind.Scale.LOCATIONS
                ? "alert when at least this many of the test's locations fail"
                : "alert " + (monitor.above() ? "above" : "below") + " this (" + monitor.unit() + ")";
        inputs.add(new Variable(monitor.key() + "_critical", "number", "Monitor '" + monitor.title() + "' ("
                + monitor.severity().name().toLowerCase(java.util.Locale.ROOT) + "): " + alertsWhen + ".",
                java.util.Optional.of(defaults.critical()), criticalRules));
        if (monitor.takesWarning()) {
            // HCL's || does not short-circuit: with a null warning the comparison fails, and try says true.
            List<Validation> warningRules = new ArrayList<>(List.of(
                    new Validation("${try(" + warning + " >= 0, true)}",
                            field + ".warning: " + Rules.negative("${coalesce(" + warning + ", 0)}")),
                    new Validation("${try(" + warning + (monitor.above() ? " < " : " > ") + critical + ", true)}",
                            field + ".warning: " + Rules.warningAfterCritical(
                                    monitor.above(), "${coalesce(" + warning + ", 0)}", "${" + critical + "}"))));
            if (monitor.scale() == MonitorKind.Scale.PERCENTAGE) {
                warningRules.add(new Validation("${try(" + warning + " <= 100, true)}",
                        field + ".warning: " + Rules.percentageAbove100("${coalesce(" + warning + ", 0)}")));
            }
            inputs.add(optional(monitor.key() + "_warning", "number", defaults.warning().<Object>map(w -> w)
                    .orElse(Variable.NULL), "Monitor '" + monitor.title() + "': warn "
                    + (monitor.above() ? "above" : "below") + " this first; null for no warning.",
                    warningRules.toArray(Validation[]::new)));
        }
        return inputs;
    }

    private static Variable priority(String name, Number defaultValue, String what) {
        return optional(name, "number", defaultValue, "The priority of " + what + ", 1 (highest) to 5.",
                new Validation("${var." + name + " >= " + Rules.PRIORITY.min() + " && var." + name + " <= "
                        + Rules.PRIORITY.max() + "}", name.replace("_p", "P") + ": "
                        + Rules.outside("${var." + name + "}", Rules.PRIORITY)));
    }

    private static String strings(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static Validation matches(String field, java.util.regex.Pattern pattern, String message) {
        return new Validation("${can(regex(\"" + Rules.hclRegex(pattern) + "\", var." + field + "))}",
                field + ": " + message);
    }

    private static Validation nameFits(String field, String name, AwsLimits.TextRule rule) {
        String length = "length(\"" + name + "\")";
        return new Validation("${" + length + " <= " + rule.maxLength() + "}",
                field + ": " + rule.tooLong(name, "${" + length + "}"));
    }

    private static String hcl(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String memoryByCpu() {
        return new TreeMap<>(AwsLimits.FARGATE_MEMORY_BY_CPU).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\" = " + hcl(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String memoryDescriptionByCpu() {
        return new TreeMap<>(AwsLimits.FARGATE_MEMORY_BY_CPU).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\" = \"" + Rules.describe(e.getValue()) + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
