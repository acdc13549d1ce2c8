package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.simulation.Replays;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.datadog.SimulatedMonitors;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.stack.StackDocument;
import dev.servicekit.stack.StackPlan;
import dev.servicekit.alerting.AlertTable;
import dev.servicekit.alerting.Alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's generated tables: every monitor kind with its query and thresholds, "What fires when", the
 * stage and prod presets' values, and the day-two changes with the replace-forcing attributes they rest on, each
 * between markers. Run: {@code npm run generate-readme}; a test fails when the README's copy drifts.
 */
public final class ReadmeTables {
    public static final Path README = Path.of("README.md");
    /** The command that regenerates the tables. */
    public static final String COMMAND = "npm run generate-readme";

    private ReadmeTables() {}

    private static Map<String, String> tables;

    /** Each generated table by its marker name (computed once: the replays take seconds). */
    public static synchronized Map<String, String> tables() {
        if (tables == null) {
            tables = computeTables();
        }
        return tables;
    }

    private static Map<String, String> computeTables() {
        Alerting stage = alerting(Environment.stage());
        Alerting prod = alerting(Environment.prod());
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("monitors", AlertTable.monitors(stage, prod));
        tables.put("what-fires-when", AlertTable.scenarios(replays(false), replays(true)));
        tables.put("presets", PresetTables.presets(Environment.stage(), Environment.prod()));
        tables.put("routing", PresetTables.routing(Environment.stage(), Environment.prod()));
        tables.put("day-two", DayTwoTable.table());
        tables.put("replace-forcing", DayTwoTable.replaceForcingTable());
        tables.put("quotas", quotas());
        return tables;
    }

    /** The AWS quotas synth counts ({@link AwsLimits#QUOTAS}): AWS's name, default, and the key of an increase. */
    static String quotas() {
        StringBuilder table = new StringBuilder("| quota (AWS's name) | default | adjustable | counted per | key in `\"quotas\"` |\n")
                .append("|---|---|---|---|---|\n");
        for (AwsLimits.Quota quota : AwsLimits.QUOTAS) {
            table.append("| ").append(quota.name()).append(" | ").append(String.format("%,d", quota.defaultValue()))
                    .append(" | ").append(quota.adjustable() ? "yes" : "**no**").append(" | ")
                    .append(quota.per().equals("region") ? "account and region" : quota.per()).append(" | `")
                    .append(quota.key()).append("` |\n");
        }
        return table.toString();
    }

    /** {@code readme} with every generated section replaced by its current table. */
    public static String render(String readme) {
        String text = readme;
        for (Map.Entry<String, String> table : tables().entrySet()) {
            String start = start(table.getKey());
            String end = end(table.getKey());
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException("README.md has no " + start + " ... " + end + " section");
            }
            text = text.substring(0, from + start.length()) + "\n" + table.getValue() + text.substring(to);
        }
        return text;
    }

    public static String start(String name) {
        return "<!-- generated: " + name + " (" + COMMAND + ") -->";
    }

    public static String end(String name) {
        return "<!-- end of generated: " + name + " -->";
    }

    /** A worker and a web service as the README's tables replay them: the prod preset's, internet-facing. */
    public static final Catalog SAMPLE = Catalog.of(
            Service.worker("worker", "public.ecr.aws/docker/library/busybox:1.36").runbook("https://runbooks.example.com/worker"),
            Service.web("web", "public.ecr.aws/nginx/nginx:1.27", 80).runbook("https://runbooks.example.com/web")
                    .prod(p -> p.allowPlainHttp()));

    /**
     * The Agent the README's replays run with: its image and parameter only name it, since the replay reads the
     * monitors, not the task.
     */
    public static final DatadogAgent SAMPLE_AGENT = DatadogAgent.of("public.ecr.aws/datadog/agent:7@sha256:"
            + "0".repeat(64), "/datadog/api-key");

    /**
     * Every failure replayed against the prod monitors of {@link #SAMPLE}'s worker and web service, as the pure-Java
     * environment document writes them, with or without the Datadog Agent.
     */
    public static List<Replays.Result> replays(boolean withAgent) {
        Environment prod = Environment.prod();
        if (withAgent) {
            prod = prod.toBuilder().monitoring(prod.monitoring().toBuilder().datadogAgent(SAMPLE_AGENT).build()).build();
        }
        // The environment layout: one stack holding every line.
        StackDocument document = new StackDocument(prod, StackPlan.of(prod, SAMPLE).platform());
        document.assemble(name -> {
            throw new IllegalStateException("the sample has no customizers");
        });
        JsonNode resources = document.document().toJson().path("resource");
        AlertRouting routing = prod.monitoring().routing();
        List<Replays.Result> results = new ArrayList<>();
        for (ServiceSpec spec : SAMPLE.services()) {
            ServiceSettings settings = ServiceSettings.resolve(spec, prod);
            results.addAll(Replays.of(new Replays.Subject(spec.name(), spec.isWeb(),
                    settings.capacity().desiredCount().intValue(), SimulatedMonitors.of(resources, spec.name() + "_",
                    routing.pageHandle(), routing.notifyHandle()))));
        }
        return results;
    }

    private static Alerting alerting(Environment environment) {
        return new Alerting(environment.monitoring().routing(), environment.monitoring().evaluationDelaySeconds(),
                Alerting.appUrlOf(environment.monitoring().datadogApiUrl()), environment.monitoring().slo(),
                environment.monitoring().synthetics());
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(README, render(Files.readString(README)));
        System.out.println("wrote the generated tables of " + README);
    }
}
