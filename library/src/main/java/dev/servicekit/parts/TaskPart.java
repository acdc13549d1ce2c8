package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionConfig;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import dev.servicekit.alerting.Signals;
import dev.servicekit.environment.DatadogAgent;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Fargate task definition: the application's container (and, where the environment runs it, the Datadog
 * Agent beside it: {@link DatadogAgentSidecar}), logging to the service's log group, with the environment
 * variables and secrets the line and the other parts give it; its root filesystem read-only, but for the
 * directories the line makes writable, each an empty volume of the task's ephemeral storage.
 */
public final class TaskPart implements ServicePart {
    static final String TASK = "task";

    @Override
    public void declare(ServiceAssembly service) {
        ServiceSettings settings = service.settings();
        Optional<DatadogAgent> agent = settings.datadogAgent();
        agent.ifPresent(a -> {
            DatadogAgentSidecar.applicationVariables(settings).forEach(service::environmentVariable);
            ServiceSettings.Capacity capacity = settings.capacity();
            service.signals(signals -> signals.withAgent(new Signals.Agent(service.names().taskFamily(),
                    settings.identity().name(), capacity.minCount(), capacity.cpu(), capacity.memory())));
        });
        Map<String, Object> container = new TreeMap<>();
        container.put("name", settings.identity().name());
        container.put("image", settings.container().image());
        container.put("essential", true);
        List<String> command = settings.container().command();
        if (command instanceof Expression.ExpressionList || !command.isEmpty()) {
            container.put("command", command);
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
        container.put("readonlyRootFilesystem", settings.container().readonlyRootFilesystem());
        List<String> writable = settings.container().writablePaths();
        Object mounts;
        if (writable instanceof Expression.ExpressionList paths) {
            mounts = Expression.of("[for p in " + paths.expression().hcl() + " : {containerPath = p, readOnly = false, "
                    + "sourceVolume = \"" + ServiceNames.writableVolumeTemplate("p") + "\"}]");
        } else {
            List<Object> list = new ArrayList<>();
            for (String path : writable) {
                Map<String, Object> mount = new TreeMap<>();
                mount.put("containerPath", path);
                mount.put("readOnly", false);
                mount.put("sourceVolume", ServiceNames.writableVolume(path));
                list.add(mount);
            }
            mounts = list;
        }
        container.put("mountPoints", mounts);
        Map<String, Object> logOptions = new TreeMap<>();
        logOptions.put("awslogs-group", service.require(TaskHandles.LogGroup.class, "logs").logGroup().ref("name"));
        logOptions.put("awslogs-region", service.platform().account().region());
        logOptions.put("awslogs-stream-prefix", settings.identity().name());
        Map<String, Object> cloudWatchLogs = new TreeMap<>(Map.of("logDriver", "awslogs", "options", logOptions));
        container.put("logConfiguration", agent.filter(a -> a.logs() == DatadogAgent.Logs.DATADOG)
                .<Object>map(a -> DatadogAgentSidecar.firelensLogs(settings, service.platform(), a)).orElse(cloudWatchLogs));
        agent.ifPresent(a -> container.put("dockerLabels", DatadogAgentSidecar.dockerLabels(settings)));
        List<Object> containers = new ArrayList<>(List.of(container));
        agent.ifPresent(a -> containers.addAll(DatadogAgentSidecar.containers(settings, service.platform(), a,
                cloudWatchLogs)));

        EcsTaskDefinitionConfig.Builder definition = EcsTaskDefinitionConfig.builder();
        if (!(writable instanceof Expression.ExpressionList)) {
            // Volumes without a host path: Fargate backs them with the task's ephemeral storage.
            List<String> volumes = new ArrayList<>(writable.stream().map(ServiceNames::writableVolume).toList());
            agent.ifPresent(a -> volumes.addAll(DatadogAgentSidecar.volumes(a)));
            definition.volume(volumes.stream()
                    .map(name -> EcsTaskDefinitionVolume.builder().name(name).build())
                    .toList());
        }
        // With the Agent, the task holds the application's size and the Agent's.
        String cpu = agent.map(a -> String.valueOf(DatadogAgentSidecar.taskSize(settings, a).cpu()))
                .orElse(Tokens.text(settings.capacity().cpu()));
        String memory = agent.map(a -> String.valueOf(DatadogAgentSidecar.taskSize(settings, a).memory()))
                .orElse(Tokens.text(settings.capacity().memory()));
        Block task = service.declare(TASK, definition
                .family(service.names().taskFamily())
                .requiresCompatibilities(List.of("FARGATE"))
                .networkMode("awsvpc")
                .cpu(cpu)
                .memory(memory)
                .executionRoleArn(service.require(TaskHandles.Roles.class, "iam").executionRole().ref("arn"))
                .taskRoleArn(service.require(TaskHandles.Roles.class, "iam").taskRole().ref("arn"))
                .containerDefinitions(Hcl.jsonencode(containers))
                .tags(settings.tags())
                .build());
        service.publish(new TaskHandles.TaskDefinition(task));
        if (writable instanceof Expression.ExpressionList paths) {
            // A module's paths are an input: one volume for each, named as its mount point names it.
            task.addOverride("dynamic", Map.of("volume", new TreeMap<>(Map.of("for_each", paths.expression(),
                    "content", Map.of("name", ServiceNames.writableVolumeTemplate("volume.value"))))));
        }
        service.moduleOutput("task_definition_arn", task.ref("arn"), "ARN of the task definition");
    }

    /**
     * The parts' variables and the line's, sorted by name; then, in a module, each variable of a part that
     * exists only under a condition, and the line's variables, a map input.
     */
    private static Object environment(ServiceAssembly service) {
        Map<String, String> variables = service.settings().container().variables();
        Map<String, String> always = new TreeMap<>();
        List<String> lists = new ArrayList<>();
        service.environmentVariables().forEach((name, variable) -> {
            if (variable.when().always()) {
                always.put(name, variable.value());
            } else {
                lists.add(Hcl.render(variable.when().choose(List.of(entry(name, variable.value())), List.of())));
            }
        });
        if (variables instanceof Expression.ExpressionMap map) {
            lists.add(Hcl.render(service.local("container_environment", "${[for k, v in " + map.expression().hcl()
                    + " : {name = k, value = v}]}")));
        } else {
            always.putAll(variables);
        }
        List<Object> literal = new ArrayList<>();
        always.forEach((name, value) -> literal.add(entry(name, value)));
        if (lists.isEmpty()) {
            return literal;
        }
        lists.add(0, Hcl.render(literal));
        return Expression.of("concat(" + String.join(", ", lists) + ")");
    }

    private static Map<String, Object> entry(String name, Object value) {
        Map<String, Object> entry = new TreeMap<>();
        entry.put("name", name);
        entry.put("value", value);
        return entry;
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
