package dev.servicekit.validation;

import dev.servicekit.catalog.Access;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.terraform.Tokens;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A line's escape hatches for access: its extra IAM statements and security group rules. */
final class AccessRules {
    private AccessRules() {}

    static void check(ServiceSpec spec, Problems.Scope line) {
        Access access = spec.access();
        List<IamStatement> statements = access.taskPolicies();
        for (int i = 0; i < statements.size(); i++) {
            checkStatement(statements.get(i), "taskPolicy[" + (i + 1) + "]", line);
        }
        int policyCharacters = policyCharacters(statements);
        line.check(policyCharacters <= AwsLimits.ROLE_INLINE_POLICY_CHARACTERS - AwsLimits.TASK_ROLE_OWN_STATEMENTS_CHARACTERS,
                "taskPolicy", Rules.taskPolicyTooLarge(policyCharacters));
        checkRules(access.egress(), "egress", true, line);
        checkRules(access.ingress(), "ingress", false, line);
        // Every task may reach HTTPS anywhere; a web service's tasks admit their load balancer.
        int egressRules = access.egress().size() + 1;
        int ingressRules = access.ingress().size() + (spec.isWeb() ? 1 : 0);
        line.check(egressRules <= AwsLimits.SECURITY_GROUP_RULES_PER_DIRECTION, "egress",
                Rules.tooManyRules("outbound", egressRules));
        line.check(ingressRules <= AwsLimits.SECURITY_GROUP_RULES_PER_DIRECTION, "ingress",
                Rules.tooManyRules("inbound", ingressRules));
    }

    /**
     * The size IAM counts for the line's statements as the task policy writes them, without whitespace:
     * {@code {"Sid":"Line1","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:..."]},}.
     */
    private static int policyCharacters(List<IamStatement> statements) {
        int characters = 0;
        for (int i = 0; i < statements.size(); i++) {
            IamStatement statement = statements.get(i);
            characters += "{\"Sid\":\"Line\",\"Effect\":\"Allow\",\"Action\":[],\"Resource\":[]},".length()
                    + String.valueOf(i + 1).length();
            for (String action : statement.actions()) {
                characters += String.valueOf(action).length() + 3;
            }
            for (String resource : statement.resources()) {
                characters += (resource != null && Tokens.isCdktfToken(resource)
                        ? AwsLimits.REFERENCED_ARN_CHARACTERS : String.valueOf(resource).length()) + 3;
            }
        }
        return characters;
    }

    private static void checkStatement(IamStatement statement, String field, Problems.Scope line) {
        if (statement.actions().isEmpty()) {
            line.add(field + ".actions", Rules.NO_ACTIONS);
        }
        if (statement.resources().isEmpty()) {
            line.add(field + ".resources", Rules.NO_RESOURCES);
        }
        for (String action : statement.actions()) {
            line.check(action != null && AwsLimits.IAM_ACTION.matcher(action).matches(), field + ".actions",
                    Rules.badAction(String.valueOf(action)));
        }
        for (String resource : statement.resources()) {
            if (resource == null) {
                line.add(field + ".resources", Rules.badResource("null"));
            } else if (resource.equals("*")) {
                List<String> scopable = statement.actions().stream()
                        .filter(action -> !AwsLimits.UNSCOPABLE_ACTIONS.contains(action)).toList();
                line.check(scopable.isEmpty(), field + ".resources", Rules.starResource(scopable));
            } else {
                line.check(Tokens.isCdktfToken(resource) || AwsLimits.ARN.matcher(resource).matches(), field + ".resources",
                        Rules.badResource(resource));
            }
        }
    }

    private static void checkRules(List<NetworkRule> rules, String option, boolean egress, Problems.Scope line) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            NetworkRule rule = rules.get(i);
            String field = option + "[" + (i + 1) + "]";
            line.check("tcp".equals(rule.protocol()) || "udp".equals(rule.protocol()), field + ".protocol",
                    Rules.badProtocol(rule.protocol()));
            line.check(AwsLimits.RULE_PORT.contains(rule.fromPort()) && AwsLimits.RULE_PORT.contains(rule.toPort())
                    && rule.fromPort() <= rule.toPort(), field + ".ports", Rules.badPorts(rule.fromPort(), rule.toPort()));
            if (rule.cidr().isPresent() == rule.securityGroupId().isPresent()) {
                line.add(field, Rules.ONE_PEER);
            }
            rule.cidr().filter(cidr -> !Tokens.isCdktfToken(cidr)).ifPresent(cidr -> checkCidr(cidr, field, line));
            rule.securityGroupId().ifPresent(id -> line.check(Tokens.isCdktfToken(id)
                    || AwsLimits.SECURITY_GROUP_ID.matcher(id).matches(), field + ".securityGroup", Rules.badSecurityGroupId(id)));
            if (rule.description() == null || rule.description().isBlank()) {
                line.add(field + ".description", Rules.MUST_NOT_BE_EMPTY);
            } else {
                line.name(field + ".description", rule.description(), AwsLimits.SECURITY_GROUP_RULE_DESCRIPTION);
            }
            String key = rule.protocol() + rule.fromPort() + "-" + rule.toPort() + rule.cidr() + rule.securityGroupId();
            line.check(seen.add(key), field, Rules.RULE_DECLARED_TWICE);
            line.check(!(egress && rule.sameTrafficAs(NetworkRule.HTTPS_ANYWHERE)), field, Rules.RULE_GIVEN_ALREADY);
        }
    }

    /** A block with host bits set (10.0.0.1/16) means its network; the provider refuses it, so name the network. */
    private static void checkCidr(String cidr, String field, Problems.Scope line) {
        if (!AwsLimits.IPV4_CIDR.matcher(cidr).matches()) {
            line.add(field + ".cidr", Rules.badCidr(cidr));
            return;
        }
        String[] addressAndBits = cidr.split("/");
        int bits = Integer.parseInt(addressAndBits[1]);
        long address = 0;
        for (String octet : addressAndBits[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        long network = bits == 0 ? 0 : address & (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        if (network != address) {
            String networkText = (network >> 24 & 255) + "." + (network >> 16 & 255) + "." + (network >> 8 & 255)
                    + "." + (network & 255) + "/" + bits;
            line.add(field + ".cidr", Rules.cidrWithHostBits(cidr, networkText));
        }
    }
}
