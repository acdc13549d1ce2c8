package dev.servicekit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.support.Catalogs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IaC scanners' rules servicekit satisfies, each as the scanner evaluates it (read from checkov's and
 * trivy's sources), on the stage and prod stacks and both generated modules. Each test also removes the
 * protection from a copy and checks that the rule then fails, so a rule that passes vacuously cannot hide.
 */
class ScannerRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** stage, prod, and both modules, by name. */
    private static Map<String, JsonNode> configurations() throws Exception {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        all.put("stage", Catalogs.workerAndWebSynthesized().stack("stage"));
        all.put("prod", Catalogs.workerAndWebSynthesized().stack("prod"));
        for (String module : List.of("worker", "web-service")) {
            all.put("modules/" + module, JSON.readTree(Files.readString(Path.of("modules", module, "main.tf.json"))));
        }
        return all;
    }

    private static void holdsAndCatchesRemoval(Function<JsonNode, List<String>> rule, List<String> needs,
                                               java.util.function.Consumer<ObjectNode> removeProtection) throws Exception {
        for (Map.Entry<String, JsonNode> configuration : configurations().entrySet()) {
            assertThat(rule.apply(configuration.getValue())).as(configuration.getKey()).isEmpty();
        }
        for (String name : needs) {
            ObjectNode unprotected = configurations().get(name).deepCopy();
            removeProtection.accept(unprotected);
            assertThat(rule.apply(unprotected)).as(name + " without the protection").isNotEmpty();
        }
    }

    /** CKV2_AWS_11, AVD-AWS-0178: every VPC has a flow log that refers to it. */
    static List<String> vpcFlowLogs(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_vpc").fieldNames().forEachRemaining(vpc -> {
            boolean logged = false;
            for (JsonNode flowLog : config.path("resource").path("aws_flow_log")) {
                logged |= flowLog.path("vpc_id").asText().equals("${aws_vpc." + vpc + ".id}");
            }
            if (!logged) {
                failures.add("aws_vpc." + vpc + " has no flow log");
            }
        });
        return failures;
    }

    @Test
    void everyManagedVpcHasFlowLogs() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::vpcFlowLogs, List.of("stage", "prod"),
                config -> ((ObjectNode) config.path("resource")).remove("aws_flow_log"));
        JsonNode prod = configurations().get("prod");
        JsonNode flowLog = prod.path("resource").path("aws_flow_log").path("network_flow_log");
        assertThat(flowLog.path("traffic_type").asText()).isEqualTo("ALL");
        assertThat(flowLog.path("log_destination").asText()).isEqualTo("${aws_cloudwatch_log_group.network_flow_logs.arn}");
        String trust = prod.path("resource").path("aws_iam_role").path("network_flow_logs_role").path("assume_role_policy").asText();
        assertThat(trust).contains("\"Service\" = \"vpc-flow-logs.amazonaws.com\"",
                "\"aws:SourceAccount\" = data.aws_caller_identity.current.account_id",
                "\"aws:SourceArn\" = \"arn:${data.aws_partition.current.partition}:ec2:us-east-1:"
                        + "${data.aws_caller_identity.current.account_id}:vpc-flow-log/*\"");
        assertThat(prod.path("resource").path("aws_cloudwatch_log_group").path("network_flow_logs").path("retention_in_days")
                .asInt()).isEqualTo(90);
    }

    /** CKV_AWS_91: every application load balancer writes access logs. */
    static List<String> loadBalancerAccessLogs(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_lb").fields().forEachRemaining(lb -> {
            JsonNode logs = lb.getValue().path("access_logs");
            if (!logs.path("enabled").asBoolean(false) || logs.path("bucket").asText().isEmpty()) {
                failures.add("aws_lb." + lb.getKey() + " writes no access logs");
            }
        });
        return failures;
    }

    @Test
    void everyLoadBalancerWritesAccessLogsToABucketThatLetsElbWrite() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::loadBalancerAccessLogs, List.of("stage", "prod", "modules/web-service"),
                config -> config.path("resource").path("aws_lb").forEach(lb -> ((ObjectNode) lb).remove("access_logs")));
        JsonNode prod = configurations().get("prod");
        assertThat(prod.path("resource").path("aws_lb").path("checkout_lb").path("access_logs").path("bucket").asText())
                .isEqualTo("${aws_s3_bucket.environment_lb_logs.id}");
        String policy = prod.path("resource").path("aws_s3_bucket_policy").path("environment_lb_logs_policy")
                .path("policy").asText();
        assertThat(policy).contains("\"Service\" = \"logdelivery.elasticloadbalancing.amazonaws.com\"",
                "\"AWS\" = \"arn:${data.aws_partition.current.partition}:iam::127311923021:root\"",
                "\"${aws_s3_bucket.environment_lb_logs.arn}/*/AWSLogs/${data.aws_caller_identity.current.account_id}/*\"",
                "\"aws:SecureTransport\" = \"false\"");
        assertThat(prod.path("resource").path("aws_s3_bucket").path("environment_lb_logs").path("lifecycle")
                .path("prevent_destroy").asBoolean()).isTrue();
        assertThat(prod.path("resource").path("aws_s3_bucket_server_side_encryption_configuration")
                .path("environment_lb_logs_encryption").toString()).as("ELB writes only to SSE-S3").contains("AES256");
    }

    /** CKV_AWS_336: every container's root filesystem is read-only. */
    static List<String> readOnlyRoots(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_ecs_task_definition").fields().forEachRemaining(task -> {
            String containers = task.getValue().path("container_definitions").asText();
            if (!containers.contains("\"readonlyRootFilesystem\" = true")
                    && !containers.contains("\"readonlyRootFilesystem\" = var.readonly_root_filesystem")) {
                failures.add("aws_ecs_task_definition." + task.getKey() + " has a writable root");
            }
        });
        if (config.path("variable").has("readonly_root_filesystem")
                && !config.path("variable").path("readonly_root_filesystem").path("default").asBoolean()) {
            failures.add("readonly_root_filesystem does not default to true");
        }
        return failures;
    }

    @Test
    void everyContainerHasAReadOnlyRootAndWritesOnlyWhereItsLineSays() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::readOnlyRoots, List.of("stage", "modules/worker"),
                config -> config.path("resource").path("aws_ecs_task_definition").forEach(task ->
                        ((ObjectNode) task).put("container_definitions", task.path("container_definitions").asText()
                                .replace("\"readonlyRootFilesystem\" = true", "\"readonlyRootFilesystem\" = false")
                                .replace("= var.readonly_root_filesystem", "= false"))));
        JsonNode nginx = dev.servicekit.support.Synthesized.of(dev.servicekit.example.ExampleCatalog.services())
                .resource("prod", "aws_ecs_task_definition", "auth_task");
        assertThat(nginx.path("container_definitions").asText()).contains(
                "\"mountPoints\" = [{\"containerPath\" = \"/var/cache/nginx\", \"readOnly\" = false, \"sourceVolume\" = "
                        + "\"writable-var-cache-nginx\"}, {\"containerPath\" = \"/var/run\", \"readOnly\" = false, "
                        + "\"sourceVolume\" = \"writable-var-run\"}]");
        assertThat(nginx.path("volume").toString())
                .isEqualTo("[{\"name\":\"writable-var-cache-nginx\"},{\"name\":\"writable-var-run\"}]");
    }

    /** CKV_AWS_382: no egress rule opens every protocol and port to the internet. */
    static List<String> unrestrictedEgress(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_vpc_security_group_egress_rule").fields().forEachRemaining(rule -> {
            JsonNode r = rule.getValue();
            boolean anywhere = r.path("cidr_ipv4").asText().equals("0.0.0.0/0") || r.path("cidr_ipv6").asText().equals("::/0");
            boolean everything = r.path("ip_protocol").asText().equals("-1")
                    || r.path("from_port").asInt(0) <= 0 && r.path("to_port").asInt(65535) >= 65535;
            if (anywhere && everything) {
                failures.add("aws_vpc_security_group_egress_rule." + rule.getKey() + " opens everything to the internet");
            }
        });
        return failures;
    }

    @Test
    void tasksReachTheInternetOverHttpsOnly() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::unrestrictedEgress, List.of("prod", "modules/worker"),
                config -> config.path("resource").path("aws_vpc_security_group_egress_rule").forEach(rule -> {
                    ObjectNode r = (ObjectNode) rule;
                    r.put("ip_protocol", "-1");
                    r.remove("from_port");
                    r.remove("to_port");
                }));
        JsonNode egress = configurations().get("prod").path("resource").path("aws_vpc_security_group_egress_rule")
                .path("billing-worker_task_egress");
        assertThat(egress.path("ip_protocol").asText()).isEqualTo("tcp");
        assertThat(egress.path("from_port").asInt()).isEqualTo(443);
        assertThat(egress.path("to_port").asInt()).isEqualTo(443);
    }

    /** CKV2_AWS_12: every VPC's default security group is managed, with no rules. */
    static List<String> restrictedDefaultSecurityGroups(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_vpc").fieldNames().forEachRemaining(vpc -> {
            boolean restricted = false;
            for (JsonNode group : config.path("resource").path("aws_default_security_group")) {
                restricted |= group.path("vpc_id").asText().equals("${aws_vpc." + vpc + ".id}")
                        && !group.has("ingress") && !group.has("egress");
            }
            if (!restricted) {
                failures.add("aws_vpc." + vpc + " has a default security group with AWS's rules");
            }
        });
        return failures;
    }

    @Test
    void theDefaultSecurityGroupOfEveryManagedVpcAdmitsNothing() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::restrictedDefaultSecurityGroups, List.of("stage", "prod"),
                config -> ((ObjectNode) config.path("resource")).remove("aws_default_security_group"));
    }

    /** Every queue denies requests not made over TLS, and a dead-letter queue takes dead letters from its source alone. */
    static List<String> tlsOnlyQueues(JsonNode config) {
        List<String> failures = new ArrayList<>();
        config.path("resource").path("aws_sqs_queue").fieldNames().forEachRemaining(queue -> {
            boolean tlsOnly = false;
            for (JsonNode policy : config.path("resource").path("aws_sqs_queue_policy")) {
                tlsOnly |= policy.path("queue_url").asText().equals("${aws_sqs_queue." + queue + ".id}")
                        && policy.path("policy").asText().contains("\"Effect\" = \"Deny\"")
                        && policy.path("policy").asText().contains("\"aws:SecureTransport\" = \"false\"");
            }
            if (!tlsOnly) {
                failures.add("aws_sqs_queue." + queue + " accepts requests without TLS");
            }
            if (queue.endsWith("dlq")) {
                boolean allowed = false;
                for (JsonNode allow : config.path("resource").path("aws_sqs_queue_redrive_allow_policy")) {
                    allowed |= allow.path("queue_url").asText().equals("${aws_sqs_queue." + queue + ".id}")
                            && allow.path("redrive_allow_policy").asText().contains("\"redrivePermission\" = \"byQueue\"");
                }
                if (!allowed) {
                    failures.add("aws_sqs_queue." + queue + " takes dead letters from any queue");
                }
            }
        });
        return failures;
    }

    @Test
    void everyQueueIsTlsOnlyAndEveryDeadLetterQueueTakesFromItsSourceAlone() throws Exception {
        holdsAndCatchesRemoval(ScannerRulesTest::tlsOnlyQueues, List.of("stage", "prod", "modules/worker"),
                config -> ((ObjectNode) config.path("resource")).remove("aws_sqs_queue_policy"));
        holdsAndCatchesRemoval(ScannerRulesTest::tlsOnlyQueues, List.of("prod"),
                config -> ((ObjectNode) config.path("resource")).remove("aws_sqs_queue_redrive_allow_policy"));
        assertThat(configurations().get("prod").path("resource").path("aws_sqs_queue_redrive_allow_policy")
                .path("billing-worker_dlq_redrive_allow").path("redrive_allow_policy").asText())
                .contains("\"sourceQueueArns\" = [aws_sqs_queue.billing-worker_queue.arn]");
    }
}
