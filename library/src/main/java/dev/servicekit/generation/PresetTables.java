package dev.servicekit.generation;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.Rules;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.environment.TaskDefaults;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.stack.EnvironmentStack;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The README's tables of the stage and prod presets, written from {@link Environment#stage()} and {@link Environment#prod()}. */
final class PresetTables {
    private PresetTables() {}

    /** "Stage and prod": network, task defaults, retention, protection, HTTPS, alerts, cluster, state. */
    static String presets(Environment stage, Environment prod) {
        StringBuilder table = new StringBuilder("| | stage | prod |\n|---|---|---|\n");
        row(table, "network", stage, prod, env -> network(env.network()));
        table.append("| zones | the region's own zones (`opt-in-status = opt-in-not-required`: Local Zones, which sort first "
                + "and lack Fargate, are skipped), minus `excludeZoneIds` | the same |\n");
        row(table, "default task", stage, prod, env -> task(env.tasks()));
        row(table, "log retention", stage, prod, env -> env.logRetentionDays() + " days");
        row(table, "protection", stage, prod, env -> env.protectStatefulResources()
                ? "`prevent_destroy` on queues, dead-letter queues, log groups and buckets; ALB deletion protection"
                : "none");
        row(table, "HTTPS", stage, prod, env -> env.httpsRequired()
                ? "required for internet-facing web services: a certificate (`certificateArn`), or `." + env.name()
                        + "(o -> o.allowPlainHttp())` on the line to serve plain HTTP on purpose"
                : "optional");
        row(table, "alerts", stage, prod, env -> alerts(env.monitoring().routing()));
        row(table, "ECS cluster", stage, prod, env -> "`" + EnvironmentNames.of(env).cluster() + "`, Container Insights on");
        row(table, "state", stage, prod, env -> env.state() instanceof StateBackend.S3 s3
                ? "S3 `" + s3.bucket() + "/" + s3.key() + "`"
                : env.preset() == dev.servicekit.alerting.Preset.PROD
                ? "S3 with `stateBucket` (required), or `" + EnvironmentStack.localStateFile(env.name())
                        + "` in the project directory with `\"localState\": true`, on purpose"
                : "`" + EnvironmentStack.localStateFile(env.name()) + "` in the project directory, or S3 with `stateBucket`");
        return table.toString();
    }

    /** Where alerts go: page and notify handles with their priorities, the SLO and the synthetics tests. */
    static String routing(Environment stage, Environment prod) {
        StringBuilder table = new StringBuilder("| | stage | prod |\n|---|---|---|\n");
        row(table, "page (a service's outage composite in alert; the dead-man's switch)", stage, prod, env -> {
            AlertRouting routing = env.monitoring().routing();
            return handle(routing.pageHandle(), "page") + ", priority " + routing.pagePriority()
                    + (neverPages(routing) ? ": " + env.name() + " never pages (name a chat handle)" : "");
        });
        row(table, "notify (each symptom, warnings, causes)", stage, prod, env -> {
            AlertRouting routing = env.monitoring().routing();
            return handle(routing.notifyHandle(), "notify") + ", priority " + routing.notifyPriority()
                    + (neverPages(routing) ? ""
                    : " (warnings say `{{override_priority 'P" + routing.notifyPriority() + "'}}`)");
        });
        row(table, "runbook of a line that pages and gives none", stage, prod, env -> env.monitoring().runbook()
                .map(url -> "`" + url + "`").orElseGet(() -> runbookRule(env.name(), env.monitoring().routing())));
        row(table, "SLO of web services", stage, prod, env -> slo(env.monitoring().slo()));
        row(table, "synthetics tests", stage, prod, env -> synthetics(env.monitoring().synthetics()));
        return table.toString();
    }

    private static void row(StringBuilder table, String what, Environment stage, Environment prod,
                            Function<Environment, String> value) {
        table.append("| ").append(what).append(" | ").append(value.apply(stage)).append(" | ")
                .append(value.apply(prod)).append(" |\n");
    }

    private static String network(NetworkConfig network) {
        if (network instanceof NetworkConfig.Managed managed) {
            String nat = switch (managed.natGateways()) {
                case 0 -> "no NAT: tasks in public subnets with public IPs (cheap)";
                case 1 -> "one NAT gateway for all zones: tasks in private subnets";
                default -> managed.natGateways() == managed.zones() ? "a NAT gateway per zone: tasks in private subnets"
                        : managed.natGateways() + " NAT gateways: tasks in private subnets";
            };
            return "own VPC " + managed.cidr() + ", " + managed.zones() + " zones, " + nat;
        }
        NetworkConfig.Existing existing = (NetworkConfig.Existing) network;
        return "the existing VPC `" + existing.vpcId() + "`";
    }

    private static String task(TaskDefaults tasks) {
        return tasks.cpu() + " cpu / " + tasks.memory() + " MiB, counts " + tasks.minCount() + " / "
                + tasks.desiredCount() + " / " + tasks.maxCount();
    }

    private static String alerts(AlertRouting routing) {
        if (neverPages(routing)) {
            return "never page: everything at priority " + routing.notifyPriority() + ", to the handles `page` and `notify` name";
        }
        return "symptoms page " + handle(routing.pageHandle(), "page") + " at priority " + routing.pagePriority()
                + ", the rest notifies " + handle(routing.notifyHandle(), "notify") + " at priority " + routing.notifyPriority();
    }

    /** Whether a line without a runbook is refused: where its page handle is a pager's. */
    private static String runbookRule(String environment, AlertRouting routing) {
        if (routing.pageHandle().isEmpty()) {
            return neverPages(routing) ? "none needed while `page` is a chat handle"
                    : "`runbook` in cdktf.json: a line whose `page` handle pages (PagerDuty, Opsgenie, ...) is refused without one";
        }
        return Rules.PAGING_HANDLE.matcher(routing.pageHandle()).matches() ? "none: such a line is refused"
                : "none needed: " + environment + " never pages";
    }

    /** An environment whose symptoms are no more urgent than its notifications does not page anyone. */
    private static boolean neverPages(AlertRouting routing) {
        return routing.pagePriority().intValue() >= routing.notifyPriority().intValue();
    }

    /** A preset names no handle: the team's cdktf.json does (key), or servicekit refuses the environment. */
    private static String handle(String handle, String key) {
        return handle.isEmpty() ? "the handle `" + key + "` names (required)" : "`" + handle + "`";
    }

    private static String slo(SloTarget slo) {
        return dev.servicekit.terraform.Tokens.text(slo.targetPercent()) + " % over " + slo.window().replace("d", " days");
    }

    private static String synthetics(SyntheticsSettings synthetics) {
        List<String> locations = synthetics.locations();
        return "every " + synthetics.tickSeconds() + " s from " + locations.stream().map(l -> "`" + l + "`")
                .collect(Collectors.joining(", "));
    }
}
