package dev.servicekit.monitoring;

import dev.servicekit.terraform.JsonEncode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.Token;
import dev.servicekit.datadog.DatadogDashboardJson;
import dev.servicekit.datadog.DatadogMonitor;
import dev.servicekit.datadog.DatadogServiceLevelObjective;
import dev.servicekit.datadog.DatadogSyntheticsTest;
import dev.servicekit.datadog.MonitorDefinition;
import dev.servicekit.validation.Tokens;
import software.constructs.Construct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A service's Datadog monitors, SLO, synthetics test and dashboard, built from what each
 * {@link MonitorKind} watches. The mechanics (names, tags, priorities, routing, evaluation options) are
 * here, once; what is watched is in the kinds.
 */
public final class ServiceMonitoring extends Construct {
    /** Minutes between reminders while a symptom alerts; warnings and causes do not repeat. */
    public static final int RENOTIFY_MINUTES = 60;
    /**
     * Requests added to an error ratio's denominator in its 10-minute window (about 5 a minute): at low
     * traffic a single error cannot page, as claranet's monitors add 5 requests for the same reason.
     */
    public static final int MIN_TRAFFIC_REQUESTS = 50;
    /** The priority of a composite's silent parts, which notify no one. */
    public static final int PART_PRIORITY = 5;
    /** The tag that says how a monitor notifies: {@code severity:symptom}, {@code cause} or {@code part}. */
    public static final String SEVERITY_TAG = "severity:";

    private final MonitoredService service;
    private final UnaryOperator<String> addresses;
    private final String dashboardLink;
    private final Optional<DatadogServiceLevelObjective> slo;
    private Optional<DatadogSyntheticsTest> synthetics = Optional.empty();

    /** @param addresses the service's address scheme: a part name to a pinned Terraform address */
    public ServiceMonitoring(Construct scope, MonitoredService service, UnaryOperator<String> addresses) {
        super(scope, "monitoring");
        this.service = service;
        this.addresses = addresses;
        slo = service.signals().targetGroup().map(tg -> slo());
        DatadogDashboardJson dashboard = new DatadogDashboardJson(this, "dashboard",
                JsonEncode.of(ServiceDashboards.service(service, slo.map(DatadogServiceLevelObjective::sloId))));
        dashboard.overrideLogicalId(addresses.apply("dashboard"));
        dashboardLink = service.alerting().datadogAppUrl() + dashboard.url();

        service.thresholds().forEach(this::watch);
        new TerraformOutput(this, "dashboard-url", TerraformOutputConfig.builder()
                .value(dashboardLink)
                .description("The service's Datadog dashboard")
                .build())
                .overrideLogicalId(addresses.apply("dashboard_url"));
    }

    /** The synthetics test, for a service that has one. */
    public Optional<DatadogSyntheticsTest> synthetics() {
        return synthetics;
    }

    /** The dashboard's full URL (known after apply). */
    public String dashboardLink() {
        return dashboardLink;
    }

    private void watch(MonitorKind kind, Thresholds thresholds) {
        Watch watch = kind.watch(service, thresholds);
        String critical = format(thresholds.critical());
        Optional<String> warning = thresholds.warning().map(ServiceMonitoring::format);
        String comparison = (kind.above() ? "> " : "< ") + critical;
        String name = service.title() + ": " + kind.title();
        String address = "monitor_" + kind.key();
        if (watch instanceof Watch.Metric metric) {
            monitor(address, base(kind, MonitorDefinition.METRIC, metric.query(comparison), critical, warning)
                    .thresholds(critical, warning)
                    .evaluationDelay(service.alerting().evaluationDelaySeconds())
                    .requireFullWindow(false));
        } else if (watch instanceof Watch.Composite composite) {
            composite(kind, address, name, composite, comparison, critical, warning);
        } else if (watch instanceof Watch.Event event) {
            String query = eventQuery(event, comparison);
            // Events reach Datadog as late as the metrics; Datadog's own ECS event monitor waits 900 s too.
            monitor(address, base(kind, MonitorDefinition.EVENT, query, critical, Optional.empty())
                    .thresholds(critical, Optional.empty())
                    .evaluationDelay(service.alerting().evaluationDelaySeconds()));
        } else if (watch instanceof Watch.NoData noData) {
            MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.METRIC,
                            "max(last_" + noData.windowMinutes() + "m):" + noData.expression() + " < 0")
                    .message(Notification.message(service, kind, dashboardLink, critical, Optional.empty(), true))
                    .tags(tags(kind.severity().name()))
                    .priority(priority(kind.severity()))
                    .thresholds("0", Optional.empty())
                    .evaluationDelay(service.alerting().evaluationDelaySeconds())
                    .requireFullWindow(false)
                    .noDataTimeframe(thresholds.critical());
            if (kind.severity() == Severity.SYMPTOM) {
                definition.renotify(RENOTIFY_MINUTES, List.of("no data"));
            }
            monitor(address, definition);
        } else if (watch instanceof Watch.BurnRate burn) {
            String query = burnRateQuery(burn, slo.orElseThrow().sloId(), service.alerting().slo().window(), comparison);
            monitor(address, base(kind, MonitorDefinition.SLO, query, critical, Optional.empty())
                    .thresholds(critical, Optional.empty()));
        } else if (watch instanceof Watch.Synthetic synthetic) {
            MonitoredService.Endpoint endpoint = service.endpoint().orElseThrow();
            DatadogSyntheticsTest test = new DatadogSyntheticsTest(this, kind.key(), new DatadogSyntheticsTest.Definition(name,
                    Notification.message(service, kind, dashboardLink, critical, Optional.empty(), false),
                    tags(kind.severity().name()), service.alerting().synthetics().locations(), endpoint.url(),
                    endpoint.allowInsecure(), synthetic.tickSeconds(), synthetic.minFailureSeconds(),
                    thresholds.critical(), priority(kind.severity()), synthetic.retryIntervalMillis(),
                    kind.severity() == Severity.SYMPTOM ? RENOTIFY_MINUTES : 0));
            test.overrideLogicalId(addresses.apply("synthetics"));
            synthetics = Optional.of(test);
        } else {
            throw new IllegalStateException("no monitor for " + watch);
        }
    }

    /**
     * The level and the "unless" condition as silent monitors of their own, and the composite that notifies:
     * {@code level && !unless}. The composite takes the level's state, so its warning is the level's.
     */
    private void composite(MonitorKind kind, String address, String name, Watch.Composite composite,
                           String comparison, String critical, Optional<String> warning) {
        DatadogMonitor level = monitor(address + "_level", part(name + " (level)", name,
                composite.level().query(comparison)).thresholds(critical, warning));
        DatadogMonitor unless = monitor(address + "_" + composite.unlessName(), part(name + " (" + composite.unlessName()
                + ")", name, composite.unless().query(comparison)).thresholds("0", Optional.empty()));
        MonitorDefinition.Builder definition = MonitorDefinition.builder(name, MonitorDefinition.COMPOSITE,
                        level.monitorId() + " && !" + unless.monitorId())
                .message(Notification.message(service, kind, dashboardLink, critical, warning, false))
                .tags(tags(kind.severity().name()))
                .priority(priority(kind.severity()));
        if (kind.severity() == Severity.SYMPTOM) {
            definition.renotify(RENOTIFY_MINUTES, List.of("alert"));
        }
        monitor(address, definition);
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
    private MonitorDefinition.Builder base(MonitorKind kind, String type, String query, String critical,
                                           Optional<String> warning) {
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

    private DatadogMonitor monitor(String address, MonitorDefinition.Builder definition) {
        DatadogMonitor monitor = new DatadogMonitor(this, address, definition.build());
        monitor.overrideLogicalId(addresses.apply(address));
        return monitor;
    }

    /**
     * The availability SLO: requests answered without a 5xx, the target's or the load balancer's own. The
     * load balancer's 5xx are added to the total, since the requests it answers itself (no healthy target)
     * are not in its request count.
     */
    private DatadogServiceLevelObjective slo() {
        Signals s = service.signals();
        SloTarget target = service.alerting().slo();
        DatadogServiceLevelObjective objective = new DatadogServiceLevelObjective(this, "slo",
                new DatadogServiceLevelObjective.Definition(service.title() + ": availability",
                        "Requests answered without a 5xx, the target's or the load balancer's own. Managed by servicekit.",
                        "default_zero(" + s.requests() + ") - default_zero(" + s.target5xx() + ")",
                        "default_zero(" + s.requests() + ") + default_zero(" + s.loadBalancer5xx() + ")",
                        target.targetPercent(), target.window(), service.tags()));
        objective.overrideLogicalId(addresses.apply("slo"));
        return objective;
    }

    private List<String> tags(String severity) {
        List<String> tags = new ArrayList<>(service.tags());
        tags.add(SEVERITY_TAG + severity.toLowerCase(java.util.Locale.ROOT));
        return tags;
    }

    private Number priority(Severity severity) {
        AlertRouting routing = service.alerting().routing();
        return severity == Severity.SYMPTOM ? routing.pagePriority() : routing.notifyPriority();
    }

    /** An event monitor's query: the count of matching events in the window. */
    static String eventQuery(Watch.Event event, String comparison) {
        return "events(\"" + event.search().replace("\"", "\\\"") + "\").rollup(\"count\").last(\""
                + event.windowMinutes() + "m\") " + comparison;
    }

    /** A burn-rate alert's query on the SLO {@code sloId} over its window. */
    static String burnRateQuery(Watch.BurnRate burn, String sloId, String window, String comparison) {
        return "burn_rate(\"" + sloId + "\").over(\"" + window + "\").long_window(\""
                + duration(burn.longWindowMinutes()) + "\").short_window(\"" + duration(burn.shortWindowMinutes())
                + "\") " + comparison;
    }

    /** Minutes as Datadog's burn-rate windows write them: {@code 5m}, {@code 1h}. */
    static String duration(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** A threshold as Datadog shows it: 1000, 0.5. The query and {@code critical} use the same text. */
    public static String format(Number value) {
        if (Tokens.isToken(value)) {
            return Token.asString(value);
        }
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
