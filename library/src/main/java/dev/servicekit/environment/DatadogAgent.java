package dev.servicekit.environment;

import java.util.Optional;

/**
 * The Datadog Agent as a sidecar container in every task of an environment's services (cdktf.json's
 * {@code "datadogAgent"}; a line opts out with {@code .datadogAgent(false)}, or in with {@code true} where
 * {@code everyService} is false). On Fargate the Agent must run in each task: it reads the task metadata
 * endpoint ({@code ECS_FARGATE=true}) and ships container metrics a minute late instead of the AWS
 * integration's ten to fifteen, takes DogStatsD (8125/udp) and traces (8126/tcp) from the application over
 * localhost, and can take its logs (FireLens) instead of CloudWatch.
 *
 * @param image           the Agent's image, pinned by digest ({@code public.ecr.aws/datadog/agent:7.x.y@sha256:...}):
 *                        servicekit names no digest of its own, since it cannot verify one; give the digest of the
 *                        tag you have tested
 * @param apiKeyParameter the SSM SecureString parameter holding the Datadog API key, e.g. {@code /datadog/api-key}:
 *                        ECS reads it when a task starts; the key never enters configuration or state, and the
 *                        execution role may read exactly this parameter
 * @param cpu             the Agent's CPU units, added to the task's
 * @param memory          the Agent's memory in MiB, added to the task's
 * @param everyService    whether every service gets the Agent unless its line opts out
 * @param logs            where the application's logs go
 * @param logRouterImage  the FireLens log router's image (AWS for Fluent Bit), pinned by digest; required when the
 *                        logs go to Datadog
 */
public record DatadogAgent(String image, String apiKeyParameter, int cpu, int memory, boolean everyService, Logs logs,
                           Optional<String> logRouterImage) {
    /** The Agent's CPU units unless given: an eighth of a vCPU. */
    public static final int DEFAULT_CPU = 128;
    /** The Agent's memory unless given, MiB (Datadog's Fargate examples give it 256). */
    public static final int DEFAULT_MEMORY = 256;

    /** The variables servicekit gives the application container where the Agent runs beside it. */
    public static final java.util.List<String> APPLICATION_VARIABLES = java.util.List.of("DD_AGENT_HOST",
            "DD_DOGSTATSD_PORT", "DD_ENV", "DD_SERVICE", "DD_TRACE_AGENT_PORT", "DD_VERSION");

    /** Where the application container's logs go. */
    public enum Logs {
        /** To the service's CloudWatch log group ({@code awslogs}), as without the Agent. */
        CLOUDWATCH,
        /** To Datadog through FireLens (a Fluent Bit log router in the task), instead of CloudWatch. */
        DATADOG
    }

    public DatadogAgent {
        logRouterImage = logRouterImage == null ? Optional.empty() : logRouterImage;
    }

    /** The Agent with {@code image} and the API key in {@code apiKeyParameter}, default resources, every service, logs to CloudWatch. */
    public static DatadogAgent of(String image, String apiKeyParameter) {
        return new DatadogAgent(image, apiKeyParameter, DEFAULT_CPU, DEFAULT_MEMORY, true, Logs.CLOUDWATCH, Optional.empty());
    }
}
