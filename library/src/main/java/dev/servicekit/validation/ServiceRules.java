package dev.servicekit.validation;

import dev.servicekit.loadbalancer.LoadBalancer;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.catalog.Counts;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Tokens;


/**
 * One line in one environment. Only values the line sets are checked here; the environment's own values
 * are checked once, by {@link EnvironmentRules}. Derived names are checked for every service.
 */
final class ServiceRules {
    private ServiceRules() {}

    static void check(ServiceSettings s, ServiceSpec spec, Environment env, Problems.Scope scope) {
        Overrides line = spec.overridesFor(env.name());
        ServiceSettings.Capacity capacity = s.capacity();
        if (line.size().isPresent()) {
            TaskRules.checkSize(scope, capacity.cpu().intValue(), capacity.memory().intValue());
        }
        Counts counts = line.counts();
        if (!counts.equals(Counts.ENVIRONMENTS)) {
            java.util.Set<String> given = new java.util.HashSet<>();
            counts.min().ifPresent(c -> given.add("minCount"));
            counts.desired().ifPresent(c -> given.add("desiredCount"));
            counts.max().ifPresent(c -> given.add("maxCount"));
            TaskRules.checkCounts(scope, capacity.minCount().intValue(), capacity.desiredCount().intValue(),
                    capacity.maxCount().intValue(), given);
        }
        line.logRetentionDays().ifPresent(days -> scope.check(AwsLimits.LOG_RETENTION_DAYS.contains(days),
                "logRetentionDays", Rules.badRetention(String.valueOf(days))));

        ServiceNames names = s.names();
        for (AwsName name : names.awsNames(spec)) {
            String problem = name.rule().problem(name.value());
            if (problem != null) {
                // A name too long for its prefix: said, since the user wrote the prefix once, not in this name.
                boolean prefixed = !env.prefix().isEmpty() && name.value().startsWith(env.awsName() + "-")
                        && name.value().length() > name.rule().maxLength();
                scope.add(name.field(), problem + (prefixed ? Rules.prefixTakes(env.awsName()) : ""));
            }
        }
        for (String secret : spec.container().secrets()) {
            scope.name("secret." + secret, names.secretsPath() + "/" + secret, AwsLimits.ssmParameterName(env.region()));
        }
        spec.container().secretKmsKeys().forEach((secret, arn) ->
                SecretRules.checkKey(scope, "secret." + secret + ".kmsKeyArn", arn, env.region()));

        if (spec.kind() instanceof ServiceKind.Web web) {
            scope.check(!names.loadBalancer().startsWith("internal-"), "load balancer name",
                    Rules.startsWithInternal(names.loadBalancer()));
            LoadBalancer resolved = s.web().orElseThrow();
            WebRules.checkHttps(scope, web, resolved.https().always(), line.https().plainHttpAllowed().orElse(false),
                    env);
            if (env.loadBalancing() instanceof LoadBalancing.Shared shared) {
                WebRules.checkShared(scope, web, shared, env, line.https().certificateArn().isPresent(), names);
            }
        }
        boolean internetFacing = spec.kind() instanceof ServiceKind.Web web && !web.internal();
        line.https().plainHttpAllowed().filter(allowed -> allowed).ifPresent(allowed -> scope.check(internetFacing,
                "allowPlainHttp", Rules.INTERNET_FACING_ONLY));
        line.https().certificateArn().ifPresent(arn -> {
            scope.check(spec.isWeb(), "certificateArn", Rules.WEB_ONLY);
            dev.servicekit.loadbalancer.LoadBalancerRules.checkCertificate(scope, arn, env.region());
        });
        line.alerts().notifyHandle().ifPresent(handle -> RoutingRules.checkNotify(scope, handle));
        line.alerts().pageHandle().ifPresent(handle -> scope.check(Rules.NOTIFY_HANDLE.matcher(handle).matches(),
                "page", Rules.badHandle(handle)));
        // A page at 3 a.m. says what to do: a line that pages links a runbook, its own or the environment's.
        String pageHandle = s.alerting().routing().pageHandle();
        scope.check(!Rules.PAGING_HANDLE.matcher(pageHandle).matches() || s.identity().runbookUrl().isPresent(),
                "runbook", Rules.pagesWithoutRunbook(pageHandle));
        line.datadogAgent().filter(run -> run).ifPresent(run -> scope.check(env.monitoring().datadogAgent().isPresent(),
                "datadogAgent", Rules.NO_AGENT_IN_THE_ENVIRONMENT));
        s.datadogAgent().ifPresent(agent -> {
            java.util.List<String> taken = spec.container().variables().keySet().stream()
                    .filter(DatadogAgent.APPLICATION_VARIABLES::contains).sorted().toList();
            scope.check(taken.isEmpty(), "env", Rules.variablesSetByServicekit(String.join(", ", taken)));
        });
        s.datadogAgent().ifPresent(agent -> scope.check(AwsLimits.smallestFargateSizeHolding(capacity.cpu().intValue()
                + agent.cpu(), capacity.memory().intValue() + agent.memory()).isPresent(), "datadogAgent",
                Rules.noFargateSizeHolds(capacity.cpu().intValue() + agent.cpu(), capacity.memory().intValue()
                        + agent.memory())));
        SloTarget slo = s.alerting().slo();
        line.alerts().slo().ifPresent(target -> {
            scope.check(spec.isWeb(), "slo", Rules.WEB_ONLY);
            ThresholdRules.checkSlo(scope, target);
        });
        // Overrides of monitors the service does not get are reported once, by LineRules.
        line.alerts().monitors().forEach((kind, thresholds) -> thresholds.filter(t -> s.monitors().containsKey(kind))
                .ifPresent(t -> ThresholdRules.check(scope, kind, t, slo, env.monitoring().synthetics())));
        // A line's SLO target bounds the burn rates the environment gives it: said on the target, which the user
        // set, with the way out.
        if (line.alerts().slo().isPresent() && ThresholdRules.validSlo(slo)) {
            s.monitors().forEach((kind, thresholds) -> {
                double critical = thresholds.critical().doubleValue();
                if (kind.scale() == MonitorKind.Scale.BURN_RATE && !line.alerts().monitors().containsKey(kind)
                        && critical * (100 - slo.targetPercent().doubleValue()) > 100 + 1e-9) {
                    scope.add("slo.target", Rules.targetBelowTheBurnRates(Tokens.text(slo.targetPercent()), kind.key(), kind.name(),
                            thresholds.critical().toString(), slo.maximumBurnRate()));
                }
            });
        }
    }
}
