package dev.servicekit.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.alerting.simulation.Replays;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.datadog.SimulatedMonitors;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.example.ExampleCatalog;
import dev.servicekit.generation.ReadmeTables;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TestEnvironments;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's alert tables are the generated ones (drift), and what they claim is true (truth): every failure,
 * replayed against the monitors cdktf synthesizes for this repository's worker and web service in prod, with
 * and without the Datadog Agent, pages once and within the README's minutes when it should, and never when it
 * should not; every monitor fires in the failures its kind says it reveals.
 */
class AlertTableTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (.+?) \\| (worker|web) \\| ([^|]+) \\| ([^|]+) \\|");
    private static final Map<String, List<Replays.Result>> REPLAYS = new HashMap<>();

    @Test
    void theReadmesTablesAreTheGeneratedOnes() throws Exception {
        String readme = Files.readString(ReadmeTables.README);
        assertThat(readme).as("the README's generated tables have drifted; regenerate them with "
                + ReadmeTables.COMMAND).isEqualTo(ReadmeTables.render(readme));
        for (String table : ReadmeTables.tables().keySet()) {
            assertThat(readme).contains(ReadmeTables.start(table), ReadmeTables.end(table));
        }
    }

    @Test
    void everyFailurePagesOnceWithinTheReadmesMinutesAndTheIdleNightNever() throws Exception {
        Map<String, String[]> claims = claims();
        for (boolean agent : List.of(false, true)) {
            for (Replays.Result result : replays(agent)) {
                String what = result.service() + ", " + result.scenario() + (agent ? ", with the Agent" : "");
                assertThat(result.earlyAlerts()).as(what + ": nothing fires before the failure").isEmpty();
                if (!result.scenario().pages()) {
                    assertThat(result.mostPages()).as(what + ": pages no one").isZero();
                    continue;
                }
                assertThat(result.fewestPages()).as(what + ": pages in every timing").isEqualTo(1);
                assertThat(result.mostPages()).as(what + ": one outage, one page").isEqualTo(1);
                String[] claim = claims.get(result.scenario().description() + "|" + kind(result.service()));
                assertThat(claim).as(what + ": a README row").isNotNull();
                int claimed = Integer.parseInt(claim[agent ? 1 : 0].replace(" min", "").trim());
                assertThat(result.firstPage()).as(what).isPresent();
                assertThat(result.firstPage().get()).as(what + ": within the README's minutes").isLessThanOrEqualTo(claimed);
            }
        }
    }

    @Test
    void withTheAgentACrashLoopAndTasksThatStopPageWithinTenMinutes() {
        for (Replays.Result result : replays(true)) {
            if (result.scenario() == Scenario.CRASH_LOOP || result.scenario() == Scenario.TASKS_GONE) {
                assertThat(result.firstPage()).as(result.service() + ", " + result.scenario()).isPresent();
                assertThat(result.firstPage().get()).as(result.service() + ", " + result.scenario()).isLessThanOrEqualTo(10);
            }
        }
    }

    /** A kind's claims of what it reveals hold in the replay; ECS's "unable to start" event is no crash loop's. */
    @Test
    void everyMonitorFiresInTheFailuresItsKindSaysItReveals() {
        List<String> unsupported = new ArrayList<>();
        for (boolean agent : List.of(false, true)) {
            for (Replays.Result result : replays(agent)) {
                ServiceShape shape = kind(result.service()).equals("web") ? ServiceShape.BARE.withLoadBalancer(true)
                        : ServiceShape.BARE.withQueue();
                for (MonitorKind kind : MonitorKind.values()) {
                    boolean fired = result.firings().keySet().stream().anyMatch(address -> address.endsWith(
                            "_monitor_" + kind.key()) || address.endsWith("_" + kind.key()));
                    if (kind.scenarios().contains(result.scenario()) && kind.appliesTo(shape) && !fired) {
                        unsupported.add(kind.key() + " in " + result.scenario() + " of " + result.service()
                                + (agent ? " with the Agent" : ""));
                    }
                }
            }
        }
        assertThat(unsupported).as("claims the replay does not support").isEmpty();
        assertThat(MonitorKind.TASKS_FAIL_TO_START.scenarios()).doesNotContain(Scenario.CRASH_LOOP);
        for (Replays.Result result : replays(false)) {
            if (result.scenario() == Scenario.CRASH_LOOP) {
                assertThat(result.firings().keySet()).noneMatch(a -> a.endsWith("tasks_fail_to_start"));
            }
        }
    }

    /** The README's rows: failure and service to the minutes without and with the Agent. */
    private static Map<String, String[]> claims() throws Exception {
        String readme = Files.readString(ReadmeTables.README);
        String table = readme.substring(readme.indexOf(ReadmeTables.start("what-fires-when")),
                readme.indexOf(ReadmeTables.end("what-fires-when")));
        Map<String, String[]> claims = new HashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            claims.put(row.group(1) + "|" + row.group(2), new String[] {row.group(3), row.group(4)});
        }
        assertThat(claims).isNotEmpty();
        return claims;
    }

    private static String kind(String service) {
        return service.equals("auth") ? "web" : "worker";
    }

    /** This repository's example catalog, synthesized by cdktf in prod, replayed. */
    private static synchronized List<Replays.Result> replays(boolean agent) {
        return REPLAYS.computeIfAbsent(String.valueOf(agent), key -> {
            Map<String, Object> prod = agent ? Map.of("datadogAgent", Map.of("image", ReadmeTables.SAMPLE_AGENT.image(),
                    "apiKeyParameter", "/datadog/api-key")) : Map.of();
            Synthesized out = Synthesized.of(ExampleCatalog.services(), TestEnvironments.context(Map.of(), prod));
            JsonNode resources = out.stack("prod").path("resource");
            List<Replays.Result> results = new ArrayList<>();
            for (ServiceSpec spec : ExampleCatalog.services().services()) {
                int desired = resources.path("aws_ecs_service").path(spec.name() + "_service").path("desired_count")
                        .asInt();
                results.addAll(Replays.of(new Replays.Subject(spec.name(), spec.isWeb(), desired,
                        SimulatedMonitors.of(resources, spec.name() + "_", TestEnvironments.PROD_PAGE,
                                TestEnvironments.PROD_CHAT))));
            }
            return results;
        });
    }
}
