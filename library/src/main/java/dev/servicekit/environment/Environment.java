package dev.servicekit.environment;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.Builder;
import lombok.experimental.Tolerate;

/**
 * Everything that differs between environments. Every environment's stack instantiates the same service
 * construct; only these values change. {@link #stage()} and {@link #prod()} are the presets; any other
 * environment starts from one of them ({@link #of(String, Preset)}), and cdktf.json's context or
 * {@code toBuilder()} adapt it (see {@link EnvironmentContext}).
 *
 * @param name                  the stack name and, after the prefix, the start of every AWS name, e.g. {@code prod}
 * @param preset                the preset this environment starts from: its defaults and monitor thresholds
 * @param prefix                put in front of every AWS name and the cluster name ({@code acme} gives
 *                              {@code acme-prod-auth}), so that two teams can share an account; default none
 * @param placement             the AWS region and account, and the quotas AWS raised there; default no region
 *                              (refused by validation), an undeclared account and no raised quotas; the
 *                              presets' region is {@value #DEFAULT_REGION}
 * @param network               a VPC of the environment's own, or an existing one
 * @param tasks                 default task size and counts
 * @param logRetentionDays      CloudWatch retention of every log group
 * @param safeguards            destroy protection and required HTTPS: on in prod; default off
 * @param certificateArn        an ACM certificate every web service's HTTPS listener uses; default none
 * @param state                 where Terraform keeps this environment's state; the presets' is a local file
 * @param monitoring            Datadog site, paging and notifying handles and priorities, thresholds, SLO,
 *                              synthetics
 * @param loadBalancerLogs      where load balancers write access logs; the presets' is a bucket of the
 *                              environment's
 * @param secretsKmsKeyArn      the customer-managed KMS key of the secrets whose line names none; default none
 *                              (they must be under the AWS-managed key aws/ssm)
 * @param stacks                how the environment is split into stacks, each with its own state; default one
 *                              stack ({@link StackLayout#ENVIRONMENT})
 * @param loadBalancing         a load balancer per web service (the default) or shared ones
 */
@Builder(toBuilder = true, builderClassName = "Builder", builderMethodName = "")
public record Environment(String name, Preset preset, String prefix, Placement placement, NetworkConfig network,
                          TaskDefaults tasks, int logRetentionDays, Safeguards safeguards,
                          Optional<String> certificateArn, StateBackend state, MonitoringDefaults monitoring,
                          LoadBalancerLogs loadBalancerLogs, Optional<String> secretsKmsKeyArn, StackLayout stacks,
                          LoadBalancing loadBalancing) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_DATADOG_API_URL = "https://api.datadoghq.com/";
    /** Datadog's recommended evaluation delay for AWS-integration metrics, which arrive 10-20 minutes late. */
    public static final int EVALUATION_DELAY_SECONDS = 900;

    /** The defaults of the values above. */
    public Environment {
        prefix = prefix == null ? "" : prefix;
        // Without a region: validation names it, as it does any other value left null.
        placement = placement == null ? new Placement(null, Optional.empty(), Map.of()) : placement;
        safeguards = safeguards == null ? Safeguards.NONE : safeguards;
        certificateArn = certificateArn == null ? Optional.empty() : certificateArn;
        secretsKmsKeyArn = secretsKmsKeyArn == null ? Optional.empty() : secretsKmsKeyArn;
        stacks = stacks == null ? StackLayout.ENVIRONMENT : stacks;
        loadBalancing = loadBalancing == null ? new LoadBalancing.Own() : loadBalancing;
    }

    /**
     * Stage: its own VPC 10.20.0.0/16 over two zones without NAT (tasks in public subnets, to save cost),
     * 0.25 vCPU / 512 MiB tasks, 1 to 2 of them, 14-day logs, no destroy protection, plain HTTP allowed,
     * looser thresholds, and no paging: symptoms and everything else at priority 3. A 99 % SLO over 7 days;
     * synthetics tests every 5 minutes from one location. Its handles are the team's to name ({@code page}
     * and {@code notify}: in an environment that never pages, both a chat handle).
     */
    public static Environment stage() {
        return preset("stage", Preset.STAGE, "10.20.0.0/16", 0, new TaskDefaults(256, 512, 1, 1, 2), 14, Safeguards.NONE,
                AlertRouting.priorities(3, 3), SloTarget.of(99, "7d"),
                new SyntheticsSettings(List.of("aws:us-east-1"), 300));
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
        return preset("prod", Preset.PROD, "10.30.0.0/16", 2, new TaskDefaults(512, 1024, 2, 2, 10), 90, Safeguards.ALL,
                AlertRouting.priorities(1, 3), SloTarget.of(99.9, "30d"),
                new SyntheticsSettings(List.of("aws:us-east-1", "aws:us-west-2", "aws:eu-central-1"), 60));
    }

    /**
     * A preset with the values that tell stage and prod apart; the rest they share: no prefix, us-east-1, an
     * own VPC over two zones, no certificate, a local state file, the preset's thresholds, load balancer logs
     * in a bucket of the environment's, the AWS-managed key for secrets, one stack and a load balancer per web
     * service.
     */
    private static Environment preset(String name, Preset preset, String cidr, int natGateways, TaskDefaults tasks,
                                      int logRetentionDays, Safeguards safeguards, AlertRouting routing,
                                      SloTarget slo, SyntheticsSettings synthetics) {
        return new Environment(name, preset, "", Placement.in(DEFAULT_REGION),
                new NetworkConfig.Managed(cidr, NetworkConfig.Managed.DEFAULT_ZONES, natGateways, List.of()), tasks,
                logRetentionDays, safeguards, Optional.empty(), StateBackend.Local.DEFAULT,
                new MonitoringDefaults(DEFAULT_DATADOG_API_URL, routing, EVALUATION_DELAY_SECONDS,
                        MonitorKind.defaultsOf(preset), slo, synthetics),
                new LoadBalancerLogs.Managed(), Optional.empty(), StackLayout.ENVIRONMENT, new LoadBalancing.Own());
    }

    /** An environment named {@code name} with every value of {@code preset}. */
    public static Environment of(String name, Preset preset) {
        return (preset == Preset.PROD ? prod() : stage()).toBuilder().name(name).build();
    }

    /** The start of every AWS name of the environment: {@code <prefix>-<name>}, or the name without a prefix. */
    public String awsName() {
        return prefix.isEmpty() ? name : prefix + "-" + name;
    }

    /** The AWS region, from {@link #placement()}. */
    public String region() {
        return placement.region();
    }

    /** The AWS account ID, when declared, from {@link #placement()}. */
    public Optional<String> account() {
        return placement.account();
    }

    /** Quotas AWS raised for the environment's account and region, from {@link #placement()}. */
    public Map<String, Integer> quotaIncreases() {
        return placement.quotaIncreases();
    }

    /** Whether stateful resources are protected against destroy, from {@link #safeguards()}. */
    public boolean protectStatefulResources() {
        return safeguards.protectStatefulResources();
    }

    /** Whether internet-facing web services need a certificate, from {@link #safeguards()}. */
    public boolean httpsRequired() {
        return safeguards.httpsRequired();
    }

    /**
     * Changes some values of an environment; the others stay. Lombok generates a setter per component, named
     * after it, and {@code build()}; those below set one value of {@link Placement} or {@link Safeguards},
     * take the value itself rather than an Optional, or route alerts. There is no {@code builder()}: an
     * environment starts from a preset and its {@code toBuilder()}.
     */
    public static final class Builder {
        public Builder region(String value) {
            placement = new Placement(value, placement.account(), placement.quotaIncreases());
            return this;
        }

        /** The AWS account ID the environment deploys to: quotas are counted per account and region. */
        public Builder account(String accountId) {
            placement = new Placement(placement.region(), Optional.ofNullable(accountId), placement.quotaIncreases());
            return this;
        }

        /** Quotas AWS raised for the environment's account and region, by quota key. */
        public Builder quotaIncreases(Map<String, Integer> value) {
            placement = new Placement(placement.region(), placement.account(), value);
            return this;
        }

        public Builder protectStatefulResources(boolean value) {
            safeguards = new Safeguards(value, safeguards.httpsRequired());
            return this;
        }

        public Builder httpsRequired(boolean value) {
            safeguards = new Safeguards(safeguards.protectStatefulResources(), value);
            return this;
        }

        @Tolerate
        public Builder certificateArn(String arn) {
            return certificateArn(Optional.ofNullable(arn));
        }

        /** The customer-managed KMS key of the secrets whose line names none. */
        @Tolerate
        public Builder secretsKmsKeyArn(String arn) {
            return secretsKmsKeyArn(Optional.ofNullable(arn));
        }

        /** Where alerts go: symptoms page {@code page}, warnings and causes notify {@code notify} (the priorities stay). */
        public Builder alerts(String page, String notify) {
            AlertRouting routing = monitoring.routing();
            monitoring = monitoring.toBuilder().routing(new AlertRouting(page, routing.pagePriority(), notify,
                    routing.notifyPriority())).build();
            return this;
        }
    }
}
