package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.snapshot.ReferenceCheck;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.support.Synthesized;
import dev.servicekit.rules.Rules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** modules/ is generated from the same construct as the stacks, is up to date, and is a sound module. */
class ModulesTest {
    private static Map<Path, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = ModuleGenerator.generate();
    }

    private static JsonNode module(ModuleKind kind) {
        return StackJson.parse(generated.get(Path.of(kind.folder(), ModuleGenerator.MODULE_FILE)));
    }

    @Test
    void committedModulesAreWhatTheGeneratorProducesNow() throws Exception {
        List<String> stale = new ArrayList<>();
        Set<Path> committed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ModuleGenerator.MODULES)) {
            files.filter(Files::isRegularFile).forEach(f -> committed.add(ModuleGenerator.MODULES.relativize(f)));
        }
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            Path path = ModuleGenerator.MODULES.resolve(file.getKey());
            if (!Files.exists(path)) {
                stale.add(path + " is missing");
            } else if (!Files.readString(path).equals(file.getValue())) {
                stale.add(path + " differs from what the generator produces");
            }
            committed.remove(file.getKey());
        }
        committed.forEach(extra -> stale.add(ModuleGenerator.MODULES.resolve(extra) + " is not generated any more"));
        if (!stale.isEmpty()) {
            fail(String.join("\n", stale) + "\nRegenerate the modules with: " + ModuleGenerator.COMMAND);
        }
    }

    @Test
    void aModuleHasNoProviderConfigurationNoBackendAndRequiresBothProviders() {
        for (ModuleKind kind : ModuleKind.values()) {
            JsonNode module = module(kind);
            assertThat(module.has("provider")).as(kind + " provider blocks").isFalse();
            assertThat(module.path("terraform").has("backend")).as(kind + " backend").isFalse();
            JsonNode required = module.path("terraform").path("required_providers");
            assertThat(required.path("aws").path("source").asText()).as("fully qualified, for OpenTofu too").isEqualTo("hashicorp/aws");
            assertThat(required.path("datadog").path("source").asText()).isEqualTo("DataDog/datadog");
            assertThat(ReferenceCheck.problems(module, ReferenceCheck.Providers.REQUIRED)).as(kind.folder()).isEmpty();
        }
    }

    @Test
    void inputsAreTypedDocumentedAndValidatedWithServicekitsMessages() {
        JsonNode variables = module(ModuleKind.WORKER).path("variable");
        variables.fields().forEachRemaining(v -> {
            assertThat(v.getValue().path("type").asText()).as(v.getKey() + " type").isNotEmpty();
            assertThat(v.getValue().path("description").asText()).as(v.getKey() + " description").isNotEmpty();
        });
        assertThat(variables.path("cpu").path("default").asInt()).isEqualTo(512);
        assertThat(variables.path("command").path("default").isNull()).isTrue();
        assertThat(variables.has("name") && !variables.path("name").has("default")).as("name is required").isTrue();
        assertThat(variables.path("memory").path("validation").get(0).path("error_message").asText())
                .startsWith("memory: " + Rules.badMemory("${var.memory}", "${var.cpu}", ""));
        assertThat(variables.path("cpu").path("validation").get(0).path("error_message").asText())
                .isEqualTo("cpu: " + Rules.badCpu("${var.cpu}"));
        assertThat(variables.path("log_retention_days").path("validation").get(0).path("condition").asText())
                .contains("contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827");
        assertThat(variables.path("name").path("validation").get(1).path("condition").asText())
                .isEqualTo("${length(\"${var.environment}-${var.name}-execution\") <= 64}");
        assertThat(module(ModuleKind.WEB_SERVICE).path("variable").path("name").path("validation").get(1)
                .path("condition").asText()).isEqualTo("${length(\"${var.environment}-${var.name}\") <= 32}");
    }

    @Test
    void outputsAreTheStacksPerServiceOutputsPlusArns() {
        assertThat(fieldNames(module(ModuleKind.WORKER).path("output"))).contains("queue_url", "dlq_url",
                "log_group_name", "dashboard_url", "queue_arn", "dlq_arn", "log_group_arn", "ecs_service_arn",
                "task_definition_arn", "task_role_arn", "execution_role_arn");
        assertThat(fieldNames(module(ModuleKind.WEB_SERVICE).path("output"))).contains("lb_dns_name",
                "log_group_name", "dashboard_url", "lb_arn", "target_group_arn", "ecs_service_arn");
    }

    /** Key attributes compared between a module and the stack's construct, per resource type. */
    private static final Map<String, List<String>> KEY_ATTRIBUTES = Map.ofEntries(
            Map.entry("aws_sqs_queue", List.of("name", "message_retention_seconds", "visibility_timeout_seconds",
                    "sqs_managed_sse_enabled", "redrive_policy", "receive_wait_time_seconds")),
            Map.entry("aws_cloudwatch_log_group", List.of("name", "retention_in_days")),
            Map.entry("aws_ecs_task_definition", List.of("family", "cpu", "memory", "network_mode")),
            Map.entry("aws_ecs_service", List.of("name", "launch_type", "desired_count",
                    "deployment_minimum_healthy_percent", "deployment_maximum_percent", "deployment_circuit_breaker")),
            Map.entry("aws_iam_role", List.of("name", "assume_role_policy")),
            // The execution policy differs on purpose: a module grants its SSM path, a stack its named secrets.
            Map.entry("aws_iam_role_policy", List.of("role", "name")),
            Map.entry("aws_security_group", List.of("name", "description")),
            Map.entry("aws_lb", List.of("name", "internal", "drop_invalid_header_fields", "load_balancer_type")),
            Map.entry("aws_lb_target_group", List.of("name", "port", "protocol", "target_type", "health_check",
                    "deregistration_delay")),
            // The HTTP listener's action is decided in Terraform in a module: checked on its own below.
            Map.entry("aws_lb_listener", List.of("port", "protocol", "ssl_policy", "certificate_arn")),
            Map.entry("aws_appautoscaling_target", List.of("min_capacity", "max_capacity", "scalable_dimension")),
            Map.entry("aws_appautoscaling_policy", List.of("name", "policy_type")),
            Map.entry("aws_cloudwatch_metric_alarm", List.of("alarm_name", "threshold", "comparison_operator")),
            Map.entry("aws_vpc_security_group_ingress_rule", List.of("from_port", "to_port", "ip_protocol")),
            Map.entry("aws_vpc_security_group_egress_rule", List.of("ip_protocol", "referenced_security_group_id")),
            Map.entry("datadog_monitor", List.of("name", "type", "query", "monitor_thresholds", "priority",
                    "evaluation_delay", "message", "tags", "renotify_statuses", "no_data_timeframe", "notify_no_data",
                    "require_full_window")),
            Map.entry("datadog_service_level_objective", List.of("name", "query", "thresholds", "target_threshold",
                    "timeframe", "tags")),
            Map.entry("datadog_synthetics_test", List.of("name", "locations", "options_list", "message", "tags",
                    "assertion")),
            Map.entry("datadog_dashboard_json", List.of("dashboard")));

    @Test
    void forTheSameInputsAWorkerModuleAndTheStackConstructProduceTheSameResources() {
        Synthesized stack = Synthesized.of(Catalog.of(
                Service.worker("mailer", "busybox:1.36").owner("growth").runbook("https://wiki.example.com/m")));
        assertSameResources(stack.stack("prod"), "mailer", module(ModuleKind.WORKER), Map.of("environment", "prod",
                "name", "mailer", "owner", "growth", "page", "@pagerduty-servicekit-prod", "notify", "@slack-servicekit-prod",
                "cluster_name", "servicekit-prod", "runbook_url", "https://wiki.example.com/m"));
    }

    @Test
    void forTheSameInputsAWebModuleAndTheStackConstructProduceTheSameResources() {
        String certificate = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
        Synthesized stack = Synthesized.of(Catalog.of(Service.web("shop", "nginx:1.27", 80).owner("retail")
                .runbook("https://wiki.example.com/s").prod(p -> p.certificateArn(certificate))));
        assertSameResources(stack.stack("prod"), "shop", module(ModuleKind.WEB_SERVICE), Map.of("environment", "prod",
                "name", "shop", "owner", "retail", "page", "@pagerduty-servicekit-prod", "notify", "@slack-servicekit-prod",
                "cluster_name", "servicekit-prod", "certificate_arn", certificate, "enable_https", "true",
                "runbook_url", "https://wiki.example.com/s"));
    }

    @Test
    void aWebModuleDecidesHttpsAndInternalInTerraformFromPlanTimeBooleans() {
        JsonNode resources = module(ModuleKind.WEB_SERVICE).path("resource");
        String https = "${var.enable_https ? 1 : 0}";
        assertThat(resources.path("aws_lb_listener").path("listener_https").path("count").asText()).isEqualTo(https);
        assertThat(resources.path("aws_vpc_security_group_ingress_rule").path("lb_ingress_443").path("count").asText())
                .isEqualTo(https);
        JsonNode action = resources.path("aws_lb_listener").path("listener_http").path("default_action").get(0);
        assertThat(resources.path("aws_lb_listener").path("listener_http").path("default_action").size()).isEqualTo(1);
        assertThat(action.path("type").asText()).isEqualTo("${var.enable_https ? \"redirect\" : \"forward\"}");
        assertThat(action.has("redirect")).as("the redirect is a dynamic block").isFalse();
        assertThat(action.path("dynamic").path("redirect").path("content").path("port").asText()).isEqualTo("443");
        assertThat(resources.path("aws_lb").path("lb").path("internal").asText()).isEqualTo("${var.internal}");
        assertThat(resources.path("aws_lb").path("lb").path("subnets").asText())
                .isEqualTo("${var.internal ? var.subnet_ids : var.public_subnet_ids}");
        JsonNode synthetics = resources.path("datadog_synthetics_test").path("synthetics");
        assertThat(synthetics.path("count").asText()).as("only an internet-facing load balancer is called from outside")
                .isEqualTo("${var.internal ? 0 : 1}");
        assertThat(synthetics.path("request_definition").path("url").asText())
                .isEqualTo("${var.enable_https ? \"https\" : \"http\"}://${aws_lb.lb.dns_name}${var.health_check_path}");
        assertThat(synthetics.path("options_list").path("allow_insecure").asText()).isEqualTo("${var.enable_https}");
    }

    /**
     * A count or a for_each must be known at plan; a caller may pass an image or a certificate that is
     * known only after apply (an ECR repository's URL, a validated certificate's ARN). So every count and
     * for_each of both modules reads only boolean inputs.
     */
    @Test
    void countsAndDynamicBlocksDependOnlyOnBooleanInputsAndLiteralPaths() {
        for (ModuleKind kind : ModuleKind.values()) {
            JsonNode module = module(kind);
            List<String> conditions = new ArrayList<>();
            collectConditions(module.path("resource"), conditions);
            assertThat(conditions).as(kind + ": its counts and for_each").isNotEmpty();
            for (String condition : conditions) {
                Matcher variables = Pattern.compile("var\\.([a-z_]+)").matcher(condition);
                while (variables.find()) {
                    if (variables.group(1).equals("writable_paths")) {
                        // Directories, written by hand (validated as absolute paths): known at plan as well.
                        continue;
                    }
                    assertThat(module.path("variable").path(variables.group(1)).path("type").asText())
                            .as(kind + ": " + condition).isEqualTo("bool");
                }
            }
        }
        assertThat(module(ModuleKind.WORKER).path("resource").path("aws_iam_role_policy_attachment")
                .path("execution_ecr").path("count").asText()).isEqualTo("${var.private_ecr_image ? 1 : 0}");
    }

    private static void collectConditions(JsonNode node, List<String> conditions) {
        node.fields().forEachRemaining(field -> {
            if ((field.getKey().equals("count") || field.getKey().equals("for_each")) && field.getValue().isTextual()) {
                conditions.add(field.getValue().asText());
            }
            collectConditions(field.getValue(), conditions);
        });
        node.elements().forEachRemaining(element -> {
            if (!element.isValueNode()) {
                collectConditions(element, conditions);
            }
        });
    }

    /**
     * Every resource of the service in the stack exists in the module under the same part name and type,
     * and vice versa; their key attributes are equal once the module's variables take the inputs' values
     * (the defaults for the rest) and the stack's addresses lose their service prefix.
     */
    private static void assertSameResources(JsonNode stack, String service, JsonNode module,
                                            Map<String, String> inputs) {
        Map<String, String> values = new TreeMap<>();
        module.path("variable").fields().forEachRemaining(v -> {
            JsonNode value = v.getValue().path("default");
            if (value.isNull()) {
                values.put(v.getKey(), null);
            } else if (!value.isMissingNode() && value.isValueNode()) {
                values.put(v.getKey(), value.asText());
            } else if (value.isArray()) {
                values.put(v.getKey(), LIST + value);
            }
        });
        values.putAll(inputs);
        // The stack's region is a literal, the module's the provider's region.
        values.put("data.aws_region.current.name", "us-east-1");

        Map<String, JsonNode> fromStack = new TreeMap<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(r -> {
            if (r.getKey().startsWith(service + "_")) {
                fromStack.put(type.getKey() + "." + r.getKey().substring(service.length() + 1), r.getValue());
            }
        }));
        Map<String, JsonNode> fromModule = new TreeMap<>();
        // A module decides at plan time whether a resource exists (the private ECR's policy, an add-on): those
        // its inputs count out are not there.
        java.util.regex.Pattern counted = java.util.regex.Pattern.compile("\\$\\{var\\.(\\w+) \\? (1 : 0|0 : 1)}");
        module.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(r -> {
            java.util.regex.Matcher count = counted.matcher(r.getValue().path("count").asText());
            boolean exists = !count.matches() || Boolean.parseBoolean(values.get(count.group(1)))
                    == count.group(2).equals("1 : 0");
            if (exists) {
                fromModule.put(type.getKey() + "." + r.getKey(), r.getValue());
            }
        }));
        assertThat(fromModule.keySet()).isEqualTo(fromStack.keySet());

        List<String> differences = new ArrayList<>();
        assertThat(substitute(fromModule.get("aws_iam_role_policy.task_policy") == null ? "null"
                : fromModule.get("aws_iam_role_policy.task_policy").path("policy").toString(), values))
                .isEqualTo(fromStack.containsKey("aws_iam_role_policy.task_policy")
                        ? unquoteScalars(fromStack.get("aws_iam_role_policy.task_policy").path("policy").toString()
                        .replaceAll("((?:aws|datadog)_[a-z_]+)\\." + service + "_", "$1.")) : "null");
        fromStack.forEach((address, stackResource) -> {
            String type = address.substring(0, address.indexOf('.'));
            for (String attribute : KEY_ATTRIBUTES.getOrDefault(type, List.of())) {
                String expected = withoutWarnings(unquoteScalars(stackResource.path(attribute).toString()
                        .replaceAll("((?:aws|datadog)_[a-z_]+)\\." + service + "_", "$1.")));
                String actual = withoutWarnings(substitute(fromModule.get(address).path(attribute).toString(), values));
                if (!expected.equals(actual)) {
                    differences.add(address + "." + attribute + ": stack " + expected + " / module " + actual);
                }
            }
        });
        assertThat(differences).isEmpty();
    }

    /** Marks a list default among the values: its JSON replaces the whole quoted reference. */
    private static final String LIST = "list:";

    /** The module's text with its variables replaced by values; a null value removes the attribute. */
    private static String substitute(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String reference = value.getKey().contains(".") ? "${" + value.getKey() + "}" : "${var." + value.getKey() + "}";
            if (value.getValue() != null && value.getValue().startsWith(LIST)) {
                result = result.replace("\"" + reference + "\"", value.getValue().substring(LIST.length()));
                continue;
            }
            result = value.getValue() == null
                    ? result.replace("\"" + reference + "\"", "null")
                    : result.replace(reference, value.getValue());
            if (!value.getKey().contains(".") && value.getValue() != null) {
                // A bare reference inside an HCL expression (a jsonencode) becomes an HCL literal there.
                String literal = value.getValue().matches("-?[0-9.]+|true|false") ? value.getValue()
                        : "\\\"" + value.getValue() + "\\\"";
                result = result.replaceAll("(?<![\\w.$])var\\." + value.getKey() + "\\b",
                        java.util.regex.Matcher.quoteReplacement(literal));
            }
        }
        // A composite's member that a count may leave out (the synthetics test's monitor), joined over its splat: as the
        // stack's reference when the resource exists.
        result = result.replaceAll("\\$\\{join\\(\\\\\"\\\\\", \\[for id in ([a-z_]+\\.[a-z_]+)\\[\\*]\\.monitor_id : "
                + "\\\\\" \\|\\| \\$\\{id}\\\\\"]\\)}", " || \\${$1.monitor_id}");
        return unquoteScalars(withoutSwitchedOff(result).replaceAll(",\"[a-z_]+\":null|\"[a-z_]+\":null,?", ""));
    }

    /**
     * What an add-on switched off contributes is gone: {@code , false ? [...] : []} terms of a concat, and a
     * concat left with one list is that list.
     */
    static String withoutSwitchedOff(String text) {
        String result = text;
        int start;
        while ((start = result.indexOf(", false ? [")) >= 0) {
            int end = closing(result, start + ", false ? ".length());
            String rest = result.substring(end + 1);
            if (!rest.startsWith(" : []")) {
                break;
            }
            result = result.substring(0, start) + rest.substring(" : []".length());
        }
        int concat;
        while ((concat = result.indexOf("concat([")) >= 0) {
            int end = closing(result, concat + "concat(".length());
            if (result.charAt(end + 1) != ')') {
                break;
            }
            result = result.substring(0, concat) + result.substring(concat + "concat(".length(), end + 1)
                    + result.substring(end + 2);
        }
        return result;
    }

    /** The index of the bracket closing the one at {@code open}. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if ((c == ']' || c == '}' || c == ')') && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /**
     * A module can take a warning threshold for every monitor (null by default), so its messages always
     * carry the warning blocks; a stack's only where the warning is set. The rest must be the same.
     */
    private static String withoutWarnings(String message) {
        return message.replaceAll("\\{\\{#(is_warning(?:_recovery)?)}}.*?\\{\\{/\\1}}(\\\\n)?", "");
    }

    /** Terraform converts "512" and 512 into each other by the attribute's type; compare them as equal. */
    private static String unquoteScalars(String json) {
        return json.replaceAll("\"(-?[0-9.]+|true|false)\"", "$1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
