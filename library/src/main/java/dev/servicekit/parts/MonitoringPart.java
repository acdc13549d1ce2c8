package dev.servicekit.parts;

import dev.servicekit.terraform.Condition;
import dev.servicekit.queue.QueueHandle;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.alerting.Notification;
import dev.servicekit.alerting.PagingPlan;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's Datadog monitors, SLO, synthetics test and dashboard, built from what each
 * {@link MonitorKind} watches and the signals the other parts left, and the composite through which its
 * symptoms page once ({@link PagingPlan}). The mechanics (names, tags, priorities, routing, evaluation
 * options) are here, once; what is watched is in the kinds.
 */
public final class MonitoringPart implements ServicePart {
    /** Minutes between reminders while the service's outage pages; symptoms, warnings and causes do not repeat. */
    public static final int RENOTIFY_MINUTES = 60;
    /** The priority of silent monitors that only feed others, which notify no one. */
    public static final int PART_PRIORITY = 5;
    /** The tag value of a service's outage composite: {@code severity:outage}. */
    public static final String OUTAGE = "outage";

    private ServiceAssembly assembly;
    private MonitoredService service;
    private String dashboardLink;
    private PagingPlan plan;
    private Optional<Block> slo = Optional.empty();
    private Condition watching = Condition.ALWAYS;
    private final Map<MonitorKind, String> ids = new EnumMap<>(MonitorKind.class);
    private final Map<MonitorKind, String> trailing = new EnumMap<>(MonitorKind.class);

    @Override
    public void declare(ServiceAssembly assembly) {
        this.assembly = assembly;
        ServiceSettings settings = assembly.settings();
        ServiceSettings.Identity identity = settings.identity();
        service = new MonitoredService(identity.environment(), identity.name(), identity.owner(), Catalog.MANAGED_BY,
                assembly.platform().account().region(), assembly.names().logGroup(), identity.runbookUrl(),
                assembly.find(QueueHandle.class).map(q -> new MonitoredService.Queue(q.retentionSeconds(),
                        q.maxReceiveCount(), q.deadLetterRetentionSeconds())),
                settings.monitors(), assembly.signals(), settings.alerting(), assembly.endpoint());
        plan = PagingPlan.of(service.thresholds().keySet());

        slo = service.signals().targetGroup().map(tg -> slo());
        Block dashboard = assembly.add("dashboard", DatadogDashboardJson.block(assembly.names().address("dashboard"),
                Hcl.jsonencode(ServiceDashboards.service(service, slo.map(s -> s.ref("id"))))));
        dashboardLink = service.alerting().datadogAppUrl() + dashboard.ref("url");
        assembly.dashboardLink(dashboardLink);
        service.thresholds().forEach(this::watch);
        if (plan.composite()) {
            outage();
        }
        assembly.output("dashboard_url", dashboardLink, "The service's Datadog dashboard");
    }

    /** How a kind's own notifications go: it pages, it is a part of the outage, or it notifies. */
    private Notification.Route route(MonitorKind kind) {
        if (plan.pagesItself(kind)) {
            return Notification.Route.PAGES;
        }
        return plan.parts().contains(kind) ? Notification.Route.PART_OF_OUTAGE : Notification.Route.NOTIFIES;
    }

    private void watch(MonitorKind kind, Thresholds thresholds) {
        // A kind that needs an add-on exists where the add-on does (a module's input decides it).
        watching = kind.needs().addOn().map(assembly.settings().addOns()::switchOf).orElse(Condition.ALWAYS);
        Watch watch = kind.watch(service, thresholds);
        String critical = Tokens.text(thresholds.critical());
        Optional<String> warning = thresholds.warning().map(Tokens::text);
        String comparison = (kind.above() ? "> " : "< ") + critical;
        String name = service.title() + ": " + kind.title();
        String id = "monitor_" + kind.key();
        if (kind.severity() == Severity.CONDITION) {
            Watch.Metric metric = (Watch.Metric) watch;
            remember(kind, monitor(id, part(name, Notification.outageName(service), metric.query(comparison), metric)
                    .thresholds(critical, Optional.empty())));
        } else if (watch instanceof Watch.Metric metric) {
            MonitorDefinition.Builder definition = base(kind, MonitorDefinition.METRIC, metric.query(comparison), warning)
                    .thresholds(critical, warning)
                    .lateMetrics(evaluationDelay(metric));
            if (kind.notifiesOnNoData()) {
                // Datadog recommends at least twice the window before missing data notifies.
                definition.noDataTimeframe(2 * metric.windowMinutes());
            }
            remember(kind, monitor(id, definition));
        } else if (watch instanceof Watch.Composite composite) {
            composite(kind, id, name, composite, comparison, critical, warning);
        } else if (watch instanceof Watch.Event event) {
            // No evaluation delay: the provider documents it as "(Only applies to metric alert)".
            remember(kind, monitor(id, base(kind, MonitorDefinition.EVENT, event.query(comparison), Optional.empty())
                    .thresholds(critical, Optional.empty())));
        } else if (watch instanceof Watch.NoData noData) {
            MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.METRIC,
                            "max(last_" + noData.windowMinutes() + "m):" + noData.expression() + " < 0")
                    .message(Notification.message(service, kind, dashboardLink, critical, Optional.empty(), true,
                            route(kind)))
                    .tags(tags(kind.severity().name()))
                    .priority(priority(route(kind)))
                    .thresholds("0", Optional.empty())
                    .lateMetrics(service.alerting().evaluationDelaySeconds())
                    .noDataTimeframe(thresholds.critical());
            if (route(kind) == Notification.Route.PAGES) {
                definition.renotify(RENOTIFY_MINUTES, List.of("no data"));
            }
            remember(kind, monitor(id, definition));
        } else if (watch instanceof Watch.BurnRate burn) {
            String query = burn.query(slo.orElseThrow().ref("id"), service.alerting().slo().window(), comparison);
            remember(kind, monitor(id, base(kind, MonitorDefinition.SLO, query, Optional.empty())
                    .thresholds(critical, Optional.empty())));
        } else if (watch instanceof Watch.Synthetic synthetic) {
            MonitoredService.Endpoint endpoint = service.endpoint().orElseThrow();
            Block test = assembly.add("synthetics", DatadogSyntheticsTest.block(assembly.names().address("synthetics"),
                    DatadogSyntheticsTest.Definition.builder().name(name)
                            .message(Notification.message(service, kind, dashboardLink, critical, Optional.empty(), false,
                                    route(kind)))
                            .tags(tags(kind.severity().name())).locations(service.alerting().synthetics().locations())
                            .url(endpoint.url(), endpoint.allowInsecure())
                            .timing(synthetic.tickSeconds(), synthetic.minFailureSeconds(), synthetic.retryIntervalMillis())
                            .minLocationFailed(thresholds.critical()).priority(priority(route(kind)))
                            .renotifyMinutes(route(kind) == Notification.Route.PAGES ? RENOTIFY_MINUTES : 0).build()))
                    .existsWhen(endpoint.exists());
            // Last in the composite: a module decides at plan whether the test exists, and its composite takes the
            // test's monitor only when it does (an index into a resource counted out is an error even where a
            // conditional does not pick it; a for expression over the splat is not).
            trailing.put(kind, test.exists().always() ? " || " + test.ref("monitor_id")
                    : "${join(\"\", [for id in " + test.address() + "[*].monitor_id : \" || ${id}\"])}");
        } else {
            throw new IllegalStateException("no monitor for " + watch);
        }
    }

    private void remember(MonitorKind kind, Block monitor) {
        ids.put(kind, monitor.ref("id"));
    }

    private int evaluationDelay(Watch.Metric metric) {
        return metric.source() == Watch.Source.AGENT ? Watch.AGENT_EVALUATION_DELAY_SECONDS
                : service.alerting().evaluationDelaySeconds();
    }

    /**
     * The service's outage: a composite of its symptoms that alone pages, once per outage, and reminds hourly
     * while it lasts. The synthetics test's monitor comes last: a module creates the test only for a service
     * that is internet-facing, and joins its monitor through a {@code for} expression over the tests that exist.
     */
    private void outage() {
        StringBuilder query = new StringBuilder(plan.query(ids::get));
        trailing.values().forEach(query::append);
        List<String> symptoms = plan.parts().stream().map(MonitorKind::title).toList();
        Optional<String> floor = plan.floor().map(kind -> Tokens.text(service.thresholds().get(kind).critical())
                + " " + kind.unit());
        MonitorDefinition.Builder definition = MonitorDefinition.builder(Notification.outageName(service),
                        MonitorDefinition.COMPOSITE, query.toString())
                .message(Notification.outage(service, dashboardLink, symptoms, floor))
                .tags(tags(OUTAGE))
                .priority(priority(Notification.Route.PAGES))
                .renotify(RENOTIFY_MINUTES, List.of("alert"));
        assembly.add(OUTAGE, DatadogMonitor.block(assembly.names().address(OUTAGE), definition.build()));
    }

    /**
     * The level and the "unless" condition as silent monitors of their own, and the composite that notifies:
     * {@code level && !unless}. The composite takes the level's state, so its warning is the level's.
     */
    private void composite(MonitorKind kind, String id, String name, Watch.Composite composite,
                           String comparison, String critical, Optional<String> warning) {
        Block level = monitor(id + "_level", part(name + " (level)", name, composite.level().query(comparison),
                composite.level()).thresholds(critical, warning));
        Block unless = monitor(id + "_" + composite.unlessName(), part(name + " (" + composite.unlessName() + ")",
                name, composite.unless().query(comparison), composite.unless()).thresholds("0", Optional.empty()));
        MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.COMPOSITE,
                        level.ref("id") + " && !" + unless.ref("id"))
                .message(Notification.message(service, kind, dashboardLink, critical, warning, false, route(kind)))
                .tags(tags(kind.severity().name()))
                .priority(priority(route(kind)));
        if (route(kind) == Notification.Route.PAGES) {
            definition.renotify(RENOTIFY_MINUTES, List.of("alert"));
        }
        monitor(id, definition);
    }

    private MonitorDefinition.Builder part(String name, String composite, String query, Watch.Metric metric) {
        return MonitorDefinition.builder(name, MonitorDefinition.METRIC, query)
                .message(Notification.part(composite))
                .tags(tags(Notification.PART))
                .priority(PART_PRIORITY)
                .lateMetrics(evaluationDelay(metric));
    }

    /** What every notifying monitor of a kind shares: name, message, tags, priority and reminders. */
    private MonitorDefinition.Builder base(MonitorKind kind, String type, String query, Optional<String> warning) {
        Notification.Route route = route(kind);
        MonitorDefinition.Builder definition = MonitorDefinition.builder(service.title() + ": " + kind.title(), type, query)
                .message(Notification.message(service, kind, dashboardLink, "{{threshold}}",
                        warning.map(w -> "{{warn_threshold}}"), false, route))
                .tags(tags(kind.severity().name()))
                .priority(priority(route));
        if (route == Notification.Route.PAGES) {
            definition.renotify(RENOTIFY_MINUTES, List.of("alert"));
        }
        return definition;
    }

    private Block monitor(String id, MonitorDefinition.Builder definition) {
        Block monitor = assembly.add(id, DatadogMonitor.block(assembly.names().address(id), definition.build()));
        return watching.always() ? monitor : monitor.existsWhen(watching);
    }

    /**
     * The availability SLO: requests answered without a 5xx, the target's or the load balancer's own, out of
     * every request. A 502 or 504 is generated after the load balancer chose a target, so it is in the request
     * count already; only the load balancer's other 5xx (503 with no healthy target, 500) are added to it.
     */
    private Block slo() {
        Signals s = service.signals();
        SloTarget target = service.alerting().slo();
        return assembly.add("slo", DatadogServiceLevelObjective.block(assembly.names().address("slo"),
                new DatadogServiceLevelObjective.Definition(service.title() + ": availability",
                        "Requests answered without a 5xx, the target's or the load balancer's own. Managed by servicekit.",
                        s.goodRequests(), s.allRequests(), target.targetPercent(), target.window(), service.tags())));
    }

    private List<String> tags(String severity) {
        List<String> tags = new ArrayList<>(service.tags());
        tags.add(Severity.TAG + severity.toLowerCase(java.util.Locale.ROOT));
        return tags;
    }

    private Number priority(Notification.Route route) {
        AlertRouting routing = service.alerting().routing();
        return route == Notification.Route.PAGES ? routing.pagePriority() : routing.notifyPriority();
    }
}
