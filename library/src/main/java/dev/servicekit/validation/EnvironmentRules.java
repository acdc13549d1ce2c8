package dev.servicekit.validation;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.LoadBalancerLogs;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.rules.AwsName;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.util.Set;
import java.util.regex.Pattern;

/** An environment's own values: name, region, network, task defaults, state, alerting. */
final class EnvironmentRules {
    /** An AWS account ID: 12 digits. */
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** A DNS domain: labels of letters, digits and inner hyphens, at least two of them. */
    static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** A Route 53 hosted zone ID: Z and upper-case letters and digits. */
    static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    static final Pattern MANAGED_CIDR = Pattern.compile("10\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.0\\.0/16");

    private EnvironmentRules() {}

    static void check(Environment env, Problems.Scope scope) {
        scope.check(Rules.ENVIRONMENT_NAME.matcher(env.name()).matches(), "name", Rules.badEnvironmentName(env.name()));
        scope.check(env.prefix().isEmpty() || Rules.SERVICE_NAME.matcher(env.prefix()).matches(), "prefix",
                Rules.badServiceName(env.prefix()));
        scope.check(AwsLimits.REGIONS.contains(env.region()), "region", Rules.notAnAwsRegion(env.region()));
        TaskRules.checkSize(scope, env.tasks().cpu(), env.tasks().memory());
        TaskRules.checkCounts(scope, env.tasks(), Environment.of(env.name(), env.preset()).tasks());
        scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(env.logRetentionDays()), "logRetentionDays",
                Rules.badRetention(String.valueOf(env.logRetentionDays())));
        MonitoringDefaults monitoring = env.monitoring();
        AlertRouting routing = monitoring.routing();
        if (routing.notifyHandle().isEmpty()) {
            scope.add("notify", Rules.handleNotSet("notify", env.name()));
        } else {
            RoutingRules.checkNotify(scope, routing.notifyHandle());
        }
        if (routing.pageHandle().isEmpty()) {
            scope.add("page", Rules.handleNotSet("page", env.name()));
        } else {
            scope.check(Rules.NOTIFY_HANDLE.matcher(routing.pageHandle()).matches(), "page",
                    Rules.badHandle(routing.pageHandle()));
        }
        scope.check(Rules.PRIORITY.contains(routing.pagePriority().longValue()), "pagePriority",
                Rules.outside(String.valueOf(routing.pagePriority()), Rules.PRIORITY));
        scope.check(Rules.PRIORITY.contains(routing.notifyPriority().longValue()), "notifyPriority",
                Rules.outside(String.valueOf(routing.notifyPriority()), Rules.PRIORITY));
        scope.check(Rules.DATADOG_API_URL.matcher(monitoring.datadogApiUrl()).matches(), "datadogApiUrl",
                Rules.notADatadogApi(monitoring.datadogApiUrl()));
        scope.range("evaluationDelaySeconds", monitoring.evaluationDelaySeconds(), Rules.EVALUATION_DELAY);
        ThresholdRules.checkSlo(scope, monitoring.slo());
        scope.check(!monitoring.synthetics().locations().isEmpty(), "synthetics.locations", Rules.NO_SYNTHETICS_LOCATION);
        Set<String> locations = new java.util.HashSet<>();
        for (String location : monitoring.synthetics().locations()) {
            scope.check(Rules.SYNTHETICS_LOCATION.matcher(location).matches(), "synthetics.locations",
                    Rules.badSyntheticsLocation(location));
            scope.check(locations.add(location), "synthetics.locations", Rules.syntheticsLocationTwice(location));
        }
        scope.range("synthetics.tickSeconds", monitoring.synthetics().tickSeconds().longValue(), Rules.SYNTHETICS_TICK);
        monitoring.runbook().ifPresent(url -> scope.check(Rules.RUNBOOK_URL.matcher(url).matches(), "runbook",
                Rules.badRunbook(url)));
        monitoring.datadogAgent().ifPresent(agent -> checkAgent(scope, agent, env));
        for (MonitorKind kind : MonitorKind.values()) {
            Thresholds thresholds = monitoring.thresholds().get(kind);
            if (thresholds == null) {
                scope.add("monitor " + kind.key(), Rules.NO_THRESHOLDS);
            } else {
                ThresholdRules.check(scope, kind, thresholds, monitoring.slo(), monitoring.synthetics());
            }
        }
        if (env.network() instanceof NetworkConfig.Managed managed) {
            scope.check(MANAGED_CIDR.matcher(managed.cidr()).matches(), "network.cidr", Rules.badManagedCidr(managed.cidr()));
            AwsLimits.Range zones = new AwsLimits.Range(NetworkConfig.Managed.MIN_ZONES, NetworkConfig.Managed.MAX_ZONES, "");
            scope.range("network.zones", managed.zones(), zones);
            scope.check(managed.natGateways() >= 0 && managed.natGateways() <= Math.max(1, managed.zones()),
                    "network.natGateways", Rules.outside(String.valueOf(managed.natGateways()),
                            new AwsLimits.Range(0, Math.max(1, managed.zones()), "")));
            managed.excludedZoneIds().forEach(id -> scope.check(AwsLimits.ZONE_ID.matcher(id).matches(),
                    "excludeZoneIds", Rules.badZoneId(id)));
        } else if (env.network() instanceof NetworkConfig.Existing existing) {
            scope.check(AwsLimits.VPC_ID.matcher(existing.vpcId()).matches(), "vpcId", Rules.notAVpcId(existing.vpcId()));
            scope.check(Set.copyOf(existing.publicSubnetIds()).size() >= Rules.MIN_SUBNETS, "publicSubnetIds",
                    Rules.ADOPTED_VPC_NEEDS_TWO_PUBLIC_SUBNETS);
            scope.check(existing.privateSubnetIds().isEmpty()
                    || Set.copyOf(existing.privateSubnetIds()).size() >= Rules.MIN_SUBNETS, "privateSubnetIds",
                    Rules.TASK_SUBNETS_IN_ONE_ZONE);
            existing.publicSubnetIds().forEach(id -> scope.check(AwsLimits.SUBNET_ID.matcher(id).matches(),
                    "publicSubnetIds", Rules.notASubnetId(id)));
            existing.privateSubnetIds().forEach(id -> scope.check(AwsLimits.SUBNET_ID.matcher(id).matches(),
                    "privateSubnetIds", Rules.notASubnetId(id)));
            if (existing.clusterName().isBlank()) {
                scope.add("clusterName", Rules.ADOPTED_VPC_NEEDS_A_CLUSTER);
            } else {
                scope.name("clusterName", existing.clusterName(), AwsLimits.ECS_CLUSTER_NAME);
            }
        }
        if (env.preset() == Preset.PROD && env.state() instanceof StateBackend.Local local && !local.chosen()) {
            scope.add("stateBucket", Rules.localProdState(env.name(), StateBackend.Local.file(env.name())));
        }
        if (env.state() instanceof StateBackend.S3 s3) {
            scope.check(AwsLimits.S3_BUCKET_NAME.problem(s3.bucket()) == null, "stateBucket",
                    Rules.notABucketName(s3.bucket()));
            scope.check(AwsLimits.REGIONS.contains(s3.region()), "stateRegion", Rules.notAnAwsRegion(s3.region()));
        }
        if (env.loadBalancerLogs() instanceof LoadBalancerLogs.Existing existing) {
            scope.name("loadBalancerLogsBucket", existing.bucket(), AwsLimits.S3_BUCKET_NAME);
        }
        env.certificateArn().ifPresent(arn -> dev.servicekit.loadbalancer.LoadBalancerRules.checkCertificate(scope, arn, env.region()));
        env.secretsKmsKeyArn().ifPresent(arn -> SecretRules.checkKey(scope, "secretsKmsKeyArn", arn, env.region()));
        env.account().ifPresent(account -> scope.check(ACCOUNT_ID.matcher(account).matches(), "account",
                Rules.notAnAccountId(account)));
        if (env.loadBalancing() instanceof LoadBalancing.Shared shared) {
            scope.check(DOMAIN.matcher(shared.domain()).matches(), "domain", Rules.notADomain(shared.domain()));
            shared.hostedZoneId().ifPresent(zone -> scope.check(HOSTED_ZONE_ID.matcher(zone).matches(), "hostedZoneId",
                    Rules.notAHostedZoneId(zone)));
            scope.check(shared.internetFacing() >= 0, "sharedLoadBalancers.internet-facing",
                    Rules.negative(String.valueOf(shared.internetFacing())));
            scope.check(shared.internal() >= 0, "sharedLoadBalancers.internal",
                    Rules.negative(String.valueOf(shared.internal())));
            if (Rules.ENVIRONMENT_NAME.matcher(env.name()).matches()) {
                EnvironmentNames names = EnvironmentNames.of(env);
                for (boolean internal : java.util.List.of(false, true)) {
                    for (int slot = 0; slot < shared.count(internal); slot++) {
                        scope.name("sharedLoadBalancers", names.sharedLoadBalancer(internal, slot),
                                AwsLimits.LOAD_BALANCER_NAME);
                    }
                }
            }
        }
        boolean named = Rules.ENVIRONMENT_NAME.matcher(env.name()).matches()
                && (env.prefix().isEmpty() || Rules.SERVICE_NAME.matcher(env.prefix()).matches());
        // A bad name or prefix is reported as such, not again through every name derived from it.
        if (named) {
            for (AwsName name : EnvironmentNames.of(env).awsNames(env.network() instanceof NetworkConfig.Managed,
                    env.loadBalancerLogs() instanceof LoadBalancerLogs.Managed)) {
                scope.name(name.field(), name.value(), name.rule());
            }
        }
    }

    /** The Agent's image pinned by digest, its API key's parameter, its resources, and where logs go. */
    private static void checkAgent(Problems.Scope scope, DatadogAgent agent, Environment env) {
        scope.check(Rules.DATADOG_AGENT_IMAGE.matcher(agent.image()).matches(), "datadogAgent.image",
                Rules.agentImageNotPinned(agent.image()));
        if (Rules.SSM_PARAMETER_PATH.matcher(agent.apiKeyParameter()).matches()) {
            scope.name("datadogAgent.apiKeyParameter", agent.apiKeyParameter(), AwsLimits.ssmParameterName(env.region()));
        } else {
            scope.add("datadogAgent.apiKeyParameter", Rules.badParameterName(agent.apiKeyParameter()));
        }
        scope.range("datadogAgent.cpu", agent.cpu(), Rules.AGENT_CPU);
        scope.range("datadogAgent.memory", agent.memory(), Rules.AGENT_MEMORY);
        if (agent.logs() == DatadogAgent.Logs.DATADOG) {
            agent.logRouterImage().ifPresentOrElse(image -> scope.check(Rules.DIGEST_PINNED_IMAGE.matcher(image).matches(),
                    "datadogAgent.logRouterImage", Rules.logRouterNotPinned(image)),
                    () -> scope.add("datadogAgent.logRouterImage", Rules.LOGS_TO_DATADOG_NEED_A_ROUTER));
        } else if (agent.logRouterImage().isPresent()) {
            scope.add("datadogAgent.logRouterImage", Rules.LOG_ROUTER_WITHOUT_DATADOG_LOGS);
        }
    }
}
