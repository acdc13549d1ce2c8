package dev.servicekit.parts;

import dev.servicekit.support.TestEnvironments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Service;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.support.Synthesized;
import dev.servicekit.validation.CatalogValidator;
import dev.servicekit.environment.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The escape hatches of a catalog line: extra IAM statements, extra security group rules, customize(...). */
class EscapeHatchesTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTaskPolicyStatementIsGrantedToTheTaskRoleAlone() {
        Synthesized out = Synthesized.of(Catalog.of(
                Service.worker("orders", IMAGE).taskPolicy(IamStatement.allow("dynamodb:GetItem", "dynamodb:PutItem")
                        .on(TABLE)),
                Service.web("front", IMAGE, 8080).internal()
                        .taskPolicy(IamStatement.allow("xray:PutTraceSegments").on("*"))));
        for (String env : List.of("stage", "prod")) {
            String orders = out.resource(env, "aws_iam_role_policy", "orders_task_policy").path("policy").asText();
            assertThat(orders).contains("\"Sid\" = \"ConsumeOwnQueue\"")
                    .contains("{\"Action\" = [\"dynamodb:GetItem\", \"dynamodb:PutItem\"], \"Effect\" = \"Allow\", "
                            + "\"Resource\" = [\"" + TABLE + "\"], \"Sid\" = \"Line1\"}");
            assertThat(out.resource(env, "aws_iam_role_policy", "orders_execution_policy").path("policy").asText())
                    .doesNotContain("dynamodb");
            assertThat(out.resource(env, "aws_iam_role", "orders_task_role").path("description").asText())
                    .endsWith(": its own resources and its line's taskPolicy");
            assertThat(out.resource(env, "aws_iam_role_policy", "front_task_policy").path("policy").asText())
                    .as("a web service without a queue gets a task policy for its statement alone")
                    .contains("xray:PutTraceSegments").doesNotContain("sqs:");
        }
    }

    @Test
    void iamPolicyVariablesReachThePolicyAsTextNotAsTerraform() {
        String home = "arn:aws:s3:::home/${aws:PrincipalTag/team}/*";
        CatalogValidator.validate(Catalog.of(Service.worker("w", IMAGE).taskPolicy(IamStatement.allow("s3:GetObject")
                .on(home))), List.of(Environment.stage()));
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("w", IMAGE)
                .taskPolicy(IamStatement.allow("s3:GetObject").on(home))));
        assertThat(out.resource("prod", "aws_iam_role_policy", "w_task_policy").path("policy").asText())
                .as("Terraform reads $${ as a literal ${, so IAM receives its own variable")
                .contains("\"Resource\" = [\"arn:aws:s3:::home/$${aws:PrincipalTag/team}/*\"]");
        assertThat(problems(Service.worker("w", IMAGE).egress(NetworkRule.tcp(5432).cidr("${var.cidr}")
                .describedAs("db")))).containsExactly("catalog/w: egress[1].cidr: '${var.cidr}' is not an IPv4 CIDR "
                + "block such as 10.40.0.0/16");
        assertThat(problems(Service.worker("w", IMAGE).egress(NetworkRule.tcp(5432).cidr("10.40.7.9/16")
                .describedAs("db")))).containsExactly("catalog/w: egress[1].cidr: '10.40.7.9/16' has host bits set: "
                + "the AWS provider refuses it and EC2 keeps only its network; write 10.40.0.0/16");
        assertThat(problems(Service.worker("w", IMAGE).egress(NetworkRule.tcp(443).cidr("0.0.0.0/0")
                .describedAs("web")))).containsExactly("catalog/w: egress[1]: every task may already reach TCP 443 "
                + "anywhere (HTTPS); EC2 refuses the same rule twice, so drop this one");
    }

    @Test
    void aStarResourceIsRefusedUnlessNoActionCanBeScoped() {
        assertThat(problems(Service.worker("w", IMAGE).taskPolicy(IamStatement.allow("s3:GetObject",
                "cloudwatch:PutMetricData").on("*")))).containsExactly(
                "catalog/w: taskPolicy[1].resources: '*' is refused: [s3:GetObject] can be scoped to resources; name "
                        + "their ARNs (only actions AWS cannot scope, such as ecr:GetAuthorizationToken or "
                        + "cloudwatch:PutMetricData, may use '*')");
        assertThat(problems(Service.worker("w", IMAGE).taskPolicy(IamStatement.allow("s3 GetObject").on("bucket"))))
                .containsExactly("catalog/w: taskPolicy[1].actions: 's3 GetObject' is not an IAM action such as s3:GetObject",
                        "catalog/w: taskPolicy[1].resources: 'bucket' is not an ARN (arn:aws:<service>:<region>:"
                                + "<account>:<resource>)");
        assertThat(problems(Service.worker("w", IMAGE).taskPolicy(IamStatement.allow().on())))
                .containsExactly("catalog/w: taskPolicy[1].actions: names no actions",
                        "catalog/w: taskPolicy[1].resources: names no resources");
        CatalogValidator.validate(Catalog.of(Service.worker("w", IMAGE)
                .taskPolicy(IamStatement.allow("cloudwatch:PutMetricData", "xray:PutTraceSegments").on("*"))),
                List.of(Environment.stage()));
    }

    @Test
    void resourceArnsMayUseIamWildcardsInRegionAndAccount() {
        assertThat(problems(Service.worker("w", IMAGE)
                .taskPolicy(IamStatement.allow("dynamodb:GetItem").on("arn:aws:dynamodb:*:123456789012:table/orders"))
                .taskPolicy(IamStatement.allow("logs:PutLogEvents").on("arn:aws:logs:eu-west-?:*:log-group:app:*"))
                .taskPolicy(IamStatement.allow("s3:GetObject").on("arn:aws:s3:::reports/*")))).isEmpty();
        assertThat(problems(Service.worker("w", IMAGE)
                .taskPolicy(IamStatement.allow("s3:GetObject").on("arn:aws:s3:us east:12:x"))))
                .containsExactly("catalog/w: taskPolicy[1].resources: 'arn:aws:s3:us east:12:x' is not an ARN "
                        + "(arn:aws:<service>:<region>:<account>:<resource>)");
    }

    @Test
    void statementsThatWouldOverflowTheRolesInlinePolicyAreRefused() {
        Service fits = Service.worker("w", IMAGE);
        Service overflows = Service.worker("w", IMAGE);
        for (int i = 0; i < 50; i++) {
            // About 157 characters each: 50 fit in the 8,192 left to the line, 55 do not.
            IamStatement table = IamStatement.allow("dynamodb:GetItem").on(
                    "arn:aws:dynamodb:us-east-1:123456789012:table/orders-" + "x".repeat(20) + i);
            fits.taskPolicy(table);
            overflows.taskPolicy(table);
        }
        for (int i = 50; i < 55; i++) {
            overflows.taskPolicy(IamStatement.allow("dynamodb:GetItem").on(
                    "arn:aws:dynamodb:us-east-1:123456789012:table/orders-" + "x".repeat(20) + i));
        }
        assertThat(problems(fits)).isEmpty();
        assertThat(problems(overflows)).singleElement().asString()
                .startsWith("catalog/w: taskPolicy: the statements take about ")
                .contains("IAM limits a role's inline policies to 10240 in all");
    }

    @Test
    void extraSecurityGroupRulesAreAddedAtAddressesOfTheirOwn() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("orders", IMAGE)
                .egress(NetworkRule.tcp(5432).cidr("10.40.0.0/16").describedAs("Postgres in the data VPC"))
                .ingress(NetworkRule.tcp(9100).securityGroup("sg-0123456789abcdef0").describedAs("Prometheus scrapes"))));
        JsonNode egress = out.resource("prod", "aws_vpc_security_group_egress_rule", "orders_task_egress_tcp_5432_10_40_0_0_16");
        assertThat(egress.path("cidr_ipv4").asText()).isEqualTo("10.40.0.0/16");
        assertThat(egress.path("from_port").asInt()).isEqualTo(5432);
        assertThat(egress.path("security_group_id").asText()).isEqualTo("${aws_security_group.orders_task_security_group.id}");
        JsonNode ingress = out.resource("prod", "aws_vpc_security_group_ingress_rule",
                "orders_task_ingress_tcp_9100_sg_0123456789abcdef0");
        assertThat(ingress.path("referenced_security_group_id").asText()).isEqualTo("sg-0123456789abcdef0");
        assertThat(ingress.path("description").asText()).isEqualTo("Prometheus scrapes");
        assertThat(out.resource("prod", "aws_ecs_service", "orders_service").path("depends_on").toString())
                .as("tasks start once their rules exist")
                .contains("aws_vpc_security_group_egress_rule.orders_task_egress_tcp_5432_10_40_0_0_16",
                        "aws_vpc_security_group_ingress_rule.orders_task_ingress_tcp_9100_sg_0123456789abcdef0");
    }

    @Test
    void badSecurityGroupRulesAreRefused() {
        assertThat(problems(Service.worker("w", IMAGE)
                .egress(NetworkRule.tcp(5432).cidr("10.40.0.0/33").describedAs("db's"))
                .egress(NetworkRule.tcp(70000).securityGroup("group").describedAs(""))))
                .containsExactly(
                        "catalog/w: egress[1].cidr: '10.40.0.0/33' is not an IPv4 CIDR block such as 10.40.0.0/16",
                        "catalog/w: egress[1].description: 'db's': AWS allows only letters, digits, spaces and "
                                + "._-:/()#,@[]+=&;{}!$* in security group rule descriptions",
                        "catalog/w: egress[2].ports: 70000-70000 is not a port range within 0-65535",
                        "catalog/w: egress[2].securityGroup: 'group' is not a security group ID (sg-...)",
                        "catalog/w: egress[2].description: must not be empty");
        assertThat(problems(Service.worker("w", IMAGE)
                .ingress(NetworkRule.tcp(80).cidr("10.0.0.0/8").describedAs("vpn"))
                .ingress(NetworkRule.tcp(80).cidr("10.0.0.0/8").describedAs("vpn again"))))
                .containsExactly("catalog/w: ingress[2]: declares the same ports and peer twice");
    }

    @Test
    void moreRulesThanEc2AllowsPerSecurityGroupAreRefused() {
        Service worker = Service.worker("w", IMAGE);
        Service web = Service.web("web", IMAGE, 80).internal();
        for (int port = 1; port <= 59; port++) {
            worker.egress(NetworkRule.tcp(port).cidr("10.0.0.0/8").describedAs("db"));
            web.ingress(NetworkRule.tcp(port).cidr("10.0.0.0/8").describedAs("scrape"));
        }
        assertThat(problems(worker)).as("59 of the line's and servicekit's HTTPS egress: 60").isEmpty();
        assertThat(problems(web)).as("59 of the line's and the load balancer's: 60").isEmpty();
        worker.egress(NetworkRule.tcp(60).cidr("10.0.0.0/8").describedAs("db"));
        web.ingress(NetworkRule.tcp(60).cidr("10.0.0.0/8").describedAs("scrape"));
        String advice = " rules on the task security group (servicekit's own included); EC2 allows 60 per direction "
                + "by default: admit a security group or a wider CIDR block instead of many";
        assertThat(problems(worker)).containsExactly("catalog/w: egress: 61 outbound" + advice);
        assertThat(problems(web)).containsExactly("catalog/web: ingress: 61 inbound" + advice);
    }

    @Test
    void customizeOverridesAttributesAndAddsConstructsThatReferToTheService() {
        // The README's example, plus a servicekit resource that refers back to the user's construct.
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("orders", IMAGE).customize(service -> {
            service.resource("aws_ecs_task_definition", "task")
                    .addOverride("runtime_platform.cpu_architecture", "ARM64")
                    .addOverride("runtime_platform.operating_system_family", "LINUX");
            SsmParameter parameter = new SsmParameter(service.scope(), "queue-url", SsmParameterConfig.builder()
                    .name("/" + service.environment() + "/orders/queue-url").type("String")
                    .value(service.resource("aws_sqs_queue", "queue").ref("url")).build());
            // A servicekit resource that refers to the user's construct: cdktf resolves the token.
            service.resource("aws_ecs_task_definition", "task").addOverride("tags.queue_url_parameter",
                    parameter.getArn());
        })));
        for (String env : List.of("stage", "prod")) {
            JsonNode stack = out.stack(env);
            JsonNode task = out.resource(env, "aws_ecs_task_definition", "orders_task");
            assertThat(task.path("runtime_platform").toString())
                    .isEqualTo("{\"cpu_architecture\":\"ARM64\",\"operating_system_family\":\"LINUX\"}");
            JsonNode parameters = stack.path("resource").path("aws_ssm_parameter");
            assertThat(parameters.size()).isEqualTo(1);
            JsonNode ssm = parameters.elements().next();
            assertThat(ssm.path("name").asText()).isEqualTo("/" + env + "/orders/queue-url");
            assertThat(ssm.path("value").asText()).isEqualTo("${aws_sqs_queue.orders_queue.url}");
            String parameterAddress = "aws_ssm_parameter." + parameters.fieldNames().next();
            assertThat(task.path("tags").path("queue_url_parameter").asText())
                    .isEqualTo("${" + parameterAddress + ".arn}");
            assertThat(task.path("family").asText())
                    .as("a block handed to cdktf keeps the rest of its attributes").isEqualTo(env + "-orders");
        }
    }

    @Test
    void customizingAResourceTheServiceDoesNotHaveNamesTheEnvironmentServiceAndOption() {
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Service.web("front", IMAGE, 80).internal()
                .customize(service -> service.resource("aws_sqs_queue", "queue")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("stage/front: customize: the service has no aws_sqs_queue.front_queue; its "
                        + "resources are [aws_appautoscaling_policy.front_scaling_cpu");
    }

    private static List<String> problems(Service line) {
        try {
            CatalogValidator.validate(Catalog.of(line), List.of(TestEnvironments.stage(), TestEnvironments.prod()));
        } catch (ConfigurationException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        return List.of();
    }
}
