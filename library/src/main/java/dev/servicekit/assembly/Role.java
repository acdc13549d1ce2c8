package dev.servicekit.assembly;

import dev.servicekit.terraform.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A role's permissions as parts and add-ons grant them on their own resources ({@link dev.servicekit.queue.QueueHandle#grantSend},
 * ...); whoever declares the role writes them as its inline policy ({@link Roles#inlinePolicy}).
 */
public final class Role {
    private final List<Contribution<Map<String, Object>>> statements = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();

    /** A managed policy attached to a role, named {@code id} among the service's resources. */
    public record Attachment(String id, String policyArn, Condition when) {}

    /** Grants {@code actions} on {@code resources}; {@code sid} names the grant (letters and digits). */
    public void allow(String sid, List<String> actions, List<String> resources) {
        allow(sid, actions, resources, Condition.ALWAYS);
    }

    /** Grants {@code actions} on {@code resources} where {@code when} holds. */
    public void allow(String sid, List<String> actions, List<String> resources, Condition when) {
        if (!when.never()) {
            statements.add(new Contribution<>(PolicyDocument.allow(sid, actions, resources), when));
        }
    }

    /**
     * Grants {@code actions} on {@code resources} under the IAM {@code condition} (e.g. {@code kms:ViaService}),
     * where {@code when} holds; resources may be an expression of a list (a module's input).
     */
    public void allow(String sid, List<String> actions, Object resources, Map<String, Object> condition,
                      Condition when) {
        if (!when.never()) {
            statements.add(new Contribution<>(PolicyDocument.allow(sid, actions, resources, condition), when));
        }
    }

    /** Attaches a managed policy, where {@code when} holds. */
    public void attach(String id, String policyArn, Condition when) {
        attachments.add(new Attachment(id, policyArn, when));
    }

    /** The grants so far, in the order they were made. */
    public List<Contribution<Map<String, Object>>> statements() {
        return List.copyOf(statements);
    }

    /** Where any grant holds: the role's inline policy exists exactly there. */
    public Condition anyGrant() {
        return Condition.anyOf(statements.stream().map(Contribution::when).toList());
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }
}
