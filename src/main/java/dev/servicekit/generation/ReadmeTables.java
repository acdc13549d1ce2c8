package dev.servicekit.generation;

import dev.servicekit.environment.Environment;
import dev.servicekit.alerting.AlertTable;
import dev.servicekit.alerting.Alerting;
import dev.servicekit.rules.AwsLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's generated tables: every monitor kind with its query and thresholds, "What fires when", and the
 * stage and prod presets' values, each between markers. Run: {@code npm run generate-readme}; a test fails when the README's copy drifts.
 */
public final class ReadmeTables {
    public static final Path README = Path.of("README.md");
    /** The command that regenerates the tables. */
    public static final String COMMAND = "npm run generate-readme";

    private ReadmeTables() {}

    /** Each generated table by its marker name. */
    public static Map<String, String> tables() {
        Alerting stage = alerting(Environment.stage());
        Alerting prod = alerting(Environment.prod());
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("monitors", AlertTable.monitors(stage, prod));
        tables.put("what-fires-when", AlertTable.scenarios(prod));
        tables.put("presets", PresetTables.presets(Environment.stage(), Environment.prod()));
        tables.put("routing", PresetTables.routing(Environment.stage(), Environment.prod()));
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
