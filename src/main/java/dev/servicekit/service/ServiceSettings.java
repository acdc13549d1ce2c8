package dev.servicekit.service;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Overrides;
import dev.servicekit.catalog.QueueOptions;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.SloTarget;
import dev.servicekit.monitoring.Thresholds;
import dev.servicekit.validation.Tokens;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog line resolved for one environment: the line's values where it sets them, the
 * environment's defaults elsewhere. This is what the service construct builds from. Numbers may be
 * Terraform tokens (module inputs); validation passes those through.
 *
 * @param notifyHandle the handle this service's warnings and causes notify instead of the environment's
 * @param pageHandle   the handle this service's symptoms page instead of the environment's
 * @param slo          a web service's availability objective instead of the environment's
 * @param awsEnvironment the environment's AWS name, which starts every AWS name of the service: its name, after
 *                      the environment's prefix if it has one ({@code acme-prod})
 * @param addressPrefix prefix of every Terraform address of the service: its name in a stack, which holds
 *                      many services; none in a generated module, which holds one
 * @param extraTags     tags added to the four servicekit sets (a module's {@code tags} input; may be a token)
 * @param containerExpressions the container's command, variables and secrets as Terraform expressions
 *                      (a module's inputs) instead of the literals above
 * @param monitors the monitors that apply to this service and are switched on, with their thresholds
 */
public record ServiceSettings(String environment, String awsEnvironment, String name, String image, String owner, ServiceKind kind,
                              List<String> command, Map<String, String> variables, List<String> secrets,
                              Optional<QueueOptions> queue, Number cpu, Number memory, Number minCount,
                              Number desiredCount, Number maxCount, Number logRetentionDays,
                              Optional<String> certificateArn, Optional<String> runbookUrl,
                              Optional<String> notifyHandle, Optional<String> pageHandle, Optional<SloTarget> slo,
                              Map<MonitorKind, Thresholds> monitors,
                              Optional<String> addressPrefix, Map<String, String> extraTags,
                              Optional<ContainerExpressions> containerExpressions) {


    public ServiceSettings {
        command = List.copyOf(command);
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        secrets = List.copyOf(secrets);
        EnumMap<MonitorKind, Thresholds> sorted = new EnumMap<>(MonitorKind.class);
        sorted.putAll(monitors);
        monitors = Collections.unmodifiableMap(sorted);
        extraTags = Map.copyOf(extraTags);
    }

    public static ServiceSettings resolve(ServiceSpec spec, Environment env) {
        Overrides o = spec.overridesFor(env.name());
        Map<MonitorKind, Thresholds> monitors = new EnumMap<>(MonitorKind.class);
        boolean internetFacing = spec.kind() instanceof ServiceKind.Web web && !web.internal();
        for (MonitorKind kind : MonitorKind.values()) {
            boolean applies = kind.appliesTo(spec.queue().isPresent(), spec.isWeb(), internetFacing);
            Optional<Thresholds> chosen = o.monitors().containsKey(kind)
                    ? o.monitors().get(kind)
                    : Optional.ofNullable(env.monitoring().thresholds().get(kind));
            if (applies) {
                chosen.ifPresent(t -> monitors.put(kind, t));
            }
        }
        return new ServiceSettings(env.name(), env.awsName(), spec.name(), spec.image(), spec.owner(), spec.kind(), spec.command(),
                spec.variables(), spec.secrets(), spec.queue(),
                o.cpu().orElse(env.tasks().cpu()), o.memory().orElse(env.tasks().memory()),
                o.minCount().orElse(env.tasks().minCount()), o.desiredCount().orElse(env.tasks().desiredCount()),
                o.maxCount().orElse(env.tasks().maxCount()), o.logRetentionDays().orElse(env.logRetentionDays()),
                spec.isWeb() ? o.certificateArn().or(env::certificateArn) : Optional.empty(), spec.runbookUrl(),
                o.notifyHandle(), o.pageHandle(), spec.isWeb() ? o.slo() : Optional.empty(), monitors,
                Optional.of(spec.name()), Map.of(), Optional.empty());
    }

    public ServiceNames names() {
        return new ServiceNames(awsEnvironment, name, addressPrefix);
    }

    public boolean isWeb() {
        return kind instanceof ServiceKind.Web;
    }

    /** The tags on every resource of this service: service, environment, owner, managed-by, and any extra. */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>(Map.of("service", name, "environment", environment, "owner", owner,
                "managed-by", Catalog.MANAGED_BY));
        if (extraTags.keySet().stream().anyMatch(Tokens::isToken)) {
            return Token.asStringMap(Fn.merge(List.of(tags, extraTags)));
        }
        tags.putAll(extraTags);
        return tags;
    }
}
