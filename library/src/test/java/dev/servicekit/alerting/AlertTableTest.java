package dev.servicekit.alerting;

import dev.servicekit.generation.ReadmeTables;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "What fires when" is derived from the monitor kinds, covers every failure, and the README shows it as it is. */
class AlertTableTest {
    private static final Alerting PROD = new Alerting(new AlertRouting("@pagerduty-x", 1, "@slack-x", 3), 900,
            "https://app.datadoghq.com", SloTarget.of(99.9, "30d"),
            new SyntheticsSettings(List.of("aws:us-east-1", "aws:eu-central-1"), 60));

    @Test
    void everyFailureHasAMonitorThatFiresAndTheServiceOutagesPage() {
        Map<Scenario, List<AlertTable.Firing>> firings = AlertTable.firings(PROD);
        firings.forEach((scenario, fired) -> assertThat(fired).as(scenario.description()).isNotEmpty());
        for (Scenario outage : List.of(Scenario.WORKER_TASKS_CRASH, Scenario.WEB_TASKS_DIE, Scenario.LOAD_BALANCER_502,
                Scenario.QUEUE_WITHOUT_CONSUMERS, Scenario.CRASH_LOOP, Scenario.INTEGRATION_STOPS)) {
            assertThat(firings.get(outage)).as(outage.description() + " pages").anyMatch(AlertTable.Firing::pages);
        }
        assertThat(firings.get(Scenario.POISON_MESSAGES)).as("poison messages need a look, not a page")
                .noneMatch(AlertTable.Firing::pages);
        assertThat(firings.get(Scenario.WEB_TASKS_DIE).get(0).kind())
                .as("the synthetics test sees a dead web service first").isEqualTo(MonitorKind.SYNTHETICS);
        assertThat(firings.get(Scenario.WEB_TASKS_DIE).get(0).minutes()).isLessThanOrEqualTo(5);
    }

    @Test
    void worstCasesAddTheDelayTheWindowAndOneEvaluation() {
        Thresholds any = Thresholds.critical(1);
        assertThat(AlertTable.worstCaseMinutes(new Watch.Metric(Watch.Over.MIN, 15, "q"), any, PROD)).isEqualTo(31);
        assertThat(AlertTable.worstCaseMinutes(new Watch.Event("s", 30), any, PROD)).isEqualTo(16);
        assertThat(AlertTable.worstCaseMinutes(new Watch.NoData("q", 30), Thresholds.critical(60), PROD)).isEqualTo(76);
        assertThat(AlertTable.worstCaseMinutes(new Watch.Synthetic(60, 120, 5000), any, PROD)).isEqualTo(4);
    }

    @Test
    void theReadmesTablesAreTheGeneratedOnes() throws Exception {
        String readme = Files.readString(ReadmeTables.README);
        assertThat(readme).as("the README's generated tables have drifted; regenerate them with "
                + ReadmeTables.COMMAND).isEqualTo(ReadmeTables.render(readme));
        for (String table : ReadmeTables.tables().keySet()) {
            assertThat(readme).contains(ReadmeTables.start(table), ReadmeTables.end(table));
        }
        assertThat(readme).contains("| A deploy is rolled back | `deployment_rolled_back` notifies, 16 min");
    }
}
