package dev.servicekit.alerting;

import dev.servicekit.alerting.simulation.Replays;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The README's monitor tables: what each kind watches with its thresholds, derived from the monitor kinds; and
 * for each failure, what the replay of its metrics against a worker's and a web service's monitors
 * ({@link Replays}) found: when the first page comes at worst, with and without the Datadog Agent, and what
 * else fires.
 */
public final class AlertTable {
    private static final Signals PLACEHOLDERS = new Signals(Optional.of("<queue>"), Optional.of("<queue>-dlq"),
            "<service>", "<cluster>", Optional.of("<target group>"), Optional.of("<load balancer>"), Optional.empty(), false,
            addOnPlaceholders());

    /** For each add-on a monitor kind may need, a placeholder of the tags that select its metrics. */
    private static Map<String, String> addOnPlaceholders() {
        return java.util.Arrays.stream(MonitorKind.Needs.values()).flatMap(needs -> needs.addOn().stream())
                .collect(java.util.stream.Collectors.toMap(option -> option, option -> "<" + option + " tags>"));
    }
    private static final Signals.Agent AGENT = new Signals.Agent("<task family>", "<service>", 2, 512, 1024);

    private AlertTable() {}

    /** Every kind: severity, what it watches (with the Datadog Agent too, where it reads the Agent's metrics), and its stage and prod thresholds. */
    public static String monitors(Alerting stage, Alerting prod) {
        StringBuilder md = new StringBuilder("| kind (`MonitorKind`) | severity | watches (prod) | stage | prod |\n"
                + "|---|---|---|---|---|\n");
        for (MonitorKind kind : MonitorKind.values()) {
            Thresholds thresholds = kind.defaults(Preset.PROD).orElseThrow();
            String watches = "`" + describe(kind, sample(prod, PLACEHOLDERS), thresholds).replace("|", "\\|") + "`";
            String withAgent = describe(kind, sample(prod, PLACEHOLDERS.withAgent(AGENT)), thresholds);
            if (!withAgent.equals(describe(kind, sample(prod, PLACEHOLDERS), thresholds))) {
                watches += "; with the Datadog Agent: `" + withAgent.replace("|", "\\|") + "`";
            }
            md.append("| `").append(kind.name()).append("`: ").append(kind.title()).append(" | ")
                    .append(severity(kind)).append(" | ").append(watches).append(" | ")
                    .append(threshold(kind, Preset.STAGE)).append(" | ").append(threshold(kind, Preset.PROD))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String severity(MonitorKind kind) {
        String name = kind.severity().name().toLowerCase(Locale.ROOT);
        if (PagingPlan.standalone(kind)) {
            return name + ", pages alone";
        }
        return switch (kind.severity()) {
            case SYMPTOM -> name + (kind.floored() ? ", pages with traffic" : ", pages");
            case CAUSE -> name + ", notifies";
            case CONDITION -> name + ", silent";
        };
    }

    /**
     * The README's "What fires when": for each failure of a worker and a web service in prod, the first page at
     * worst without and with the Datadog Agent, how many pages, and what fires without the Agent.
     *
     * @param withoutAgent the replays of the services without the Agent
     * @param withAgent    the same services' replays with the Agent beside their tasks
     */
    public static String scenarios(List<Replays.Result> withoutAgent, List<Replays.Result> withAgent) {
        StringBuilder md = new StringBuilder("| failure | service | first page, AWS integration only | first page, "
                + "with the Datadog Agent | what fires, AWS integration only (minutes at worst) |\n"
                + "|---|---|---|---|---|\n");
        for (Replays.Result result : withoutAgent) {
            Replays.Result agent = withAgent.stream().filter(r -> r.scenario() == result.scenario()
                    && r.service().equals(result.service())).findFirst().orElseThrow();
            md.append("| ").append(result.scenario().description()).append(" | ").append(result.service())
                    .append(" | ").append(page(result)).append(" | ").append(page(agent)).append(" | ")
                    .append(firings(result)).append(" |\n");
        }
        return md.toString();
    }

    private static String page(Replays.Result result) {
        if (result.firstPage().isEmpty()) {
            return result.mostPages() == 0 ? "none" : "not every time";
        }
        return result.firstPage().get() + " min" + (result.mostPages() > 1 ? " (" + result.mostPages() + " pages)" : "");
    }

    private static String firings(Replays.Result result) {
        List<String> cells = new ArrayList<>();
        for (Map.Entry<String, Integer> firing : result.firings().entrySet()) {
            String name = shortName(firing.getKey(), result.service());
            cells.add(result.pagedThrough().contains(firing.getKey()) ? "**`" + name + "` pages, " + firing.getValue()
                    + "**" : "`" + name + "` " + firing.getValue());
        }
        return cells.isEmpty() ? "nothing" : String.join(", ", cells);
    }

    /** {@code datadog_monitor.auth_monitor_latency} as {@code latency}; the outage composite as {@code outage}. */
    static String shortName(String address, String service) {
        return address.replaceFirst("^datadog_[a-z_]+\\.", "").replaceFirst("^" + java.util.regex.Pattern.quote(service)
                + "_(monitor_)?", "");
    }

    private static String describe(MonitorKind kind, MonitoredService service, Thresholds thresholds) {
        Watch watch = kind.watch(service, thresholds);
        Alerting alerting = service.alerting();
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
    private static MonitoredService sample(Alerting alerting, Signals signals) {
        return new MonitoredService("prod", "<service>", "<team>", "<managed-by>", "<region>", "/prod/<service>",
                Optional.empty(), Optional.of(new MonitoredService.Queue(345_600, 5, 1_209_600)), Map.of(), signals,
                alerting, Optional.of(new MonitoredService.Endpoint("https://<load balancer>/", Condition.ALWAYS,
                        Condition.ALWAYS)));
    }
}
