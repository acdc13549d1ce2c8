package dev.servicekit.environment;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs between environments. Every environment's stack instantiates the same service
 * construct; only these values change. {@link #stage()} and {@link #prod()} are the presets; any other
 * environment starts from one of them ({@link #of(String, Preset)}), and cdktf.json's context or
 * {@link #toBuilder()} adapt it (see {@link EnvironmentContext}).
 *
 * @param name                  the stack name and, after the prefix, the start of every AWS name, e.g. {@code prod}
 * @param preset                the preset this environment starts from: its defaults and monitor thresholds
 * @param prefix                put in front of every AWS name and the cluster name ({@code acme} gives
 *                              {@code acme-prod-auth}), so that two teams can share an account; default none
 * @param region                the AWS region; default {@value #DEFAULT_REGION} (us-east-1)
 * @param network               a VPC of the environment's own, or an existing one
 * @param tasks                 default task size and counts
 * @param logRetentionDays      CloudWatch retention of every log group
 * @param protectStatefulResources true in prod: queues, dead-letter queues and log groups get
 *                              {@code prevent_destroy}, load balancers deletion protection
 * @param httpsRequired         true in prod: an internet-facing web service needs a certificate, unless its
 *                              line allows plain HTTP on purpose
 * @param certificateArn        an ACM certificate every web service's HTTPS listener uses; none by default
 * @param state                 where Terraform keeps this environment's state; default a local file
 * @param monitoring            Datadog site, paging and notifying handles and priorities, thresholds, SLO,
 *                              synthetics
 * @param loadBalancerLogs      where load balancers write access logs; default a bucket of the environment's
 * @param secretsKmsKeyArn      the customer-managed KMS key of the secrets whose line names none; default none
 *                              (they must be under the AWS-managed key aws/ssm)
 * @param stacks                how the environment is split into stacks, each with its own state; default one
 *                              stack ({@link StackLayout#ENVIRONMENT})
 * @param account               the AWS account the environment deploys to, when declared: environments of one
 *                              account and region are counted together against AWS's quotas; without it each
 *                              environment is counted alone
 * @param loadBalancing         a load balancer per web service (the default) or shared ones
 * @param quotaIncreases        quotas raised for the environment's account and region, by
 *                              {@link dev.servicekit.rules.AwsLimits.Quota#key()}: the value AWS granted
 */
public record Environment(String name, Preset preset, String prefix, String region, NetworkConfig network,
                          TaskDefaults tasks, int logRetentionDays, boolean protectStatefulResources,
                          boolean httpsRequired, Optional<String> certificateArn, StateBackend state,
                          MonitoringDefaults monitoring, LoadBalancerLogs loadBalancerLogs,
                          Optional<String> secretsKmsKeyArn, StackLayout stacks,
                          Optional<String> account, LoadBalancing loadBalancing, Map<String, Integer> quotaIncreases) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_DATADOG_API_URL = "https://api.datadoghq.com/";
    /** Datadog's recommended evaluation delay for AWS-integration metrics, which arrive 10-20 minutes late. */
    public static final int EVALUATION_DELAY_SECONDS = 900;

    public Environment {
        prefix = prefix == null ? "" : prefix;
        certificateArn = certificateArn == null ? Optional.empty() : certificateArn;
        secretsKmsKeyArn = secretsKmsKeyArn == null ? Optional.empty() : secretsKmsKeyArn;
        stacks = stacks == null ? StackLayout.ENVIRONMENT : stacks;
        account = account == null ? Optional.empty() : account;
        loadBalancing = loadBalancing == null ? new LoadBalancing.Own() : loadBalancing;
        quotaIncreases = quotaIncreases == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quotaIncreases));
    }

    /**
     * Stage: its own VPC 10.20.0.0/16 over two zones without NAT (tasks in public subnets, to save cost),
     * 0.25 vCPU / 512 MiB tasks, 1 to 2 of them, 14-day logs, no destroy protection, plain HTTP allowed,
     * looser thresholds, and no paging: symptoms and everything else at priority 3. A 99 % SLO over 7 days;
     * synthetics tests every 5 minutes from one location. Its handles are the team's to name ({@code page}
     * and {@code notify}: in an environment that never pages, both a chat handle).
     */
    public static Environment stage() {
        return new Environment("stage", Preset.STAGE, "", DEFAULT_REGION,
                new NetworkConfig.Managed("10.20.0.0/16", NetworkConfig.Managed.DEFAULT_ZONES, 0, List.of()),
                new TaskDefaults(256, 512, 1, 1, 2), 14, false, false, Optional.empty(), StateBackend.Local.DEFAULT,
                new MonitoringDefaults(DEFAULT_DATADOG_API_URL, AlertRouting.priorities(3, 3),
                        EVALUATION_DELAY_SECONDS, MonitorKind.defaultsOf(Preset.STAGE), SloTarget.of(99, "7d"),
                        new SyntheticsSettings(List.of("aws:us-east-1"), 300)), new LoadBalancerLogs.Managed(),
                Optional.empty(),
                StackLayout.ENVIRONMENT, Optional.empty(), new LoadBalancing.Own(), Map.of());
    }

    /**
     * Prod: its own VPC 10.30.0.0/16 over two zones with a NAT gateway in each (tasks in private subnets),
     * 0.5 vCPU / 1 GiB tasks, 2 to 10 of them, 90-day logs, destroy protection, HTTPS required for
     * internet-facing web services, tighter thresholds; symptoms page at priority 1, warnings and causes notify
     * at priority 3 (the handles are the team's to name). A 99.9 % SLO over 30 days; synthetics tests every
     * minute from three locations. Its Terraform state must be in S3 ({@code stateBucket}), or kept in a local
     * file on purpose ({@link StateBackend.Local#ON_PURPOSE}).
     */
    public static Environment prod() {
        return new Environment("prod", Preset.PROD, "", DEFAULT_REGION,
                new NetworkConfig.Managed("10.30.0.0/16", NetworkConfig.Managed.DEFAULT_ZONES, 2, List.of()),
                new TaskDefaults(512, 1024, 2, 2, 10), 90, true, true, Optional.empty(), StateBackend.Local.DEFAULT,
                new MonitoringDefaults(DEFAULT_DATADOG_API_URL, AlertRouting.priorities(1, 3),
                        EVALUATION_DELAY_SECONDS, MonitorKind.defaultsOf(Preset.PROD), SloTarget.of(99.9, "30d"),
                        new SyntheticsSettings(List.of("aws:us-east-1", "aws:us-west-2", "aws:eu-central-1"), 60)),
                new LoadBalancerLogs.Managed(), Optional.empty(),
                StackLayout.ENVIRONMENT, Optional.empty(), new LoadBalancing.Own(), Map.of());
    }

    /** An environment named {@code name} with every value of {@code preset}. */
    public static Environment of(String name, Preset preset) {
        return (preset == Preset.PROD ? prod() : stage()).toBuilder().name(name).build();
    }

    /** The start of every AWS name of the environment: {@code <prefix>-<name>}, or the name without a prefix. */
    public String awsName() {
        return prefix.isEmpty() ? name : prefix + "-" + name;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values of an environment; the others stay. */
    public static final class Builder {
        private String name;
        private Preset preset;
        private String prefix;
        private String region;
        private NetworkConfig network;
        private TaskDefaults tasks;
        private int logRetentionDays;
        private boolean protectStatefulResources;
        private boolean httpsRequired;
        private Optional<String> certificateArn;
        private StateBackend state;
        private MonitoringDefaults monitoring;
        private LoadBalancerLogs loadBalancerLogs;
        private Optional<String> secretsKmsKeyArn;
        private StackLayout stacks;
        private Optional<String> account;
        private LoadBalancing loadBalancing;
        private Map<String, Integer> quotaIncreases;

        private Builder(Environment from) {
            name = from.name;
            preset = from.preset;
            prefix = from.prefix;
            region = from.region;
            network = from.network;
            tasks = from.tasks;
            logRetentionDays = from.logRetentionDays;
            protectStatefulResources = from.protectStatefulResources;
            httpsRequired = from.httpsRequired;
            certificateArn = from.certificateArn;
            state = from.state;
            monitoring = from.monitoring;
            loadBalancerLogs = from.loadBalancerLogs;
            secretsKmsKeyArn = from.secretsKmsKeyArn;
            stacks = from.stacks;
            account = from.account;
            loadBalancing = from.loadBalancing;
            quotaIncreases = from.quotaIncreases;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder prefix(String value) {
            prefix = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder network(NetworkConfig value) {
            network = value;
            return this;
        }

        public Builder tasks(TaskDefaults value) {
            tasks = value;
            return this;
        }

        public Builder logRetentionDays(int days) {
            logRetentionDays = days;
            return this;
        }

        public Builder protectStatefulResources(boolean value) {
            protectStatefulResources = value;
            return this;
        }

        public Builder httpsRequired(boolean value) {
            httpsRequired = value;
            return this;
        }

        public Builder certificateArn(String arn) {
            certificateArn = Optional.ofNullable(arn);
            return this;
        }

        public Builder state(StateBackend value) {
            state = value;
            return this;
        }

        public Builder monitoring(MonitoringDefaults value) {
            monitoring = value;
            return this;
        }

        /** Where alerts go: symptoms page {@code page}, warnings and causes notify {@code notify} (the priorities stay). */
        public Builder alerts(String page, String notify) {
            AlertRouting routing = monitoring.routing();
            monitoring = monitoring.toBuilder().routing(new AlertRouting(page, routing.pagePriority(), notify,
                    routing.notifyPriority())).build();
            return this;
        }

        public Builder loadBalancerLogs(LoadBalancerLogs value) {
            loadBalancerLogs = value;
            return this;
        }

        /** The customer-managed KMS key of the secrets whose line names none. */
        public Builder secretsKmsKeyArn(String arn) {
            secretsKmsKeyArn = Optional.ofNullable(arn);
            return this;
        }

        /** How the environment is split into stacks, each with its own state. */
        public Builder stacks(StackLayout value) {
            stacks = value;
            return this;
        }

        /** The AWS account ID the environment deploys to: quotas are counted per account and region. */
        public Builder account(String accountId) {
            account = Optional.ofNullable(accountId);
            return this;
        }

        public Builder loadBalancing(LoadBalancing value) {
            loadBalancing = value;
            return this;
        }

        /** Quotas AWS raised for the environment's account and region, by quota key. */
        public Builder quotaIncreases(Map<String, Integer> value) {
            quotaIncreases = value;
            return this;
        }

        public Environment build() {
            return new Environment(name, preset, prefix, region, network, tasks, logRetentionDays,
                    protectStatefulResources, httpsRequired, certificateArn, state, monitoring, loadBalancerLogs,
                    secretsKmsKeyArn, stacks, account, loadBalancing, quotaIncreases);
        }
    }
}
