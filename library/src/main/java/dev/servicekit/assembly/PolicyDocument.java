package dev.servicekit.assembly;

import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IAM policy documents as servicekit writes them, in one place: identity policies' Allow statements, resource
 * policies' grants, the deny of requests not made over TLS, and roles' trust; Terraform gets them through
 * {@code jsonencode}.
 */
public final class PolicyDocument {
    private PolicyDocument() {}

    /** An identity policy's Allow statement. */
    public static Map<String, Object> allow(String sid, Object actions, Object resources) {
        Map<String, Object> statement = new TreeMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    /** An identity policy's Allow statement that holds only under {@code condition}, e.g. {@code {"StringEquals": {...}}}. */
    public static Map<String, Object> allow(String sid, Object actions, Object resources, Map<String, Object> condition) {
        Map<String, Object> statement = allow(sid, actions, resources);
        statement.put("Condition", condition);
        return statement;
    }

    /** A resource policy's Allow statement for {@code principal}, e.g. {@code {"Service": "..."}}. */
    public static Map<String, Object> grant(String sid, Object principal, Object actions, Object resources) {
        Map<String, Object> statement = allow(sid, actions, resources);
        statement.put("Principal", principal);
        return statement;
    }

    /** A resource policy's deny of every request not made over TLS. */
    public static Map<String, Object> denyInsecureTransport(Object actions, Object resources) {
        Map<String, Object> statement = new TreeMap<>();
        statement.put("Sid", "DenyInsecureTransport");
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        statement.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        return statement;
    }

    /** A role's trust: {@code service} may assume it, where {@code condition} holds. */
    public static Map<String, Object> trust(String service, Optional<Map<String, Object>> condition) {
        Map<String, Object> assume = new TreeMap<>();
        assume.put("Effect", "Allow");
        assume.put("Principal", new TreeMap<>(Map.of("Service", service)));
        assume.put("Action", "sts:AssumeRole");
        condition.ifPresent(c -> assume.put("Condition", c));
        return assume;
    }

    /** The document {@code {Version, Statement}}. */
    public static Map<String, Object> of(Object statements) {
        Map<String, Object> document = new TreeMap<>();
        // Without a version some APIs read an older policy language (SQS's even hangs on it).
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    /** {@code jsonencode} of the document of {@code statements}. */
    public static String jsonencode(List<Map<String, Object>> statements) {
        return Hcl.jsonencode(of(statements));
    }

    /**
     * A policy of statements that may hold only under a condition Terraform decides (an add-on of a module):
     * those are concatenated to the others where their condition holds.
     */
    public static String ofContributions(List<Contribution<Map<String, Object>>> statements) {
        List<Map<String, Object>> always = statements.stream().filter(s -> s.when().always())
                .map(Contribution::value).toList();
        List<Contribution<Map<String, Object>>> decided = statements.stream()
                .filter(s -> !s.when().always()).toList();
        if (decided.isEmpty()) {
            return jsonencode(always);
        }
        List<String> lists = new ArrayList<>(List.of(Hcl.render(always)));
        decided.forEach(s -> lists.add(Hcl.render(s.when().choose(List.of(s.value()), List.of()))));
        return Hcl.jsonencode(of(Expression.of("concat(" + String.join(", ", lists) + ")")));
    }
}
