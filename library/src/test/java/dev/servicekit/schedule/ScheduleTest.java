package dev.servicekit.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.generation.ModuleGenerator;
import dev.servicekit.generation.ModuleKind;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.validation.AwsTextCheck;
import dev.servicekit.validation.CatalogValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A line's .schedule(expression, message): its resources, role, monitor and checks, in stacks and modules. */
class ScheduleTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";

    private static Service reports() {
        return Service.worker("reports", IMAGE).owner("finance").runbook("https://runbooks.example.com/reports")
                .schedule("cron(0 6 * * ? *)", "{\"job\":\"daily-report\"}");
    }

    @Test
    void expressionsAreCheckedAsEventBridgeSchedulerReadsThem() {
        for (String accepted : List.of("rate(1 minute)", "rate(15 minutes)", "rate(1 hour)", "rate(2 days)",
                "cron(0 6 * * ? *)", "cron(0/15 8-17 ? * MON-FRI *)", "cron(0 12 L * ? 2027)", "cron(30 1 ? * 6#3 *)",
                "cron(0 9 15W JAN,JUL ? *)", "cron(0 18 ? * 6L *)", "at(2027-01-01T09:00:00)")) {
            assertThat(ScheduleExpression.problem(accepted)).as(accepted).isEmpty();
        }
        assertThat(ScheduleExpression.problem("every day")).get().asString().contains("is not a schedule expression");
        assertThat(ScheduleExpression.problem("rate(0 minutes)")).get().asString().contains("positive whole number");
        assertThat(ScheduleExpression.problem("rate(5 minute)")).get().asString().contains("'rate(5 minutes)'");
        assertThat(ScheduleExpression.problem("rate(1 hours)")).get().asString().contains("'rate(1 hour)'");
        assertThat(ScheduleExpression.problem("rate(1 week)")).get().asString().contains("minute(s), hour(s) or day(s)");
        assertThat(ScheduleExpression.problem("cron(0 6 * * *)")).get().asString()
                .contains("has 5 fields; EventBridge's cron has 6");
        assertThat(ScheduleExpression.problem("cron(0 6 * * * *)")).get().asString()
                .contains("exactly one of day-of-month and day-of-week must be '?'");
        assertThat(ScheduleExpression.problem("cron(0 24 * * ? *)")).get().asString()
                .contains("'24' is not a valid hours (0-23");
        assertThat(ScheduleExpression.problem("cron(0 6 * FOO ? *)")).get().asString()
                .contains("'FOO' is not a valid month (1-12 or JAN-DEC");
        assertThat(ScheduleExpression.problem("cron(0 6 ? * 2#6 *)")).get().asString().contains("day-of-week");
        assertThat(ScheduleExpression.problem("at(2027-02-30T09:00:00)")).get().asString()
                .contains("a date and a time that exist");
        assertThat(ScheduleExpression.problem("rate(" + "1".repeat(300) + " minutes)")).get().asString()
                .contains("AWS limits schedule expressions to 256");
    }

    @Test
    void aScheduleSendsItsMessageToTheServicesQueueThroughARoleOnlySchedulerOfThisAccountAndGroupMayAssume() {
        Synthesized out = Synthesized.of(Catalog.of(reports(), Service.worker("mailer", IMAGE)));
        for (String env : List.of("stage", "prod")) {
            JsonNode group = out.resource(env, "aws_scheduler_schedule_group", "reports_schedule_group");
            assertThat(group.path("name").asText()).isEqualTo(env + "-reports");
            assertThat(group.path("tags").path("owner").asText()).isEqualTo("finance");
            JsonNode schedule = out.resource(env, "aws_scheduler_schedule", "reports_schedule");
            assertThat(schedule.path("schedule_expression").asText()).isEqualTo("cron(0 6 * * ? *)");
            assertThat(schedule.path("schedule_expression_timezone").asText()).isEqualTo("UTC");
            assertThat(schedule.path("group_name").asText())
                    .isEqualTo("${aws_scheduler_schedule_group.reports_schedule_group.name}");
            assertThat(schedule.path("flexible_time_window").path("mode").asText()).isEqualTo("OFF");
            JsonNode target = schedule.path("target");
            assertThat(target.path("arn").asText()).isEqualTo("${aws_sqs_queue.reports_queue.arn}");
            assertThat(target.path("input").asText()).isEqualTo("{\"job\":\"daily-report\"}");
            assertThat(target.path("role_arn").asText()).isEqualTo("${aws_iam_role.reports_schedule_role.arn}");
            assertThat(target.path("retry_policy").path("maximum_retry_attempts").asInt()).isEqualTo(185);
            assertThat(target.path("retry_policy").path("maximum_event_age_in_seconds").asInt()).isEqualTo(86_400);
            assertThat(schedule.path("depends_on").toString()).contains("aws_iam_role_policy.reports_schedule_policy");

            JsonNode role = out.resource(env, "aws_iam_role", "reports_schedule_role");
            assertThat(role.path("name").asText()).isEqualTo(env + "-reports-scheduler");
            assertThat(role.path("assume_role_policy").asText())
                    .contains("\"Service\" = \"scheduler.amazonaws.com\"")
                    .contains("\"StringEquals\" = {\"aws:SourceAccount\" = data.aws_caller_identity.current.account_id}")
                    .contains("\"aws:SourceArn\" = \"arn:${data.aws_partition.current.partition}:scheduler:")
                    .contains(":schedule-group/" + env + "-reports\"");
            String policy = out.resource(env, "aws_iam_role_policy", "reports_schedule_policy").path("policy").asText();
            assertThat(policy).contains("{\"Action\" = [\"sqs:SendMessage\"], \"Effect\" = \"Allow\", \"Resource\" = "
                    + "[aws_sqs_queue.reports_queue.arn], \"Sid\" = \"SendToOwnQueue\"}");
            assertThat(policy).as("the scheduler role may send to the queue and nothing else")
                    .doesNotContain("sqs:ReceiveMessage", "dlq", "*\"");

            JsonNode monitor = out.resource(env, "datadog_monitor", "reports_monitor_schedule_failing");
            assertThat(monitor.path("query").asText()).isEqualTo("sum(last_1h):default_zero(sum:aws.scheduler."
                    + "invocation_dropped_count{schedulegroup:" + env + "-reports}.as_count()) > 0");
            assertThat(monitor.path("message").asText()).contains("@slack-").doesNotContain("@pagerduty-")
                    .contains("https://runbooks.example.com/reports");
            assertThat(out.has(env, "aws_scheduler_schedule", "mailer_schedule")).isFalse();
            assertThat(out.has(env, "datadog_monitor", "mailer_monitor_schedule_failing"))
                    .as("a line without a schedule has no schedule monitor").isFalse();
            assertThat(AwsTextCheck.problems(out.stack(env))).as("every text AWS gets passes its rules").isEmpty();
        }
    }

    @Test
    void aScheduleNeedsAQueueAndValidOptionsAndEachProblemNamesTheLineAndField() {
        assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(
                        Service.web("site", "public.ecr.aws/nginx/nginx:1.27", 80).schedule("rate(1 hour)", "{}"),
                        Service.worker("reports", IMAGE).schedule("cron(0 6 * * * *)", "")),
                List.of(TestEnvironments.stage(), TestEnvironments.prod())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("catalog/site: schedule: schedule needs a queue (a worker, or a web service "
                        + "with .withQueue()), which this service does not have")
                .hasMessageContaining("catalog/reports: schedule.expression: 'cron(0 6 * * * *)': exactly one of "
                        + "day-of-month and day-of-week must be '?'")
                .hasMessageContaining("catalog/reports: schedule.message: must not be empty");
        assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(Service.worker("reports", IMAGE)
                        .schedule(Schedule.of("rate(1 hour)", "{}").inTimeZone("Mars/Olympus"))),
                List.of(TestEnvironments.stage())))
                .hasMessageContaining("catalog/reports: schedule.timeZone: 'Mars/Olympus' is not an IANA time zone");
        assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(Service.worker("reports", IMAGE)
                        .schedule("rate(1 hour)", "AKIAABCDEFGHIJKLMNOP")),
                List.of(TestEnvironments.stage())))
                .hasMessageContaining("catalog/reports: schedule.message: has the form of a credential");
        // A web service with its own queue may have a schedule.
        CatalogValidator.validate(Catalog.of(Service.web("site", "public.ecr.aws/nginx/nginx:1.27", 80).withQueue()
                .schedule("rate(1 hour)", "{}")), List.of(TestEnvironments.stage()));
    }

    @Test
    void theWorkerModuleOffersTheScheduleAndTheWebModuleDoesNot() throws Exception {
        JsonNode worker = StackJson.parse(Files.readString(ModuleGenerator.MODULES.resolve(ModuleKind.WORKER.folder())
                .resolve(ModuleGenerator.MODULE_FILE)));
        JsonNode web = StackJson.parse(Files.readString(ModuleGenerator.MODULES.resolve(ModuleKind.WEB_SERVICE.folder())
                .resolve(ModuleGenerator.MODULE_FILE)));
        assertThat(worker.path("variable").has("schedule")).isTrue();
        assertThat(worker.path("variable").has("schedule_expression")).isTrue();
        assertThat(worker.path("resource").path("aws_scheduler_schedule").path("schedule").path("count").asText())
                .isEqualTo("${var.schedule ? 1 : 0}");
        assertThat(worker.path("resource").path("datadog_monitor").path("monitor_schedule_failing").path("count")
                .asText()).as("the monitor exists where the schedule does").isEqualTo("${var.schedule ? 1 : 0}");
        assertThat(web.path("variable").has("schedule")).as("the web module has no queue to send to").isFalse();
        assertThat(web.path("resource").has("aws_scheduler_schedule")).isFalse();
        assertThat(AwsTextCheck.problems(worker)).isEmpty();
    }
}
