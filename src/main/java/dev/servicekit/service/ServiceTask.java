package dev.servicekit.service;

import dev.servicekit.terraform.JsonEncode;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionConfig;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.validation.Tokens;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Fargate task definition: one container, logging to the service's log group, with the queue's URL
 * and name in {@code QUEUE_URL} / {@code QUEUE_NAME}, and secrets injected by ECS from SSM Parameter
 * Store by ARN (their values never enter Terraform).
 */
public final class ServiceTask extends Construct {
    /** The environment variables that carry the service's queue. */
    public static final String QUEUE_URL_VARIABLE = "QUEUE_URL";
    public static final String QUEUE_NAME_VARIABLE = "QUEUE_NAME";
    public static final String DEAD_LETTER_QUEUE_URL_VARIABLE = "DEAD_LETTER_QUEUE_URL";

    private final EcsTaskDefinition taskDefinition;

    public ServiceTask(Construct scope, ServiceSettings settings, Platform platform, ServiceRoles roles,
                       String logGroupName, Optional<ServiceQueues> queues) {
        super(scope, "task");
        ServiceNames names = settings.names();

        Map<String, Object> container = new TreeMap<>();
        container.put("name", settings.name());
        container.put("image", settings.image());
        container.put("essential", true);
        Optional<ContainerExpressions> expressions = settings.containerExpressions();
        if (expressions.isPresent()) {
            container.put("command", expressions.get().command());
        } else if (!settings.command().isEmpty()) {
            container.put("command", settings.command());
        }
        Map<String, String> variables = new TreeMap<>(expressions.isPresent() ? Map.of() : settings.variables());
        queues.ifPresent(q -> {
            variables.put(QUEUE_URL_VARIABLE, q.queue().getUrl());
            variables.put(QUEUE_NAME_VARIABLE, q.queue().getName());
            variables.put(DEAD_LETTER_QUEUE_URL_VARIABLE, q.deadLetterQueue().getUrl());
        });
        List<Object> environment = variables.entrySet().stream()
                .map(e -> (Object) pair("name", e.getKey(), "value", e.getValue()))
                .toList();
        container.put("environment", expressions.isPresent()
                ? Fn.concat(List.of(environment, expressions.get().environment()))
                : environment);
        container.put("secrets", expressions.isPresent()
                ? expressions.get().secrets()
                : settings.secrets().stream().sorted()
                        .map(secret -> pair("name", secret, "valueFrom", ServiceRoles.ssmParameterArn(platform, names, secret)))
                        .toList());
        List<Object> ports = new ArrayList<>();
        if (settings.kind() instanceof ServiceKind.Web web) {
            Map<String, Object> mapping = new TreeMap<>();
            mapping.put("containerPort", web.port());
            mapping.put("hostPort", web.port());
            mapping.put("protocol", "tcp");
            ports.add(mapping);
        }
        container.put("portMappings", ports);
        Map<String, Object> logOptions = new TreeMap<>();
        logOptions.put("awslogs-group", logGroupName);
        logOptions.put("awslogs-region", platform.region());
        logOptions.put("awslogs-stream-prefix", settings.name());
        container.put("logConfiguration", new TreeMap<>(Map.of("logDriver", "awslogs", "options", logOptions)));

        taskDefinition = new EcsTaskDefinition(this, "task-definition", EcsTaskDefinitionConfig.builder()
                .family(names.taskFamily())
                .requiresCompatibilities(List.of("FARGATE"))
                .networkMode("awsvpc")
                .cpu(Tokens.text(settings.cpu()))
                .memory(Tokens.text(settings.memory()))
                .executionRoleArn(roles.executionRole().getArn())
                .taskRoleArn(roles.taskRole().getArn())
                .containerDefinitions(JsonEncode.of(List.of(container)))
                .tags(settings.tags())
                .build());
        taskDefinition.overrideLogicalId(names.address("task"));
    }

    public EcsTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new TreeMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
