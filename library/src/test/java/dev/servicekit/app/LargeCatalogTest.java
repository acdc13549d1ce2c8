package dev.servicekit.app;

import dev.servicekit.Servicekit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.support.LargeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A catalog of 100 services synthesizes completely, with every monitor and dashboard. */
class LargeCatalogTest {
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
            assertThat(resources.path("datadog_monitor").size()).as("workers 13 kinds, 15 monitors (a composite of 2 "
                    + "for the backlog) and their outage composite; web services 16 kinds and theirs")
                    .isEqualTo(50 * 16 + 50 * 17);
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
