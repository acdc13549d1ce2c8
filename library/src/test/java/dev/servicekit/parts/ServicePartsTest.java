package dev.servicekit.parts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.parts.EcsServicePart;
import dev.servicekit.support.Catalogs;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service gets, read from the synthesized Terraform JSON, and how its parts are wired. */
class ServicePartsTest {
    private final Synthesized out = Catalogs.workerAndWebSynthesized();

    @Test
    void queueIsEncryptedAndRedrivesToItsDeadLetterQueue() {
        JsonNode queue = out.resource("stage", "aws_sqs_queue", "billing-worker_queue");
        JsonNode dlq = out.resource("stage", "aws_sqs_queue", "billing-worker_dlq");
        assertThat(queue.path("name").asText()).isEqualTo("stage-billing-worker");
        assertThat(queue.path("sqs_managed_sse_enabled").asBoolean()).isTrue();
        assertThat(dlq.path("sqs_managed_sse_enabled").asBoolean()).isTrue();
        assertThat(queue.path("redrive_policy").asText())
                .isEqualTo("${jsonencode({\"deadLetterTargetArn\" = aws_sqs_queue.billing-worker_dlq.arn, "
                        + "\"maxReceiveCount\" = 5})}");
        assertThat(dlq.path("name").asText()).isEqualTo("stage-billing-worker-dlq");
        assertThat(dlq.path("message_retention_seconds").asInt()).isEqualTo(1_209_600);
        assertThat(dlq.path("message_retention_seconds").asInt())
                .isGreaterThanOrEqualTo(queue.path("message_retention_seconds").asInt());
    }

    @Test
    void aWebServiceHasAQueueOnlyWhenItsLineAsksForOne() {
        assertThat(out.has("stage", "aws_sqs_queue", "checkout_queue")).isTrue();
        Synthesized plain = Synthesized.of(dev.servicekit.catalog.Catalog.of(
                dev.servicekit.catalog.Service.web("plain", "nginx:1.27", 80).prod(p -> p.allowPlainHttp())));
        assertThat(plain.stack("stage").path("resource").has("aws_sqs_queue")).isFalse();
        assertThat(plain.stack("stage").path("resource").path("aws_iam_role_policy").has("plain_task_policy"))
                .as("a web service without a queue gets a task role with no permissions").isFalse();
    }

    @Test
    void logGroupIsPerEnvironmentAndServiceWithTheEnvironmentsRetention() {
        assertThat(out.resource("stage", "aws_cloudwatch_log_group", "billing-worker_logs").path("name").asText())
                .isEqualTo("/stage/billing-worker");
        assertThat(out.resource("stage", "aws_cloudwatch_log_group", "billing-worker_logs")
                .path("retention_in_days").asInt()).isEqualTo(14);
        assertThat(out.resource("prod", "aws_cloudwatch_log_group", "billing-worker_logs")
                .path("retention_in_days").asInt()).isEqualTo(90);
    }

    @Test
    void containerLogsToItsOwnLogGroupAndGetsItsQueueAndSecretsByReference() {
        String container = out.resource("stage", "aws_ecs_task_definition", "billing-worker_task")
                .path("container_definitions").asText();
        assertThat(container)
                .contains("\"logDriver\" = \"awslogs\"")
                .contains("\"awslogs-group\" = aws_cloudwatch_log_group.billing-worker_logs.name")
                .contains("\"awslogs-stream-prefix\" = \"billing-worker\"")
                .contains("{\"name\" = \"QUEUE_URL\", \"value\" = aws_sqs_queue.billing-worker_queue.url}")
                .contains("{\"name\" = \"QUEUE_NAME\", \"value\" = aws_sqs_queue.billing-worker_queue.name}")
                .contains("{\"name\" = \"LOG_LEVEL\", \"value\" = \"info\"}")
                .contains("{\"name\" = \"STRIPE_KEY\", \"valueFrom\" = \"arn:${data.aws_partition.current.partition}"
                        + ":ssm:us-east-1:${data.aws_caller_identity.current.account_id}"
                        + ":parameter/stage/billing-worker/STRIPE_KEY\"}");
        JsonNode task = out.resource("stage", "aws_ecs_task_definition", "billing-worker_task");
        assertThat(task.path("requires_compatibilities").toString()).isEqualTo("[\"FARGATE\"]");
        assertThat(task.path("network_mode").asText()).isEqualTo("awsvpc");
        assertThat(task.path("cpu").asText()).isEqualTo("256");
        assertThat(task.path("memory").asText()).isEqualTo("512");
        assertThat(task.path("execution_role_arn").asText()).isEqualTo("${aws_iam_role.billing-worker_execution_role.arn}");
        assertThat(task.path("task_role_arn").asText()).isEqualTo("${aws_iam_role.billing-worker_task_role.arn}");
    }

    @Test
    void webContainerMapsItsPort() {
        String container = out.resource("stage", "aws_ecs_task_definition", "checkout_task")
                .path("container_definitions").asText();
        assertThat(container).contains("\"portMappings\" = [{\"containerPort\" = 8080, \"hostPort\" = 8080, "
                + "\"protocol\" = \"tcp\"}]");
    }

    @Test
    void taskRoleMayConsumeItsOwnQueueAndNothingElse() {
        String policy = out.resource("stage", "aws_iam_role_policy", "billing-worker_task_policy")
                .path("policy").asText();
        assertThat(policy).contains("\"Resource\" = [aws_sqs_queue.billing-worker_queue.arn]")
                .contains("sqs:ReceiveMessage").contains("sqs:DeleteMessage")
                .doesNotContain("checkout");
        assertThat(policy.split("\\{\"Action\""))
                .as("a worker sends only to its dead-letter queue (QueuePermissionsTest), never to its own queue")
                .filteredOn(statement -> statement.contains("sqs:SendMessage"))
                .allMatch(statement -> statement.contains("aws_sqs_queue.billing-worker_dlq.arn"));
        assertThat(out.resource("stage", "aws_iam_role_policy", "billing-worker_task_policy").path("role").asText())
                .isEqualTo("${aws_iam_role.billing-worker_task_role.id}");
    }

    @Test
    void executionRoleWritesItsOwnLogsAndReadsItsOwnSecretsOnly() {
        String policy = out.resource("stage", "aws_iam_role_policy", "billing-worker_execution_policy")
                .path("policy").asText();
        assertThat(policy)
                .contains("\"Resource\" = [\"${aws_cloudwatch_log_group.billing-worker_logs.arn}:log-stream:*\"]")
                .contains("\"ssm:GetParameters\"")
                .contains(":parameter/stage/billing-worker/STRIPE_KEY\"]")
                .doesNotContain("checkout");
        String trust = out.resource("stage", "aws_iam_role", "billing-worker_execution_role")
                .path("assume_role_policy").asText();
        assertThat(trust).contains("\"Service\" = \"ecs-tasks.amazonaws.com\"").contains("sts:AssumeRole");
    }

    @Test
    void aPrivateEcrImageGetsAwsReadOnlyEcrPolicyAndNoWildcardOfOurs() {
        Synthesized ecr = Synthesized.of(dev.servicekit.catalog.Catalog.of(dev.servicekit.catalog.Service.worker(
                "puller", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/puller:1.0")));
        assertThat(ecr.resource("stage", "aws_iam_role_policy_attachment", "puller_execution_ecr").path("policy_arn")
                .asText()).isEqualTo("arn:${data.aws_partition.current.partition}:iam::aws:policy/"
                + "AmazonEC2ContainerRegistryReadOnly");
        assertThat(ecr.resource("stage", "aws_ecs_service", "puller_service").path("depends_on").toString())
                .contains("aws_iam_role_policy_attachment.puller_execution_ecr");
        assertThat(ecr.resource("stage", "aws_iam_role_policy", "puller_execution_policy").path("policy").asText())
                .doesNotContain("\"*\"");
        assertThat(out.stack("stage").path("resource").has("aws_iam_role_policy_attachment"))
                .as("public images need no ECR permission").isFalse();
    }

    @Test
    void tasksStartOnlyAfterTheirPermissionsAndTheNetworkRoutes() {
        String dependsOn = out.resource("prod", "aws_ecs_service", "billing-worker_service").path("depends_on").toString();
        assertThat(dependsOn).contains("aws_iam_role_policy.billing-worker_execution_policy",
                "aws_route.network_private_a_default_route", "aws_route.network_private_b_default_route",
                "aws_route_table_association.network_private_subnet_a_routes");
        assertThat(out.resource("prod", "aws_nat_gateway", "network_nat_a").path("depends_on").toString())
                .contains("aws_internet_gateway.network_internet_gateway");
    }

    @Test
    void tasksStartOnlyAfterTheirOwnSecurityGroupRulesExist() {
        // Without its egress rule a task cannot pull its image, and the deploy waits until it times out.
        assertThat(out.resource("prod", "aws_ecs_service", "billing-worker_service").path("depends_on").toString())
                .contains("aws_vpc_security_group_egress_rule.billing-worker_task_egress");
        assertThat(out.resource("prod", "aws_ecs_service", "checkout_service").path("depends_on").toString())
                .contains("aws_vpc_security_group_egress_rule.checkout_task_egress",
                        "aws_vpc_security_group_ingress_rule.checkout_task_ingress",
                        "aws_vpc_security_group_egress_rule.checkout_lb_to_tasks");
    }

    @Test
    void aRolledBackDeployFailsTheApply() {
        JsonNode postcondition = out.resource("prod", "aws_ecs_service", "checkout_service")
                .path("lifecycle").path("postcondition").get(0);
        assertThat(postcondition.path("condition").asText())
                .isEqualTo("${self.task_definition == aws_ecs_task_definition.checkout_task.arn}");
        assertThat(postcondition.path("error_message").asText()).isEqualTo(EcsServicePart.ROLLED_BACK);
        assertThat(out.resource("prod", "aws_ecs_service", "checkout_service").path("wait_for_steady_state")
                .asBoolean()).isTrue();
    }

    @Test
    void groupsThatAReplacementWouldRecreateAreCreatedBeforeTheOldOnesGo() {
        for (String group : List.of("checkout_task_security_group", "checkout_lb_security_group")) {
            JsonNode sg = out.resource("prod", "aws_security_group", group);
            assertThat(sg.has("name")).as(group + ": a fixed name would block its replacement").isFalse();
            assertThat(sg.path("lifecycle").path("create_before_destroy").asBoolean()).as(group).isTrue();
        }
        assertThat(out.resource("prod", "aws_security_group", "checkout_task_security_group").path("name_prefix")
                .asText()).isEqualTo("prod-checkout-tasks-");
        assertThat(out.resource("prod", "aws_security_group", "checkout_lb_security_group").path("name_prefix")
                .asText()).isEqualTo("prod-checkout-lb-");
        JsonNode targetGroup = out.resource("prod", "aws_lb_target_group", "checkout_target_group");
        assertThat(targetGroup.path("name").asText())
                .as("a new port replaces the target group under a new name").isEqualTo("prod-checkout-8080");
        assertThat(targetGroup.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
    }

    @Test
    void anInternetFacingLoadBalancerWaitsForTheInternetGatewayAndEveryOneForItsLogBucket() {
        assertThat(out.resource("prod", "aws_lb", "checkout_lb").path("depends_on").toString())
                .isEqualTo("[\"aws_internet_gateway.network_internet_gateway\",\"aws_s3_bucket_policy.environment_lb_logs_policy\"]");
        Synthesized internal = Synthesized.of(dev.servicekit.catalog.Catalog.of(
                dev.servicekit.catalog.Service.web("inside", "nginx:1.27", 80).internal()));
        assertThat(internal.resource("prod", "aws_lb", "inside_lb").path("depends_on").toString())
                .as("an internal load balancer needs no internet gateway")
                .isEqualTo("[\"aws_s3_bucket_policy.environment_lb_logs_policy\"]");
    }

    @Test
    void noPolicyWeWriteHasAWildcardResource() {
        for (String env : List.of("stage", "prod")) {
            out.stack(env).path("resource").path("aws_iam_role_policy").forEach(policy ->
                    assertThat(policy.path("policy").asText())
                            .doesNotContainPattern("\"Resource\" = \\[?\"\\*\"")
                            .doesNotContainPattern("\"Resource\" = \\[[^]]*\"\\*\""));
        }
    }

    @Test
    void ecsServiceRollsBackFailedDeploysAndKeepsFullCapacity() {
        JsonNode service = out.resource("prod", "aws_ecs_service", "billing-worker_service");
        assertThat(service.path("name").asText()).isEqualTo("prod-billing-worker");
        assertThat(service.path("cluster").asText()).isEqualTo("${aws_ecs_cluster.cluster.arn}");
        assertThat(service.path("launch_type").asText()).isEqualTo("FARGATE");
        assertThat(service.path("task_definition").asText()).isEqualTo("${aws_ecs_task_definition.billing-worker_task.arn}");
        assertThat(service.path("deployment_circuit_breaker").path("enable").asBoolean()).isTrue();
        assertThat(service.path("deployment_circuit_breaker").path("rollback").asBoolean()).isTrue();
        assertThat(service.path("deployment_minimum_healthy_percent").asInt()).isEqualTo(100);
        assertThat(service.path("deployment_maximum_percent").asInt()).isEqualTo(200);
        assertThat(service.path("desired_count").asInt()).isEqualTo(2);
        assertThat(service.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"desired_count\"]");
        assertThat(service.has("load_balancer")).isFalse();
    }

    @Test
    void prodTasksRunInPrivateSubnetsAndStageTasksInPublicOnes() {
        JsonNode prod = out.resource("prod", "aws_ecs_service", "billing-worker_service").path("network_configuration");
        assertThat(prod.path("assign_public_ip").asBoolean()).isFalse();
        assertThat(prod.path("subnets").toString()).contains("aws_subnet.network_private_subnet_a.id")
                .doesNotContain("public");
        JsonNode stage = out.resource("stage", "aws_ecs_service", "billing-worker_service").path("network_configuration");
        assertThat(stage.path("assign_public_ip").asBoolean()).isTrue();
        assertThat(stage.path("subnets").toString()).contains("aws_subnet.network_public_subnet_a.id");
    }

    @Test
    void webServiceIsWiredFromLoadBalancerToContainerPort() {
        JsonNode service = out.resource("stage", "aws_ecs_service", "checkout_service");
        JsonNode lb = service.path("load_balancer").get(0);
        assertThat(lb.path("target_group_arn").asText()).isEqualTo("${aws_lb_target_group.checkout_target_group.arn}");
        assertThat(lb.path("container_name").asText()).isEqualTo("checkout");
        assertThat(lb.path("container_port").asInt()).isEqualTo(8080);
        assertThat(service.path("depends_on").toString()).contains("aws_lb_listener.checkout_listener_http");

        JsonNode targetGroup = out.resource("stage", "aws_lb_target_group", "checkout_target_group");
        assertThat(targetGroup.path("target_type").asText()).isEqualTo("ip");
        assertThat(targetGroup.path("port").asInt()).isEqualTo(8080);
        assertThat(targetGroup.path("health_check").path("path").asText()).isEqualTo("/healthz");
        assertThat(targetGroup.path("deregistration_delay").asText()).isEqualTo("10");

        JsonNode http = out.resource("stage", "aws_lb_listener", "checkout_listener_http");
        assertThat(http.path("load_balancer_arn").asText()).isEqualTo("${aws_lb.checkout_lb.arn}");
        assertThat(http.path("default_action").get(0).path("type").asText()).isEqualTo("forward");
        assertThat(http.path("default_action").get(0).path("target_group_arn").asText())
                .isEqualTo("${aws_lb_target_group.checkout_target_group.arn}");

        JsonNode alb = out.resource("stage", "aws_lb", "checkout_lb");
        assertThat(alb.path("drop_invalid_header_fields").asBoolean()).isTrue();
        assertThat(alb.path("internal").asBoolean()).isFalse();
        assertThat(alb.path("subnets").toString()).contains("network_public_subnet_a");
    }

    @Test
    void tasksAdmitTrafficOnlyFromTheirOwnLoadBalancer() {
        JsonNode ingress = out.resource("stage", "aws_vpc_security_group_ingress_rule", "checkout_task_ingress");
        assertThat(ingress.path("security_group_id").asText()).isEqualTo("${aws_security_group.checkout_task_security_group.id}");
        assertThat(ingress.path("referenced_security_group_id").asText())
                .isEqualTo("${aws_security_group.checkout_lb_security_group.id}");
        assertThat(ingress.path("from_port").asInt()).isEqualTo(8080);
        assertThat(ingress.path("to_port").asInt()).isEqualTo(8080);
        assertThat(ingress.has("cidr_ipv4")).isFalse();

        JsonNode egress = out.resource("stage", "aws_vpc_security_group_egress_rule", "checkout_lb_to_tasks");
        assertThat(egress.path("referenced_security_group_id").asText())
                .isEqualTo("${aws_security_group.checkout_task_security_group.id}");

        assertThat(out.resource("stage", "aws_ecs_service", "checkout_service").path("network_configuration")
                .path("security_groups").toString()).isEqualTo("[\"${aws_security_group.checkout_task_security_group.id}\"]");
        out.stack("stage").path("resource").path("aws_vpc_security_group_ingress_rule").fields().forEachRemaining(rule -> {
            if (rule.getValue().path("security_group_id").asText().contains("task_security_group")) {
                assertThat(rule.getValue().has("cidr_ipv4")).as(rule.getKey() + " admits only a security group").isFalse();
            }
        });
        assertThat(out.stack("stage").path("resource").path("aws_vpc_security_group_ingress_rule")
                .has("billing-worker_task_ingress")).as("a worker admits no inbound traffic").isFalse();
    }

    @Test
    void withACertificateHttpsServesAndHttpRedirects() {
        JsonNode https = out.resource("prod", "aws_lb_listener", "checkout_listener_https");
        assertThat(https.path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(https.path("port").asInt()).isEqualTo(443);
        assertThat(https.path("ssl_policy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(https.path("certificate_arn").asText()).isEqualTo("arn:aws:acm:us-east-1:123456789012:certificate/abc");
        JsonNode redirect = out.resource("prod", "aws_lb_listener", "checkout_listener_http").path("default_action").get(0);
        assertThat(redirect.path("type").asText()).isEqualTo("redirect");
        assertThat(redirect.path("redirect").path("port").asText()).isEqualTo("443");
        assertThat(redirect.path("redirect").path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(out.has("prod", "aws_vpc_security_group_ingress_rule", "checkout_lb_ingress_443")).isTrue();
        assertThat(out.has("stage", "aws_lb_listener", "checkout_listener_https"))
                .as("stage has no certificate").isFalse();
    }

    @Test
    void workersScaleInStepsOnTheirOwnQueueBacklog() {
        JsonNode target = out.resource("prod", "aws_appautoscaling_target", "billing-worker_scaling_target");
        assertThat(target.path("min_capacity").asInt()).isEqualTo(2);
        assertThat(target.path("max_capacity").asInt()).isEqualTo(10);
        assertThat(target.path("resource_id").asText())
                .isEqualTo("service/servicekit-prod/${aws_ecs_service.billing-worker_service.name}");
        JsonNode scaleOut = out.resource("prod", "aws_appautoscaling_policy", "billing-worker_scaling_scale_out");
        assertThat(scaleOut.path("policy_type").asText()).isEqualTo("StepScaling");
        assertThat(scaleOut.path("step_scaling_policy_configuration").path("step_adjustment").size()).isEqualTo(2);
        JsonNode high = out.resource("prod", "aws_cloudwatch_metric_alarm", "billing-worker_alarm_backlog_high");
        assertThat(high.path("metric_name").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(high.path("dimensions").path("QueueName").asText()).isEqualTo("${aws_sqs_queue.billing-worker_queue.name}");
        assertThat(high.path("alarm_actions").toString()).contains("aws_appautoscaling_policy.billing-worker_scaling_scale_out.arn");
        JsonNode empty = out.resource("prod", "aws_cloudwatch_metric_alarm", "billing-worker_alarm_backlog_empty");
        assertThat(empty.path("alarm_actions").toString()).contains("billing-worker_scaling_scale_in");
    }

    @Test
    void webServicesTrackCpuWithinTheirBounds() {
        JsonNode policy = out.resource("prod", "aws_appautoscaling_policy", "checkout_scaling_cpu");
        assertThat(policy.path("policy_type").asText()).isEqualTo("TargetTrackingScaling");
        assertThat(policy.path("target_tracking_scaling_policy_configuration").path("predefined_metric_specification")
                .path("predefined_metric_type").asText()).isEqualTo("ECSServiceAverageCPUUtilization");
        JsonNode target = out.resource("prod", "aws_appautoscaling_target", "checkout_scaling_target");
        assertThat(target.path("min_capacity").asInt()).isEqualTo(3);
        assertThat(target.path("max_capacity").asInt()).isEqualTo(20);
        assertThat(out.resource("prod", "aws_ecs_service", "checkout_service").path("desired_count").asInt()).isEqualTo(4);
    }

    @Test
    void everyTaggableResourceOfAServiceCarriesTheFourTags() {
        List<String> untagged = new ArrayList<>();
        for (String env : List.of("stage", "prod")) {
            out.stack(env).path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(r -> {
                if (!r.getKey().startsWith("billing-worker_") && !r.getKey().startsWith("checkout_")) {
                    return;
                }
                boolean taggable = type.getKey().startsWith("aws_")
                        && !List.of("aws_iam_role_policy", "aws_appautoscaling_policy", "aws_sqs_queue_policy",
                        "aws_sqs_queue_redrive_allow_policy").contains(type.getKey());
                JsonNode tags = r.getValue().path("tags");
                String owner = r.getKey().startsWith("checkout_") ? "storefront" : "payments";
                String service = r.getKey().substring(0, r.getKey().indexOf('_'));
                if (taggable && !tags.equals(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                        "service", service, "environment", env, "owner", owner, "managed-by", "servicekit")))) {
                    untagged.add(env + ":" + type.getKey() + "." + r.getKey() + " " + tags);
                }
            }));
        }
        assertThat(untagged).isEmpty();
    }

    @Test
    void prodProtectsStatefulResourcesAndStageDoesNot() {
        for (String[] r : new String[][] {{"aws_sqs_queue", "billing-worker_queue"}, {"aws_sqs_queue", "billing-worker_dlq"},
                {"aws_cloudwatch_log_group", "billing-worker_logs"}}) {
            assertThat(out.resource("prod", r[0], r[1]).path("lifecycle").path("prevent_destroy").asBoolean())
                    .as("prod " + r[1]).isTrue();
            assertThat(out.resource("stage", r[0], r[1]).path("lifecycle").path("prevent_destroy").asBoolean())
                    .as("stage " + r[1]).isFalse();
        }
        assertThat(out.resource("prod", "aws_lb", "checkout_lb").path("enable_deletion_protection").asBoolean()).isTrue();
        assertThat(out.resource("stage", "aws_lb", "checkout_lb").path("enable_deletion_protection").asBoolean()).isFalse();
    }

    @Test
    void outputsGiveQueueUrlsLoadBalancerAndLogGroup() {
        JsonNode outputs = out.stack("stage").path("output");
        assertThat(outputs.path("billing-worker_queue_url").path("value").asText())
                .isEqualTo("${aws_sqs_queue.billing-worker_queue.url}");
        assertThat(outputs.path("billing-worker_dlq_url").path("value").asText())
                .isEqualTo("${aws_sqs_queue.billing-worker_dlq.url}");
        assertThat(outputs.path("billing-worker_log_group_name").path("value").asText())
                .isEqualTo("${aws_cloudwatch_log_group.billing-worker_logs.name}");
        assertThat(outputs.path("checkout_lb_dns_name").path("value").asText()).isEqualTo("${aws_lb.checkout_lb.dns_name}");
        assertThat(outputs.has("billing-worker_lb_dns_name")).isFalse();
    }
}
