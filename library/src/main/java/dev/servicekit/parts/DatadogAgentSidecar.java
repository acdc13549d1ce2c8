package dev.servicekit.parts;

import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.settings.ServiceSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Datadog Agent beside the application in each task (Datadog, "ECS Fargate": on Fargate the Agent runs
 * as a container of every task definition, with {@code ECS_FARGATE=true}, and reads the task metadata
 * endpoint). What it adds to the task definition:
 * <ul>
 *   <li>the Agent's container, not essential (an Agent that fails does not stop the application), with the
 *       API key from the environment's SSM SecureString as a container secret, unified service tagging
 *       ({@code DD_ENV}, {@code DD_SERVICE}, {@code DD_VERSION}), traces on, and task-level tags at orchestrator
 *       cardinality ({@code task_arn}), which the running-tasks monitor counts by;</li>
 *   <li>a read-only root filesystem for it, with the writable volumes Datadog's guide "Running the Agent with a
 *       Read-Only Root Filesystem" lists and an init container that copies the default configuration into
 *       the configuration volume;</li>
 *   <li>for the application: DogStatsD on localhost:8125/udp and traces on localhost:8126/tcp (the containers
 *       of a task share its network namespace), the same unified service tags as variables and Docker labels,
 *       and, when the environment sends logs to Datadog, FireLens to Datadog's intake instead of CloudWatch,
 *       through an AWS for Fluent Bit log router.</li>
 * </ul>
 * The Agent's resources are added to the task's: the task gets the smallest Fargate size that holds the
 * application's and the Agent's together ({@link AwsLimits#smallestFargateSizeHolding}).
 */
final class DatadogAgentSidecar {
    static final String AGENT = "datadog-agent";
    static final String AGENT_INIT = "datadog-agent-init";
    static final String LOG_ROUTER = "log-router";
    static final int DOGSTATSD_PORT = 8125;
    static final int APM_PORT = 8126;
    /** The Agent's writable directories with a read-only root filesystem, by volume name. */
    private static final Map<String, String> VOLUMES = new TreeMap<>(Map.of(
            "datadog-config", "/etc/datadog-agent",
            "datadog-run", "/opt/datadog-agent/run",
            "datadog-sockets", "/var/run/datadog",
            "datadog-logs", "/var/log/datadog",
            "datadog-tmp", "/tmp"));
    private static final String INIT_CONFIG_PATH = "/agent-config";

    private DatadogAgentSidecar() {}

    /** The volumes the task defines for the Agent (and the log router's scratch space). */
    static List<String> volumes(DatadogAgent agent) {
        List<String> names = new ArrayList<>(VOLUMES.keySet());
        if (agent.logs() == DatadogAgent.Logs.DATADOG) {
            names.add("log-router-tmp");
        }
        return names;
    }

    /** The task's cpu and memory: the smallest Fargate size that holds the application's and the Agent's. */
    static AwsLimits.FargateSize taskSize(ServiceSettings settings, DatadogAgent agent) {
        int cpu = settings.capacity().cpu().intValue() + agent.cpu();
        int memory = settings.capacity().memory().intValue() + agent.memory();
        return AwsLimits.smallestFargateSizeHolding(cpu, memory).orElseThrow(() -> new IllegalStateException(
                "validation lets no size through that Fargate cannot hold: " + cpu + "/" + memory));
    }

    /** The version unified service tagging reports: the image's tag, or the start of its digest. */
    static String version(String image) {
        int at = image.indexOf("@sha256:");
        String name = at < 0 ? image : image.substring(0, at);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            return name.substring(colon + 1);
        }
        return at < 0 ? "latest" : image.substring(at + "@sha256:".length(), at + "@sha256:".length() + 12);
    }

    /** The SSM parameter holding the API key, as an ARN for container secrets and the execution role. */
    static String apiKeyArn(Platform platform, DatadogAgent agent) {
        return platform.account().ssmParameterArn(agent.apiKeyParameter());
    }

    /** The unified service tags: {@code DD_ENV}, {@code DD_SERVICE}, {@code DD_VERSION}. */
    static Map<String, String> serviceTags(ServiceSettings settings) {
        return new TreeMap<>(Map.of("DD_ENV", settings.identity().environment(),
                "DD_SERVICE", settings.identity().name(), "DD_VERSION", version(settings.container().image())));
    }

    /** What the application container needs to reach the Agent: host, ports and its unified service tags. */
    static Map<String, String> applicationVariables(ServiceSettings settings) {
        Map<String, String> variables = new TreeMap<>(serviceTags(settings));
        variables.put("DD_AGENT_HOST", "localhost");
        variables.put("DD_DOGSTATSD_PORT", String.valueOf(DOGSTATSD_PORT));
        variables.put("DD_TRACE_AGENT_PORT", String.valueOf(APM_PORT));
        if (!variables.keySet().equals(new java.util.TreeSet<>(DatadogAgent.APPLICATION_VARIABLES))) {
            throw new IllegalStateException("DatadogAgent.APPLICATION_VARIABLES must name " + variables.keySet());
        }
        return variables;
    }

    /** The Docker labels through which the Agent tags the application's container metrics. */
    static Map<String, String> dockerLabels(ServiceSettings settings) {
        Map<String, String> labels = new TreeMap<>();
        serviceTags(settings).forEach((key, value) -> labels.put("com.datadoghq.tags."
                + key.substring("DD_".length()).toLowerCase(java.util.Locale.ROOT), value));
        return labels;
    }

    /**
     * The application's log configuration when its logs go to Datadog: FireLens's Datadog output, the API key
     * as a secret option (Datadog, "ECS Fargate", log collection with FireLens).
     */
    static Map<String, Object> firelensLogs(ServiceSettings settings, Platform platform, DatadogAgent agent) {
        Map<String, Object> options = new TreeMap<>();
        options.put("Name", "datadog");
        options.put("Host", "http-intake.logs." + settings.alerting().site());
        options.put("TLS", "on");
        options.put("dd_service", settings.identity().name());
        options.put("dd_source", "ecs");
        options.put("dd_tags", "env:" + settings.identity().environment() + ",version:"
                + version(settings.container().image()));
        options.put("provider", "ecs");
        Map<String, Object> logs = new TreeMap<>();
        logs.put("logDriver", "awsfirelens");
        logs.put("options", options);
        logs.put("secretOptions", List.of(new TreeMap<>(Map.of("name", "apikey", "valueFrom", apiKeyArn(platform, agent)))));
        return logs;
    }

    /** The Agent's containers (and the log router's), after the application's. */
    static List<Object> containers(ServiceSettings settings, Platform platform, DatadogAgent agent,
                                   Map<String, Object> cloudWatchLogs) {
        List<Object> containers = new ArrayList<>();
        Map<String, Object> init = new TreeMap<>();
        init.put("name", AGENT_INIT);
        init.put("image", agent.image());
        init.put("essential", false);
        init.put("command", List.of("sh", "-c", "cp -R /etc/datadog-agent/. " + INIT_CONFIG_PATH + "/"));
        init.put("readonlyRootFilesystem", true);
        init.put("mountPoints", List.of(mount("datadog-config", INIT_CONFIG_PATH)));
        init.put("logConfiguration", logsWithPrefix(cloudWatchLogs, AGENT_INIT));
        containers.add(init);

        Map<String, Object> container = new TreeMap<>();
        container.put("name", AGENT);
        container.put("image", agent.image());
        container.put("essential", false);
        container.put("cpu", agent.cpu());
        container.put("memory", agent.memory());
        Map<String, String> variables = new TreeMap<>(serviceTags(settings));
        variables.put("ECS_FARGATE", "true");
        variables.put("DD_SITE", settings.alerting().site());
        variables.put("DD_APM_ENABLED", "true");
        // task_arn is an orchestrator-cardinality tag: the running-tasks monitor counts the tasks by it.
        variables.put("DD_CHECKS_TAG_CARDINALITY", "orchestrator");
        List<Object> environment = new ArrayList<>();
        variables.forEach((name, value) -> environment.add(new TreeMap<>(Map.of("name", name, "value", value))));
        container.put("environment", environment);
        container.put("secrets", List.of(new TreeMap<>(Map.of("name", "DD_API_KEY", "valueFrom",
                apiKeyArn(platform, agent)))));
        container.put("readonlyRootFilesystem", true);
        List<Object> mounts = new ArrayList<>();
        VOLUMES.forEach((volume, path) -> mounts.add(mount(volume, path)));
        container.put("mountPoints", mounts);
        container.put("dependsOn", List.of(new TreeMap<>(Map.of("containerName", AGENT_INIT, "condition", "SUCCESS"))));
        container.put("logConfiguration", logsWithPrefix(cloudWatchLogs, AGENT));
        containers.add(container);

        if (agent.logs() == DatadogAgent.Logs.DATADOG) {
            Map<String, Object> router = new TreeMap<>();
            router.put("name", LOG_ROUTER);
            router.put("image", agent.logRouterImage().orElseThrow());
            // FireLens: the log router must be running for the application's logs to go anywhere.
            router.put("essential", true);
            router.put("memoryReservation", 50);
            router.put("firelensConfiguration", new TreeMap<>(Map.of("type", "fluentbit",
                    "options", Map.of("enable-ecs-log-metadata", "true"))));
            router.put("readonlyRootFilesystem", true);
            router.put("mountPoints", List.of(mount("log-router-tmp", "/tmp")));
            router.put("logConfiguration", logsWithPrefix(cloudWatchLogs, LOG_ROUTER));
            containers.add(router);
        }
        return containers;
    }

    private static Map<String, Object> mount(String volume, String path) {
        Map<String, Object> mount = new TreeMap<>();
        mount.put("containerPath", path);
        mount.put("readOnly", false);
        mount.put("sourceVolume", volume);
        return mount;
    }

    /** The service's CloudWatch log configuration, with its own stream prefix. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> logsWithPrefix(Map<String, Object> cloudWatchLogs, String prefix) {
        Map<String, Object> logs = new TreeMap<>(cloudWatchLogs);
        Map<String, Object> options = new TreeMap<>((Map<String, Object>) cloudWatchLogs.get("options"));
        options.put("awslogs-stream-prefix", prefix);
        logs.put("options", options);
        return logs;
    }
}
