package dev.servicekit.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offline stand-in for terraform validate: broken references, unconfigured providers, duplicates. */
class ReferenceCheckTest {

    @Test
    void aReferenceToAnUndeclaredResourceNamesTheAddressAndTheReference() {
        var config = StackJson.parse("""
                {"provider": {"aws": [{}]},
                 "data": {"aws_partition": {"current": {}}},
                 "resource": {
                   "aws_sqs_queue": {"q": {"name": "x"}},
                   "aws_iam_role_policy": {"p": {
                     "policy": "${jsonencode({\\"Resource\\" = [aws_sqs_queue.q.arn, aws_sqs_queue.gone.arn, \\"arn:${data.aws_partition.current.partition}:x\\", \\"${data.aws_region.nope.name}\\"]})}",
                     "role": "${var.role}"}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactly(
                "aws_iam_role_policy.p: reference to undeclared aws_sqs_queue.gone",
                "aws_iam_role_policy.p: reference to undeclared data.aws_region.nope",
                "aws_iam_role_policy.p: reference to undeclared var.role");
    }

    @Test
    void aProviderMustBeConfiguredInAStackAndRequiredInAModule() {
        var config = StackJson.parse("""
                {"terraform": {"required_providers": {"aws": {"source": "aws"}}},
                 "resource": {"aws_sqs_queue": {"q": {"name": "x"}}, "datadog_monitor": {"m": {"name": "y"}}},
                 "output": {"u": {"value": "${aws_sqs_queue.q.url}"}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactlyInAnyOrder(
                "aws_sqs_queue: provider 'aws' is not configured",
                "datadog_monitor: provider 'datadog' is not configured");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.REQUIRED)).containsExactly(
                "datadog_monitor: provider 'datadog' is not required");
    }

    @Test
    void dependsOnAndReferencesToAnyResourceTypeAreChecked() {
        var config = StackJson.parse("""
                {"provider": {"aws": [{}]},
                 "resource": {"aws_sqs_queue": {"q": {"name": "${random_id.nope.hex}",
                   "depends_on": ["aws_iam_role_policy.gone", "aws_sqs_queue.q"]}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactly(
                "aws_sqs_queue.q: reference to undeclared aws_iam_role_policy.gone",
                "aws_sqs_queue.q: reference to undeclared random_id.nope");
    }

    @Test
    void replaceTriggeredByNamesDeclaredResourcesAsBareReferences() {
        var config = StackJson.parse("""
                {"provider": {"aws": [{}]},
                 "resource": {"aws_security_group": {"g": {"name": "x"}},
                   "aws_vpc_security_group_egress_rule": {"r": {"lifecycle": {"replace_triggered_by":
                     ["aws_security_group.g.id", "aws_security_group.gone.id", "${aws_security_group.g.id}"]}}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactly(
                "aws_vpc_security_group_egress_rule.r: reference to undeclared aws_security_group.gone",
                "aws_vpc_security_group_egress_rule.r: reference to undeclared replace_triggered_by entry "
                        + "'${aws_security_group.g.id}' (not a bare reference)");
    }

    @Test
    void textInsideStringLiteralsIsNotAReference() {
        var config = StackJson.parse("""
                {"provider": {"aws": [{}]},
                 "resource": {"aws_sqs_queue": {"q": {"name": "x"}}, "aws_ecs_task_definition": {"t": {
                   "container_definitions": "${jsonencode([{\\"value\\" = \\"conf/log_config.yaml\\", \\"arn\\" = \\"${aws_sqs_queue.q.arn}/my_file.txt\\", \\"q\\" = aws_sqs_queue.missing.url}])}"}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactly(
                "aws_ecs_task_definition.t: reference to undeclared aws_sqs_queue.missing");
    }

    @Test
    void escapesIteratorsDirectivesKeysAndModulesAreReadAsHclReadsThem() {
        var config = StackJson.parse("""
                {"provider": {"aws": [{}]},
                 "module": {"net": {"source": "./net"}},
                 "resource": {"aws_lb_listener": {"l": {
                   "description": "$${aws_x.escaped} %{ if var.missing_flag }on%{ endif }",
                   "subnets": "${[for sub_net in module.net.subnets : sub_net.id]}",
                   "port": "${module.gone.port}",
                   "tags": {"${aws_x.in_key.arn}": "v"},
                   "dynamic": {"default_action": {"for_each": "${[1]}",
                     "content": {"type": "${default_action.value}"}}}}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).containsExactly(
                "aws_lb_listener.l: reference to undeclared aws_x.in_key",
                "aws_lb_listener.l: reference to undeclared module.gone",
                "aws_lb_listener.l: reference to undeclared var.missing_flag");
    }

    @Test
    void metricNamesAndUrlsInStringsAreNotMistakenForReferences() {
        var config = StackJson.parse("""
                {"provider": {"datadog": [{}]},
                 "resource": {"datadog_monitor": {"m": {
                   "query": "avg(last_15m):avg:aws.ecs.service.memory_utilization{servicename:a} > 1",
                   "message": "see https://app.datadoghq.com/x and sqs:ReceiveMessage"}}}}""");
        assertThat(ReferenceCheck.problems(config, ReferenceCheck.Providers.CONFIGURED)).isEmpty();
    }

    @Test
    void duplicateAddressesAreRejected() {
        assertThatThrownBy(() -> StackJson.parse("""
                {"resource": {"aws_sqs_queue": {"q": {"name": "a"}, "q": {"name": "b"}}}}"""))
                .hasMessage("two blocks share the address 'q' (line 1)");
    }
}
