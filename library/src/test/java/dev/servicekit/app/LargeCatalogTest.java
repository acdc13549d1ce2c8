package dev.servicekit.app;

import dev.servicekit.Servicekit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.PagingPlan;
import dev.servicekit.alerting.Preset;
import dev.servicekit.alerting.ServiceShape;
import dev.servicekit.support.LargeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A catalog of 100 services synthesizes completely, with every monitor and dashboard. */
class LargeCatalogTest {
    /**
     * The monitors one service of {@code shape} gets, from the model: a monitor per kind that applies, the second
     * monitor of the backlog's composite, and the outage composite where the paging plan has one.
     */
    private static int monitors(ServiceShape shape, Preset preset) {
        Set<MonitorKind> kinds = MonitorKind.defaultsOf(preset).keySet().stream().filter(k -> k.appliesTo(shape))
                .collect(Collectors.toSet());
        return kinds.size() + (kinds.contains(MonitorKind.QUEUE_BACKLOG) ? 1 : 0)
                + (PagingPlan.of(kinds).composite() ? 1 : 0);
    }

    @Test
    void aHundredServicesSynthesizeWithAllTheirMonitorsAndDashboards(@TempDir Path dir) throws Exception {
        Path outdir = dir.resolve("cdktf.out");
        assertThat(Servicekit.run(LargeCatalog.of(100), java.util.List.of(), dev.servicekit.support.TestEnvironments.context(Map.of()), "cdktf.out", outdir, System.err)).isEqualTo(Servicekit.OK);

        for (String env : new String[] {"stage", "prod"}) {
            JsonNode stack = new ObjectMapper().readTree(outdir.resolve("stacks/" + env + "/cdk.tf.json").toFile());
            JsonNode resources = stack.path("resource");
            assertThat(resources.path("aws_ecs_service").size()).isEqualTo(100);
            assertThat(resources.path("aws_lb").size()).isEqualTo(50);
            assertThat(resources.path("aws_sqs_queue").size()).isEqualTo(100);
            Preset preset = env.equals("prod") ? Preset.PROD : Preset.STAGE;
            assertThat(resources.path("datadog_monitor").size())
                    .as("every kind a worker or an internet-facing web service gets, the backlog's second monitor and "
                            + "each service's outage composite")
                    .isEqualTo(50 * monitors(ServiceShape.BARE.withQueue(), preset)
                            + 50 * monitors(ServiceShape.BARE.withLoadBalancer(true), preset));
            assertThat(resources.path("datadog_service_level_objective").size()).isEqualTo(50);
            assertThat(resources.path("datadog_synthetics_test").size()).isEqualTo(50);
            assertThat(resources.path("datadog_dashboard_json").size()).isEqualTo(101);
            assertThat(resources.path("datadog_monitor").path("svc099_monitor_no_healthy_targets").path("query").asText())
                    .contains("aws_lb.svc099_lb.arn_suffix");
            String overview = resources.path("datadog_dashboard_json").path("overview_dashboard").path("dashboard").asText();
            for (int i = 0; i < 100; i++) {
                assertThat(overview).contains(String.format("[svc%03d]", i));
            }
        }
    }
}
