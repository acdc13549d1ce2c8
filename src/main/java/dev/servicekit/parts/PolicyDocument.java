package dev.servicekit.parts;

import dev.servicekit.terraform.Hcl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IAM policy documents as Terraform writes them: {@code jsonencode} of the statements. */
final class PolicyDocument {
    private PolicyDocument() {}

    /** An Allow statement. */
    static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new TreeMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    /** {@code jsonencode({Version, Statement})}. */
    static String of(List<Map<String, Object>> statements) {
        Map<String, Object> document = new TreeMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return Hcl.jsonencode(document);
    }

    /**
     * A policy of statements that may hold only under a condition Terraform decides (an add-on of a module):
     * those are concatenated to the others where their condition holds.
     */
    static String ofContributions(List<ServiceAssembly.Contribution<Map<String, Object>>> statements) {
        List<Map<String, Object>> always = statements.stream().filter(s -> s.when().always())
                .map(ServiceAssembly.Contribution::value).toList();
        List<ServiceAssembly.Contribution<Map<String, Object>>> decided = statements.stream()
                .filter(s -> !s.when().always()).toList();
        if (decided.isEmpty()) {
            return of(always);
        }
        List<String> lists = new java.util.ArrayList<>(List.of(Hcl.render(always)));
        decided.forEach(s -> lists.add(Hcl.render(s.when().choose(List.of(s.value()), List.of()))));
        Map<String, Object> document = new TreeMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", dev.servicekit.terraform.Expression.of("concat(" + String.join(", ", lists) + ")"));
        return Hcl.jsonencode(document);
    }
}
