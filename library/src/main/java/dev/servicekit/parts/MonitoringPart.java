package dev.servicekit.parts;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.Notification;
import dev.servicekit.alerting.Severity;
import dev.servicekit.alerting.Signals;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.alerting.Watch;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.datadog.DatadogDashboardJson;
import dev.servicekit.datadog.DatadogMonitor;
import dev.servicekit.datadog.DatadogServiceLevelObjective;
import dev.servicekit.datadog.DatadogSyntheticsTest;
import dev.servicekit.datadog.MonitorDefinition;
import dev.servicekit.monitoring.ServiceDashboards;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's Datadog monitors, SLO, synthetics test and dashboard, built from what each
 * {@link MonitorKind} watches and the signals the other parts left. The mechanics (names, tags, priorities,
 * routing, evaluation options) are here, once; what is watched is in the kinds.
 */
public final class MonitoringPart implements ServicePart {
    /** Minutes between reminders while a symptom alerts; warnings and causes do not repeat. */
    public static final int RENOTIFY_MINUTES = 60;
    /** The priority of a composite's silent parts, which notify no one. */
    public static final int PART_PRIORITY = 5;

    private ServiceAssembly assembly;
    private MonitoredService service;
    private String dashboardLink;
    private Optional<Block> slo = Optional.empty();

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public void declare(ServiceAssembly assembly) {
        this.assembly = assembly;
        ServiceSettings settings = assembly.settings();
        MonitoredService.Builder builder = MonitoredService.builder()
                .environment(settings.environment()).name(settings.name()).owner(settings.owner())
                .managedBy(Catalog.MANAGED_BY).region(assembly.platform().region())
                .logGroup(assembly.names().logGroup()).runbookUrl(settings.runbookUrl())
                .thresholds(settings.monitors()).signals(assembly.signals()).alerting(settings.alerting())
                .endpoint(assembly.endpoint());
        settings.queue().ifPresent(q -> builder.deadLettering(q.maxReceiveCount(), q.retentionSeconds(),
                q.deadLetterRetentionSeconds()));
        service = builder.build();

        slo = service.signals().targetGroup().map(tg -> slo());
        Block dashboard = assembly.add("dashboard", DatadogDashboardJson.block(assembly.names().address("dashboard"),
                Hcl.jsonencode(ServiceDashboards.service(service, slo.map(s -> s.ref("id"))))));
        dashboardLink = service.alerting().datadogAppUrl() + dashboard.ref("url");
        assembly.dashboardLink(dashboardLink);
        service.thresholds().forEach(this::watch);
        assembly.output("dashboard_url", dashboardLink, "The service's Datadog dashboard");
    }

    private void watch(MonitorKind kind, Thresholds thresholds) {
        Watch watch = kind.watch(service, thresholds);
        String critical = Tokens.text(thresholds.critical());
        Optional<String> warning = thresholds.warning().map(Tokens::text);
        String comparison = (kind.above() ? "> " : "< ") + critical;
        String name = service.title() + ": " + kind.title();
        String id = "monitor_" + kind.key();
        int evaluationDelay = service.alerting().evaluationDelaySeconds();
        if (watch instanceof Watch.Metric metric) {
            monitor(id, base(kind, MonitorDefinition.METRIC, metric.query(comparison), warning)
                    .thresholds(critical, warning)
                    .evaluationDelay(evaluationDelay)
                    .requireFullWindow(false));
        } else if (watch instanceof Watch.Composite composite) {
            composite(kind, id, name, composite, comparison, critical, warning);
        } else if (watch instanceof Watch.Event event) {
            // Events reach Datadog as late as the metrics; Datadog's own ECS event monitor waits 900 s too.
            monitor(id, base(kind, MonitorDefinition.EVENT, event.query(comparison), Optional.empty())
                    .thresholds(critical, Optional.empty())
                    .evaluationDelay(evaluationDelay));
        } else if (watch instanceof Watch.NoData noData) {
            MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.METRIC,
                            "max(last_" + noData.windowMinutes() + "m):" + noData.expression() + " < 0")
                    .message(Notification.message(service, kind, dashboardLink, critical, Optional.empty(), true))
                    .tags(tags(kind.severity().name()))
                    .priority(priority(kind.severity()))
                    .thresholds("0", Optional.empty())
                    .evaluationDelay(evaluationDelay)
                    .requireFullWindow(false)
                    .noDataTimeframe(thresholds.critical());
            if (kind.severity() == Severity.SYMPTOM) {
                definition.renotify(RENOTIFY_MINUTES, List.of("no data"));
            }
            monitor(id, definition);
        } else if (watch instanceof Watch.BurnRate burn) {
            String query = burn.query(slo.orElseThrow().ref("id"), service.alerting().slo().window(), comparison);
            monitor(id, base(kind, MonitorDefinition.SLO, query, Optional.empty())
                    .thresholds(critical, Optional.empty()));
        } else if (watch instanceof Watch.Synthetic synthetic) {
            MonitoredService.Endpoint endpoint = service.endpoint().orElseThrow();
            assembly.add("synthetics", DatadogSyntheticsTest.block(assembly.names().address("synthetics"),
                    DatadogSyntheticsTest.Definition.builder().name(name)
                            .message(Notification.message(service, kind, dashboardLink, critical, Optional.empty(), false))
                            .tags(tags(kind.severity().name())).locations(service.alerting().synthetics().locations())
                            .url(endpoint.url(), endpoint.allowInsecure())
                            .timing(synthetic.tickSeconds(), synthetic.minFailureSeconds(), synthetic.retryIntervalMillis())
                            .minLocationFailed(thresholds.critical()).priority(priority(kind.severity()))
                            .renotifyMinutes(kind.severity() == Severity.SYMPTOM ? RENOTIFY_MINUTES : 0).build()))
                    .existsWhen(endpoint.exists());
        } else {
            throw new IllegalStateException("no monitor for " + watch);
        }
    }

    /**
     * The level and the "unless" condition as silent monitors of their own, and the composite that notifies:
     * {@code level && !unless}. The composite takes the level's state, so its warning is the level's.
     */
    private void composite(MonitorKind kind, String id, String name, Watch.Composite composite,
                           String comparison, String critical, Optional<String> warning) {
        Block level = monitor(id + "_level", part(name + " (level)", name, composite.level().query(comparison))
                .thresholds(critical, warning));
        Block unless = monitor(id + "_" + composite.unlessName(), part(name + " (" + composite.unlessName() + ")",
                name, composite.unless().query(comparison)).thresholds("0", Optional.empty()));
        MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.COMPOSITE,
                        level.ref("id") + " && !" + unless.ref("id"))
                .message(Notification.message(service, kind, dashboardLink, critical, warning, false))
                .tags(tags(kind.severity().name()))
                .priority(priority(kind.severity()));
        if (kind.severity() == Severity.SYMPTOM) {
            definition.renotify(RENOTIFY_MINUTES, List.of("alert"));
        }
        monitor(id, definition);
    }

    private MonitorDefinition.Builder part(String name, String composite, String query) {
        return MonitorDefinition.builder(name, MonitorDefinition.METRIC, query)
                .message(Notification.part(composite))
                .tags(tags(Notification.PART))
                .priority(PART_PRIORITY)
                .evaluationDelay(service.alerting().evaluationDelaySeconds())
                .requireFullWindow(false);
    }

    /** What every notifying monitor of a kind shares: name, message, tags, priority and reminders. */
    private MonitorDefinition.Builder base(MonitorKind kind, String type, String query, Optional<String> warning) {
        MonitorDefinition.Builder definition = MonitorDefinition.builder(service.title() + ": " + kind.title(), type, query)
                .message(Notification.message(service, kind, dashboardLink, "{{threshold}}",
                        warning.map(w -> "{{warn_threshold}}"), false))
                .tags(tags(kind.severity().name()))
                .priority(priority(kind.severity()));
        if (kind.severity() == Severity.SYMPTOM) {
            definition.renotify(RENOTIFY_MINUTES, List.of("alert"));
        }
        return definition;
    }

    private Block monitor(String id, MonitorDefinition.Builder definition) {
        return assembly.add(id, DatadogMonitor.block(assembly.names().address(id), definition.build()));
    }

    /**
     * The availability SLO: requests answered without a 5xx, the target's or the load balancer's own. The
     * load balancer's 5xx are added to the total, since the requests it answers itself (no healthy target)
     * are not in its request count.
     */
    private Block slo() {
        Signals s = service.signals();
        SloTarget target = service.alerting().slo();
        return assembly.add("slo", DatadogServiceLevelObjective.block(assembly.names().address("slo"),
                new DatadogServiceLevelObjective.Definition(service.title() + ": availability",
                        "Requests answered without a 5xx, the target's or the load balancer's own. Managed by servicekit.",
                        "default_zero(" + s.requests() + ") - default_zero(" + s.target5xx() + ")",
                        "default_zero(" + s.requests() + ") + default_zero(" + s.loadBalancer5xx() + ")",
                        target.targetPercent(), target.window(), service.tags())));
    }

    private List<String> tags(String severity) {
        List<String> tags = new ArrayList<>(service.tags());
        tags.add(Severity.TAG + severity.toLowerCase(java.util.Locale.ROOT));
        return tags;
    }

    private Number priority(Severity severity) {
        AlertRouting routing = service.alerting().routing();
        return severity == Severity.SYMPTOM ? routing.pagePriority() : routing.notifyPriority();
    }
}
