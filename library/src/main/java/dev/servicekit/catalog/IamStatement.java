package dev.servicekit.catalog;

import dev.servicekit.rules.Values;

import java.util.List;

/**
 * An extra permission for a service's task role, the escape hatch for access servicekit's parts do not grant:
 * {@code IamStatement.allow("dynamodb:GetItem", "dynamodb:PutItem").on("arn:aws:dynamodb:us-east-1:123456789012:table/orders")}.
 * Resources must be ARNs (or references); {@code *} is refused unless every action is one AWS cannot scope
 * to a resource.
 *
 * @param actions   {@code service:Action}, e.g. {@code s3:GetObject}; wildcards in the action name allowed
 * @param resources ARNs the actions apply to
 */
public record IamStatement(List<String> actions, List<String> resources) {
    public IamStatement {
        actions = Values.list(actions);
        resources = Values.list(resources);
    }

    /** The actions of a statement waiting for its resources. */
    public static Actions allow(String... actions) {
        return new Actions(Values.list(actions));
    }

    /** Allowed actions; {@link #on} names what they apply to. */
    public record Actions(List<String> actions) {
        public IamStatement on(String... resources) {
            return new IamStatement(actions, Values.list(resources));
        }
    }
}
