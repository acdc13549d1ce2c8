package dev.servicekit.alerting;

import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's monitor tables, derived from the monitor kinds: what each watches with its thresholds, and
 * for each failure scenario which monitors fire, whether they page, and how long they take at worst.
 */
public final class AlertTable {
    private static final Signals PLACEHOLDERS = new Signals(Optional.of("<queue>"), Optional.of("<queue>-dlq"),
            "<service>", "<cluster>", Optional.of("<target group>"), Optional.of("<load balancer>"), false);

    private AlertTable() {}

    /** One monitor in one scenario: its kind, whether it pages, and its worst-case minutes to notify. */
    public record Firing(MonitorKind kind, boolean pages, int minutes) {}

    /** Every kind: severity, what it watches, and its stage and prod thresholds. */
    public static String monitors(Alerting stage, Alerting prod) {
        StringBuilder md = new StringBuilder("| kind (`MonitorKind`) | severity | watches (prod) | stage | prod |\n"
                + "|---|---|---|---|---|\n");
        for (MonitorKind kind : MonitorKind.values()) {
            Thresholds thresholds = kind.defaults(Preset.PROD).orElseThrow();
            md.append("| `").append(kind.name()).append("`: ").append(kind.title()).append(" | ")
                    .append(kind.severity().name().toLowerCase(java.util.Locale.ROOT)).append(" | `")
                    .append(describe(kind, prod, thresholds).replace("|", "\\|")).append("` | ")
                    .append(threshold(kind, Preset.STAGE)).append(" | ").append(threshold(kind, Preset.PROD))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** For each failure scenario, the monitors that fire in prod, fastest first. */
    public static Map<Scenario, List<Firing>> firings(Alerting prod) {
        Map<Scenario, List<Firing>> firings = new EnumMap<>(Scenario.class);
        for (Scenario scenario : Scenario.values()) {
            firings.put(scenario, new ArrayList<>());
        }
        for (MonitorKind kind : MonitorKind.values()) {
            Thresholds thresholds = kind.defaults(Preset.PROD).orElseThrow();
            int minutes = worstCaseMinutes(kind.watch(sample(prod), thresholds), thresholds, prod);
            for (Scenario scenario : kind.scenarios()) {
                firings.get(scenario).add(new Firing(kind, kind.severity() == Severity.SYMPTOM, minutes));
            }
        }
        firings.values().forEach(list -> list.sort(Comparator.comparingInt(Firing::minutes)
                .thenComparing(f -> f.kind().ordinal())));
        return firings;
    }

    /** The README's "What fires when" table. */
    public static String scenarios(Alerting prod) {
        StringBuilder md = new StringBuilder("| failure | what fires in prod, fastest first (worst case to notify) "
                + "| first page |\n|---|---|---|\n");
        firings(prod).forEach((scenario, firings) -> {
            List<String> cells = firings.stream().map(f -> "`" + f.kind().key() + "` " + (f.pages() ? "pages" : "notifies")
                    + ", " + f.minutes() + " min").toList();
            String firstPage = firings.stream().filter(Firing::pages).findFirst()
                    .map(f -> f.minutes() + " min").orElse("none: notifies only");
            md.append("| ").append(scenario.description()).append(" | ").append(String.join("; ", cells))
                    .append(" | ").append(firstPage).append(" |\n");
        });
        return md.toString();
    }

    /**
     * The longest a monitor can take to notify after a failure starts: the evaluation delay Datadog waits for
     * late AWS metrics, then the window that must fill, then one evaluation (every minute). Event monitors
     * count an event as soon as it is past the delay; burn-rate alerts fire once the short window burns,
     * almost at once in a full outage; synthetics tests take a run, a retry and their failure duration.
     */
    static int worstCaseMinutes(Watch watch, Thresholds thresholds, Alerting alerting) {
        int delay = (alerting.evaluationDelaySeconds() + 59) / 60;
        if (watch instanceof Watch.Metric metric) {
            return delay + metric.windowMinutes() + 1;
        } else if (watch instanceof Watch.Composite composite) {
            return delay + composite.level().windowMinutes() + 1;
        } else if (watch instanceof Watch.Event) {
            return delay + 1;
        } else if (watch instanceof Watch.NoData) {
            return delay + thresholds.critical().intValue() + 1;
        } else if (watch instanceof Watch.BurnRate burn) {
            return delay + burn.shortWindowMinutes() + 1;
        } else if (watch instanceof Watch.Synthetic synthetic) {
            int seconds = synthetic.tickSeconds().intValue() + synthetic.minFailureSeconds() + synthetic.retryIntervalMillis() / 1000;
            return (seconds + 59) / 60;
        }
        throw new IllegalStateException("no worst case for " + watch);
    }

    private static String describe(MonitorKind kind, Alerting alerting, Thresholds thresholds) {
        Watch watch = kind.watch(sample(alerting), thresholds);
        String comparison = (kind.above() ? "> " : "< ") + Tokens.text(thresholds.critical());
        if (watch instanceof Watch.Metric metric) {
            return metric.query(comparison);
        } else if (watch instanceof Watch.Composite composite) {
            return composite.level().query(comparison) + " && !(" + composite.unless().query(comparison) + ")";
        } else if (watch instanceof Watch.Event event) {
            return event.query(comparison);
        } else if (watch instanceof Watch.NoData noData) {
            return "no data from " + noData.expression() + " for the threshold's minutes";
        } else if (watch instanceof Watch.BurnRate burn) {
            return burn.query("<slo>", alerting.slo().window(), comparison);
        } else if (watch instanceof Watch.Synthetic synthetic) {
            return "GET <health check URL> every " + Tokens.text(synthetic.tickSeconds()) + " s from " + alerting.synthetics()
                    .locations().size() + " locations; alert when the threshold's locations fail for "
                    + synthetic.minFailureSeconds() + " s";
        }
        throw new IllegalStateException("no description for " + watch);
    }

    private static String threshold(MonitorKind kind, Preset preset) {
        Thresholds t = kind.defaults(preset).orElseThrow();
        String critical = Tokens.text(t.critical());
        return t.warning().map(w -> critical + " (warn " + Tokens.text(w) + ")").orElse(critical)
                + " " + kind.unit();
    }

    /** A web service with a queue, internet-facing, in an environment with {@code alerting}. */
    private static MonitoredService sample(Alerting alerting) {
        return MonitoredService.builder().environment("prod").name("<service>").owner("<team>")
                .managedBy("<managed-by>").region("<region>").logGroup("/prod/<service>").deadLettering(5, 345_600, 1_209_600)
                .signals(PLACEHOLDERS).alerting(alerting)
                .endpoint(Optional.of(new MonitoredService.Endpoint("https://<load balancer>/", Condition.ALWAYS,
                        Condition.ALWAYS))).build();
    }
}
