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
}
