package dev.servicekit.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.catalog.Service;
import dev.servicekit.generation.ModuleGenerator;
import dev.servicekit.generation.ModuleKind;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name, description and tag of both stacks and both modules is one AWS accepts: the provider checks
 * few of them at plan, and AWS rejects the rest half-way through an apply.
 */
class AwsTextCheckTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";

    @Test
    void everyTextOfBothStacksPassesAwsRules() {
        Synthesized out = Synthesized.of(Catalog.of(
                Service.worker("billing-worker", IMAGE).owner("payments team@example.com"),
                Service.web("checkout", IMAGE, 8080).withQueue().internal(),
                Service.web("auth", IMAGE, 80).prod(p -> p.certificateArn(
                        "arn:aws:acm:us-east-1:123456789012:certificate/abc")),
                Service.worker("old", IMAGE).retire()));
        for (String env : List.of("stage", "prod")) {
            assertThat(AwsTextCheck.problems(out.stack(env))).as(env).isEmpty();
            assertThat(out.stack(env).path("resource").path("aws_security_group").size()).isPositive();
        }
        Synthesized adopted = Synthesized.of(Catalog.of(Service.web("auth", IMAGE, 80).internal()),
                Map.of("servicekit", Map.of("prod", Map.of("vpcId", "vpc-0a1b2c3d", "clusterName", "shared",
                        "publicSubnetIds", List.of("subnet-0a1b2c3d", "subnet-0b1b2c3d"),
                        "runbook", "https://runbooks.example.com/prod"))));
        assertThat(AwsTextCheck.problems(adopted.stack("prod"))).isEmpty();
    }

    @Test
    void everyTextOfTheCommittedStacksAndModulesPassesAwsRules() throws Exception {
        for (String env : List.of("stage", "prod")) {
            assertThat(AwsTextCheck.problems(StackJson.parse(Files.readString(new dev.servicekit.snapshot.Snapshots(java.nio.file.Path.of("stacks")).file(env)))))
                    .as(env).isEmpty();
        }
        for (ModuleKind kind : ModuleKind.values()) {
            JsonNode module = StackJson.parse(Files.readString(ModuleGenerator.MODULES.resolve(kind.folder())
                    .resolve(ModuleGenerator.MODULE_FILE)));
            assertThat(AwsTextCheck.problems(module)).as(kind.folder()).isEmpty();
        }
    }

    @Test
    void theCheckCatchesWhatAwsWouldRejectAtApply() {
        JsonNode stack = StackJson.parse("""
                {"resource": {
                  "aws_vpc_security_group_egress_rule": {"e": {"description": "the service's own"}},
                  "aws_security_group": {"g": {"name_prefix": "${var.environment}-x-", "description": "Tasks of ${var.x}: \\"all\\""}},
                  "aws_lb": {"l": {"name": "a-load-balancer-name-of-more-than-32"}},
                  "aws_sqs_queue": {"q": {"name": "q", "tags": {"owner": "o'brien", "aws:reserved": "x"}}},
                  "aws_new_thing": {"n": {"name": "n"}},
                  "datadog_monitor": {"m": {"name": "[prod] x: 'anything' goes here"}}
                }}""");
        assertThat(AwsTextCheck.problems(stack)).containsExactlyInAnyOrder(
                "aws_vpc_security_group_egress_rule.e.description: 'the service's own': AWS allows only letters, "
                        + "digits, spaces and ._-:/()#,@[]+=&;{}!$* in security group rule descriptions",
                "aws_security_group.g.description: 'Tasks of ${var.x}: \"all\"': AWS allows only letters, digits, "
                        + "spaces and ._-:/()#,@[]+=&;{}!$* in the literal parts",
                "aws_lb.l.name: 'a-load-balancer-name-of-more-than-32' is 36 characters; AWS limits load balancer "
                        + "names to 32",
                "aws_sqs_queue.q.tags.owner: 'o'brien': AWS allows only letters, digits, spaces and _.:/=+-@ in tag values",
                "aws_sqs_queue.q.tags key aws:reserved: 'aws:reserved': AWS allows only letters, digits, spaces and "
                        + "_.:/=+-@ (and no leading aws:) in tag keys",
                "aws_new_thing.n.name: no AwsLimits rule for this text; add one to AwsTextCheck");
    }
}
