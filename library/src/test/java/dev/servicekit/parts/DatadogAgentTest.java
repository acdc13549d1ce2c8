package dev.servicekit.parts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.catalog.Service;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TestEnvironments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Datadog Agent beside every task where the environment runs it, and the monitors that read it. */
class DatadogAgentTest {
    private static final String IMAGE = "public.ecr.aws/datadog/agent:7.60.1@sha256:" + "a1".repeat(32);
    private static final String ROUTER = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4@sha256:"
            + "b2".repeat(32);
    private static final Map<String, Object> AGENT = Map.of("image", IMAGE, "apiKeyParameter", "/datadog/api-key");
    private static final Synthesized OUT = Synthesized.of(Catalogs.workerAndWeb(),
            TestEnvironments.context(Map.of(), Map.of("datadogAgent", AGENT)));

    @Test
    void everyTaskOfTheEnvironmentRunsTheAgentPinnedByDigestWithTheKeyFromSsm() throws Exception {
        String definitions = OUT.resource("prod", "aws_ecs_task_definition", "checkout_task").path("container_definitions")
                .asText();
        assertThat(definitions).contains("\"name\" = \"datadog-agent\"", "\"image\" = \"" + IMAGE + "\"",
                "\"name\" = \"ECS_FARGATE\"", "\"value\" = \"true\"", "\"name\" = \"DD_API_KEY\"",
                "\"valueFrom\" = \"arn:${data.aws_partition.current.partition}:ssm:us-east-1:"
                        + "${data.aws_caller_identity.current.account_id}:parameter/datadog/api-key\"",
                "\"name\" = \"DD_ENV\"", "\"value\" = \"prod\"", "\"name\" = \"DD_SERVICE\"", "\"value\" = \"checkout\"",
                "\"name\" = \"DD_VERSION\"", "\"value\" = \"1.27\"", "\"name\" = \"DD_SITE\"", "\"value\" = \"datadoghq.com\"",
                "\"name\" = \"DD_CHECKS_TAG_CARDINALITY\"", "\"value\" = \"orchestrator\"",
                "\"com.datadoghq.tags.env\" = \"prod\"", "\"com.datadoghq.tags.service\" = \"checkout\"",
                "\"name\" = \"DD_AGENT_HOST\"", "\"value\" = \"localhost\"", "\"name\" = \"DD_DOGSTATSD_PORT\"",
                "\"value\" = \"8125\"", "\"name\" = \"DD_TRACE_AGENT_PORT\"", "\"value\" = \"8126\"",
                "\"name\" = \"datadog-agent-init\"", "\"condition\" = \"SUCCESS\"")
                .doesNotContain("\"name\" = \"DD_API_KEY\"\n      \"value\"");
        assertThat(definitions.split("\"readonlyRootFilesystem\" = true", -1)).as("every container's root is read-only")
                .hasSize(4);
        assertThat(definitions).doesNotContain("\"readonlyRootFilesystem\" = false");
        assertThat(OUT.resource("stage", "aws_ecs_task_definition", "checkout_task").path("container_definitions")
                .asText()).as("stage has no Agent").doesNotContain("datadog-agent");
    }

    @Test
    void theExecutionRoleReadsExactlyTheApiKeysParameter() {
        String policy = OUT.resource("prod", "aws_iam_role_policy", "billing-worker_execution_policy").path("policy")
                .asText();
        assertThat(policy).contains("ReadDatadogApiKey", "parameter/datadog/api-key\"");
        assertThat(policy).doesNotContain("parameter/datadog/*");
    }

    /** Fargate sizes: prod's 512/1024 and the Agent's 128/256 need 640/1280, so 1024 cpu with 2048 MiB. */
    @Test
    void theAgentsResourcesAreAddedToTheTaskAndRoundedUpToAFargateSize() {
        JsonNode task = OUT.resource("prod", "aws_ecs_task_definition", "billing-worker_task");
        assertThat(task.path("cpu").asText()).isEqualTo("1024");
        assertThat(task.path("memory").asText()).isEqualTo("2048");
        Synthesized large = Synthesized.of(Catalog.of(Catalogs.worker().size(Fargate.cpu(1024).memoryMiB(2048))),
                TestEnvironments.context(Map.of(), Map.of("datadogAgent", Map.of("image", IMAGE, "apiKeyParameter",
                        "/datadog/api-key", "cpu", 1024, "memory", 2048))));
        JsonNode doubled = large.resource("prod", "aws_ecs_task_definition", "billing-worker_task");
        assertThat(doubled.path("cpu").asText()).isEqualTo("2048");
        assertThat(doubled.path("memory").asText()).isEqualTo("4096");
    }

    /** Where the Agent runs, the task-level monitors read its metrics a minute late instead of the crawler's fifteen. */
    @Test
    void taskMonitorsReadTheAgentsContainerMetricsWithAShortDelay() {
        String scope = "{ecs_cluster_name:servicekit-prod,task_family:prod-billing-worker,container_name:billing-worker}";
        JsonNode running = OUT.resource("prod", "datadog_monitor", "billing-worker_monitor_running_tasks");
        assertThat(running.path("query").asText()).isEqualTo("avg(last_5m):count_not_null(avg:ecs.fargate.mem.usage"
                + scope + " by {task_arn}) / 2 * 100 < 50");
        assertThat(running.path("evaluation_delay").asInt()).isEqualTo(60);
        assertThat(OUT.resource("prod", "datadog_monitor", "billing-worker_monitor_cpu").path("query").asText())
                .isEqualTo("avg(last_10m):avg:ecs.fargate.cpu.usage" + scope + " / (512 * 976562.5) * 100 > 85");
        assertThat(OUT.resource("prod", "datadog_monitor", "billing-worker_monitor_memory").path("query").asText())
                .isEqualTo("avg(last_10m):avg:ecs.fargate.mem.usage" + scope + " / (1024 * 1048576) * 100 > 85");
        assertThat(OUT.resource("prod", "datadog_monitor", "billing-worker_monitor_oldest_message")
                .path("evaluation_delay").asInt()).as("SQS still comes through the AWS integration").isEqualTo(900);
        assertThat(OUT.resource("stage", "datadog_monitor", "billing-worker_monitor_running_tasks").path("query")
                .asText()).contains("aws.ecs.service.running");
    }

    @Test
    void aLineOptsOutOrInAndLogsCanGoToDatadogThroughFireLens() {
        Synthesized out = Synthesized.of(Catalog.of(Catalogs.worker().datadogAgent(false),
                        Catalogs.web().runbook("https://runbooks.example.com/checkout")),
                TestEnvironments.context(Map.of(), Map.of("datadogAgent", Map.of("image", IMAGE, "apiKeyParameter",
                        "/datadog/api-key", "logs", "datadog", "logRouterImage", ROUTER))));
        assertThat(out.resource("prod", "aws_ecs_task_definition", "billing-worker_task").path("container_definitions")
                .asText()).doesNotContain("datadog-agent");
        String web = out.resource("prod", "aws_ecs_task_definition", "checkout_task").path("container_definitions").asText();
        assertThat(web).contains("\"logDriver\" = \"awsfirelens\"", "\"Name\" = \"datadog\"",
                "\"Host\" = \"http-intake.logs.datadoghq.com\"", "\"name\" = \"apikey\"", "\"name\" = \"log-router\"",
                "\"image\" = \"" + ROUTER + "\"", "\"type\" = \"fluentbit\"");
        Synthesized optIn = Synthesized.of(Catalog.of(Catalogs.worker().prod(p -> p.datadogAgent(true))),
                TestEnvironments.context(Map.of(), Map.of("datadogAgent", Map.of("image", IMAGE, "apiKeyParameter",
                        "/datadog/api-key", "everyService", false))));
        assertThat(optIn.resource("prod", "aws_ecs_task_definition", "billing-worker_task").path("container_definitions")
                .asText()).contains("datadog-agent");
    }

    @Test
    void badAgentSettingsAreRefusedByTheirKey() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> agent : List.of(
                Map.<String, Object>of("image", "public.ecr.aws/datadog/agent:latest", "apiKeyParameter", "/datadog/api-key"),
                Map.<String, Object>of("image", IMAGE, "apiKeyParameter", "datadog api key"),
                Map.<String, Object>of("image", IMAGE, "apiKeyParameter", "/k", "logs", "datadog"),
                Map.<String, Object>of("image", IMAGE, "apiKeyParameter", "/k", "logs", "splunk"),
                Map.<String, Object>of("apiKeyParameter", "/k"))) {
            try {
                Synthesized.of(Catalog.of(Catalogs.worker()), TestEnvironments.context(Map.of(), Map.of("datadogAgent", agent)));
            } catch (ConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).contains("prod: datadogAgent.image: 'public.ecr.aws/datadog/agent:latest' is not "
                + "Datadog's Agent pinned by digest");
        assertThat(problems.get(1)).contains("prod: datadogAgent.apiKeyParameter: 'datadog api key' is not an SSM "
                + "parameter path");
        assertThat(problems.get(2)).contains("prod: datadogAgent.logRouterImage: logs to Datadog go through FireLens");
        assertThat(problems.get(3)).contains("context.servicekit.prod.datadogAgent.logs: 'splunk' is not a destination");
        assertThat(problems.get(4)).contains("context.servicekit.prod.datadogAgent.image: required");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Catalogs.worker().datadogAgent(true)),
                TestEnvironments.context())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("catalog/billing-worker: datadogAgent: asks for the Datadog Agent, but the environment "
                        + "runs none");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Catalogs.worker().env("DD_ENV", "qa")),
                TestEnvironments.context(Map.of(), Map.of("datadogAgent", AGENT)))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod/billing-worker: env: ").hasMessageContaining("DD_ENV");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Catalogs.worker().size(Fargate.cpu(16384).memoryMiB(122880))),
                TestEnvironments.context(Map.of(), Map.of("datadogAgent", AGENT)))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod/billing-worker: datadogAgent: with the Datadog Agent the task needs 16512 cpu "
                        + "units and 123136 MiB, which no Fargate size holds");
    }

    @Test
    void theVersionIsTheImagesTagOrTheStartOfItsDigest() {
        assertThat(DatadogAgentSidecar.version("public.ecr.aws/nginx/nginx:1.27")).isEqualTo("1.27");
        assertThat(DatadogAgentSidecar.version("localhost:5000/app")).isEqualTo("latest");
        assertThat(DatadogAgentSidecar.version("app:2.1@sha256:" + "c3".repeat(32))).isEqualTo("2.1");
        assertThat(DatadogAgentSidecar.version("app@sha256:" + "c3".repeat(32))).isEqualTo("c3c3c3c3c3c3");
    }
}
