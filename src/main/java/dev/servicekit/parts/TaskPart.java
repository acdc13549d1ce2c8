package dev.servicekit.parts;

import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionConfig;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Fargate task definition: one container, logging to the service's log group, with the environment
 * variables and secrets the line and the other parts give it.
 */
public final class TaskPart implements ServicePart {
    static final String TASK = "task";

    @Override
    public String name() {
        return "task";
    }

    @Override
    public void declare(ServiceAssembly service) {
        ServiceSettings settings = service.settings();
        Map<String, Object> container = new TreeMap<>();
        container.put("name", settings.name());
        container.put("image", settings.image());
        container.put("essential", true);
        if (settings.command() instanceof Expression.ExpressionList || !settings.command().isEmpty()) {
            container.put("command", settings.command());
        }
        container.put("environment", environment(service));
        container.put("secrets", combined(new ArrayList<>(service.containerSecrets())));
        List<Object> ports = new ArrayList<>();
        settings.web().ifPresent(web -> {
            Map<String, Object> mapping = new TreeMap<>();
            mapping.put("containerPort", web.port());
            mapping.put("hostPort", web.port());
            mapping.put("protocol", "tcp");
            ports.add(mapping);
        });
        container.put("portMappings", ports);
        Map<String, Object> logOptions = new TreeMap<>();
        logOptions.put("awslogs-group", service.block(LogsPart.LOGS).ref("name"));
        logOptions.put("awslogs-region", service.platform().region());
        logOptions.put("awslogs-stream-prefix", settings.name());
        container.put("logConfiguration", new TreeMap<>(Map.of("logDriver", "awslogs", "options", logOptions)));

        Block task = service.resource(TASK, EcsTaskDefinitionConfig.builder()
                .family(service.names().taskFamily())
                .requiresCompatibilities(List.of("FARGATE"))
                .networkMode("awsvpc")
                .cpu(Tokens.text(settings.cpu()))
                .memory(Tokens.text(settings.memory()))
                .executionRoleArn(service.block(IdentityPart.EXECUTION_ROLE).ref("arn"))
                .taskRoleArn(service.block(IdentityPart.TASK_ROLE).ref("arn"))
                .containerDefinitions(Hcl.jsonencode(List.of(container)))
                .tags(settings.tags())
                .build());
        service.moduleOutput("task_definition_arn", task.ref("arn"), "ARN of the task definition");
    }

    /** The parts' variables and the line's, sorted by name; a module's line variables are a map input. */
    private static Object environment(ServiceAssembly service) {
        Map<String, String> variables = service.settings().variables();
        Map<String, String> all = new TreeMap<>(service.environmentVariables());
        List<Object> entries = new ArrayList<>();
        if (variables instanceof Expression.ExpressionMap map) {
            entries.add(service.local("container_environment", "${[for k, v in " + map.expression().hcl()
                    + " : {name = k, value = v}]}"));
        } else {
            all.putAll(variables);
        }
        List<Object> literal = new ArrayList<>();
        all.forEach((name, value) -> {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("name", name);
            entry.put("value", value);
            literal.add(entry);
        });
        entries.add(0, literal);
        return entries.size() == 1 ? literal : Expression.of("concat(" + Hcl.render(literal) + ", "
                + Hcl.render(entries.get(1)) + ")");
    }

    /**
     * A container list from entries that are maps or expressions of lists: the maps as a list, an expression
     * alone as itself, both concatenated.
     */
    private static Object combined(List<Object> entries) {
        List<Object> literal = entries.stream().filter(e -> !(e instanceof Expression)).toList();
        List<Object> expressions = entries.stream().filter(e -> e instanceof Expression).toList();
        if (expressions.isEmpty()) {
            return literal;
        }
        if (literal.isEmpty() && expressions.size() == 1) {
            return expressions.get(0);
        }
        List<String> lists = new ArrayList<>();
        if (!literal.isEmpty()) {
            lists.add(Hcl.render(literal));
        }
        expressions.forEach(e -> lists.add(Hcl.render(e)));
        return Expression.of("concat(" + String.join(", ", lists) + ")");
    }
}
