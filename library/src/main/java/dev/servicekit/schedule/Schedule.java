package dev.servicekit.schedule;

import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleFlexibleTimeWindow;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTarget;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetRetryPolicy;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule_group.SchedulerScheduleGroupConfig;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.queue.QueueHandle;
import dev.servicekit.assembly.Role;
import dev.servicekit.assembly.Roles;
import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.assembly.Trust;
import dev.servicekit.rules.AwsLimits.TextRule;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Rules;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Variable;
import dev.servicekit.terraform.Variable.Validation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A message sent to the service's own queue on a schedule: a line's {@code .schedule("cron(0 6 * * ? *)",
 * "{\"job\":\"daily-report\"}")}. The service's consumers receive it like any other message, so a scheduled job
 * is code the worker already runs, with its retries, dead letters and monitors.
 *
 * <p>Resources: an EventBridge Scheduler schedule group of the service's own ({@code <env>-<service>}, tagged like
 * every resource; schedules cannot carry tags), the schedule in it, and a role only EventBridge Scheduler may
 * assume, for this account and this group ({@code aws:SourceAccount}, {@code aws:SourceArn}), that may send to
 * the service's queue and do nothing else. Delivery is retried for up to {@value #RETRY_HOURS} hours
 * ({@value #RETRY_ATTEMPTS} attempts, Scheduler's maximum); a message that still cannot be delivered is dropped,
 * and the {@code schedule_failing} monitor tells the service's chat handle. No dead-letter queue: the message is
 * the line's own, there is nothing to recover from one but the fact that it failed, which the monitor says.
 *
 * @param expression {@code rate(value unit)}, {@code cron(minutes hours day-of-month month day-of-week year)} or
 *                   {@code at(yyyy-mm-ddThh:mm:ss)}, EventBridge Scheduler's syntax ({@link ScheduleExpression})
 * @param message    the message body sent each time, at most {@value #MAX_MESSAGE_LENGTH} characters; it is in the
 *                   configuration and Terraform's state, so never a secret
 * @param timeZone   the IANA time zone cron and at expressions are read in; default {@value #DEFAULT_TIME_ZONE}
 */
public record Schedule(String expression, String message, String timeZone) implements AddOn {
    /** The option's name on a line and a module's inputs. */
    public static final String OPTION = "schedule";
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /**
     * servicekit's own cap on the message: Scheduler's API sets none for a target's input (only a minimum of 1),
     * and SQS takes 256 KiB; but the message is a trigger, not a payload, and it is written into the configuration,
     * Terraform's state and every snapshot, so a larger one is a mistake to catch before apply.
     */
    public static final int MAX_MESSAGE_LENGTH = 8192;
    /** Scheduler's maximum: retries spread over the event's age below. */
    static final int RETRY_ATTEMPTS = 185;
    static final int RETRY_HOURS = 24;
    /** Scheduler's names: a group's and a schedule's (1-64 characters). */
    static final TextRule GROUP_NAME = new TextRule("schedule group name", 1, 64, Pattern.compile("[0-9a-zA-Z._-]+"),
            "letters, digits and ._-");
    static final TextRule SCHEDULE_NAME = new TextRule("schedule name", 1, 64, Pattern.compile("[0-9a-zA-Z._-]+"),
            "letters, digits and ._-");
    static final TextRule DESCRIPTION = new TextRule("schedule description", 0, 512, Pattern.compile("(?s).*"),
            "any characters");
    private static final String SCHEDULER = "scheduler.amazonaws.com";

    /** The schedule a generated worker module offers: its expression, message and time zone are its inputs. */
    public static final Schedule IN_MODULE = new Schedule("${var.schedule_expression}", "${var.schedule_message}",
            "${var.schedule_timezone}");

    /** A schedule in {@value #DEFAULT_TIME_ZONE}. */
    public static Schedule of(String expression, String message) {
        return new Schedule(expression, message, DEFAULT_TIME_ZONE);
    }

    /** This schedule with its cron or at expression read in {@code zone}, e.g. {@code Europe/Berlin}. */
    public Schedule inTimeZone(String zone) {
        return new Schedule(expression, message, zone);
    }

    /** The schedule group's name, and the schedule's: the service's prefix, {@code <env>-<service>}. */
    static String groupName(String awsEnvironment, String service) {
        return awsEnvironment + "-" + service;
    }

    /** The role EventBridge Scheduler sends with. */
    static String roleName(String awsEnvironment, String service) {
        return groupName(awsEnvironment, service) + "-scheduler";
    }

    @Override
    public String option() {
        return OPTION;
    }

    @Override
    public String summary() {
        return "Sends a message to the service's queue on a schedule (EventBridge Scheduler: rate(...), cron(...) or "
                + "at(...)), through a role that may send to this queue alone; a message that cannot be delivered "
                + "within " + RETRY_HOURS + " hours notifies the chat handle.";
    }

    @Override
    public List<AwsName> names(String awsEnvironment, String service) {
        return List.of(new AwsName("schedule group name", groupName(awsEnvironment, service), GROUP_NAME),
                new AwsName("scheduler role name", roleName(awsEnvironment, service),
                        dev.servicekit.rules.AwsLimits.IAM_ROLE_NAME));
    }

    @Override
    public MonitorKind.Needs needs() {
        return MonitorKind.Needs.QUEUE;
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (expression == null || message == null || timeZone == null) {
            problems.put(expression == null ? "expression" : message == null ? "message" : "timeZone",
                    Rules.MUST_NOT_BE_EMPTY);
            return problems;
        }
        ScheduleExpression.problem(expression).ifPresent(problem -> problems.put("expression", problem));
        if (message.isEmpty()) {
            problems.put("message", Rules.MUST_NOT_BE_EMPTY);
        } else if (message.length() > MAX_MESSAGE_LENGTH) {
            problems.put("message", "is " + message.length() + " characters; servicekit takes at most "
                    + MAX_MESSAGE_LENGTH + ": the message is a trigger written into the configuration and the state, "
                    + "not a payload (send a reference to the data instead)");
        } else if (Rules.holdsACredential(message)) {
            problems.put("message", "has the form of a credential (an AWS access key, a private key, a GitHub or "
                    + "Slack token); the message is in the configuration and Terraform's state: send a reference to a "
                    + "secret instead");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.put("timeZone", "'" + timeZone + "' is not an IANA time zone, e.g. UTC or Europe/Berlin");
        }
        return problems;
    }

    @Override
    public Map<String, Map<String, TextRule>> awsTextRules() {
        return Map.of("aws_scheduler_schedule_group", Map.of("name", GROUP_NAME),
                "aws_scheduler_schedule", Map.of("name", SCHEDULE_NAME, "group_name", GROUP_NAME,
                        "description", DESCRIPTION));
    }

    @Override
    public List<Variable> moduleInputs() {
        return List.of(
                Variable.optional(OPTION, "bool", false, summary() + " A boolean, known at plan; the expression and "
                        + "message are schedule_expression and schedule_message.",
                        new Validation("${!var.schedule || var.schedule_expression != null}",
                                "schedule.expression: " + Rules.MUST_NOT_BE_EMPTY + " when schedule is true")),
                Variable.optional("schedule_expression", "string", Variable.NULL, "The EventBridge Scheduler expression "
                        + "the schedule sends on: rate(value unit), cron(minutes hours day-of-month month day-of-week "
                        + "year) or at(yyyy-mm-ddThh:mm:ss).", new Validation("${var.schedule_expression == null || "
                        + "can(regex(\"" + Rules.hclRegex(ScheduleExpression.OUTLINE) + "\", var.schedule_expression))}",
                        "schedule.expression: must be rate(value unit), cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss)")),
                Variable.optional("schedule_message", "string", "{}", "The message body the schedule sends, at most "
                        + MAX_MESSAGE_LENGTH + " characters; never a secret (it is in the state).",
                        new Validation("${length(var.schedule_message) >= 1 && length(var.schedule_message) <= "
                                + MAX_MESSAGE_LENGTH + "}", "schedule.message: must be 1 to " + MAX_MESSAGE_LENGTH
                                + " characters")),
                Variable.optional("schedule_timezone", "string", DEFAULT_TIME_ZONE, "The IANA time zone the "
                        + "schedule's cron or at expression is read in."));
    }

    @Override
    public void declare(ServiceContext service, Condition exists) {
        QueueHandle queue = service.require(QueueHandle.class, OPTION);
        String group = groupName(service.awsEnvironment(), service.awsName());
        String roleName = roleName(service.awsEnvironment(), service.awsName());
        Block scheduleGroup = service.declare("schedule_group", SchedulerScheduleGroupConfig.builder()
                .name(group)
                .tags(service.tags())
                .build()).existsWhen(exists);
        // The group's ARN written out rather than referenced: a reference would make the role wait for the group,
        // and the group's ARN is known from its name.
        String groupArn = "arn:" + service.partition() + ":scheduler:" + service.region() + ":" + service.accountId()
                + ":schedule-group/" + group;
        Block role = Roles.role(service, "schedule_role", roleName, "EventBridge Scheduler for " + group
                + ": sends the schedule's message to " + queue.name(), Trust.fromAccountAndSource(SCHEDULER,
                service.accountId(), groupArn)).existsWhen(exists);
        Role grants = new Role();
        queue.grantSend(grants, "SendToOwnQueue", exists);
        Block policy = Roles.inlinePolicy(service, "schedule_policy", role, roleName, grants).existsWhen(exists);
        Block schedule = service.declare("schedule", SchedulerScheduleConfig.builder()
                .name(group)
                .groupName(scheduleGroup.ref("name"))
                .description("Sends the line's scheduled message to " + queue.name() + ". Managed by servicekit.")
                .scheduleExpression(expression)
                .scheduleExpressionTimezone(timeZone)
                .flexibleTimeWindow(SchedulerScheduleFlexibleTimeWindow.builder().mode("OFF").build())
                .target(SchedulerScheduleTarget.builder()
                        .arn(queue.arn())
                        .roleArn(role.ref("arn"))
                        .input(message)
                        .retryPolicy(SchedulerScheduleTargetRetryPolicy.builder()
                                .maximumEventAgeInSeconds(RETRY_HOURS * 3600)
                                .maximumRetryAttempts(RETRY_ATTEMPTS)
                                .build())
                        .build())
                // The first invocation must find the role allowed to send.
                .dependsOn(List.of(policy))
                .build()).existsWhen(exists);
        service.signals(signals -> signals.withAddOnScope(OPTION, "schedulegroup:" + group));
        service.output("schedule_arn", exists.choose(schedule.expression("arn"), null),
                "ARN of the service's EventBridge Scheduler schedule");
    }
}
