package dev.servicekit.assembly;

import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.rules.AwsLimits.TextRule;
import dev.servicekit.rules.AwsName;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Variable;

import java.util.List;
import java.util.Map;

/**
 * Something a catalog line adds to a service beyond what its kind gives it ({@code dev.servicekit.bucket.Bucket},
 * {@code dev.servicekit.schedule.Schedule}), described whole in one place: its options and their problems (with
 * their messages), the AWS names it derives, what the service must have for it, its resources and grants, the AWS
 * text rules of the resource types it writes, and what a generated module offers of it.
 *
 * <p>A new add-on, as the schedule did it: a record implementing this interface in a package of its own (its
 * resource family's slice), an option on {@code dev.servicekit.catalog.Service} that calls {@code addOn(...)},
 * and its entry in {@code Service.ADD_ONS}; monitors of its own, if any, are {@link MonitorKind}s that need it.
 * The modules gain its inputs, and the README its rows, by regeneration ({@code npm run regenerate}).
 */
public interface AddOn {
    /** The option's name on a catalog line, for messages and a generated module's input, e.g. {@code bucket}. */
    String option();

    /** What the add-on gives a service, in one sentence, e.g. for a generated module's input. */
    String summary();

    /** The AWS names the add-on derives in an environment, checked against AWS's rules before synthesis. */
    List<AwsName> names(String awsEnvironment, String service);

    /** The container variables the add-on sets (a line may not set them too), e.g. {@code BUCKET_NAME}. */
    default List<String> variables() {
        return List.of();
    }

    /**
     * What is wrong with the add-on's own options, by field (relative to the option, e.g.
     * {@code noncurrentVersionDays}); empty when nothing is. Each message sits beside its check.
     */
    default Map<String, String> problems() {
        return Map.of();
    }

    /**
     * What the service must have for the add-on, as a monitor kind says it: a line without it is refused before
     * synthesis, and a generated module offers the add-on only where its kind of service has it.
     */
    default MonitorKind.Needs needs() {
        return MonitorKind.Needs.NOTHING;
    }

    /** AWS's rules for the text attributes of the resource types the add-on writes, by type and attribute. */
    default Map<String, Map<String, TextRule>> awsTextRules() {
        return Map.of();
    }

    /**
     * A generated module's inputs for the add-on; empty for the default, a boolean named like the option that
     * switches the add-on with its defaults on.
     */
    default List<Variable> moduleInputs() {
        return List.of();
    }

    /** Where the add-on exists in a generated module: as its inputs say, known at plan. */
    default Condition moduleSwitch() {
        return Condition.expression("var." + option());
    }

    /**
     * Declares the add-on's resources, grants and outputs, where {@code exists} holds (always for a line's; as
     * {@link #moduleSwitch} says in a module). Runs after the service's queue, logs and secrets, before its roles
     * are written.
     */
    void declare(ServiceContext service, Condition exists);
}
