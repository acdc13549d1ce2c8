package dev.servicekit.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.catalog.Service;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.rules.AwsLimits.TextRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Every name, description and tag that synthesized Terraform hands to AWS, checked against
 * {@link AwsLimits}. The provider validates few of them at plan; AWS rejects the rest at apply, after part
 * of the stack exists (an apostrophe in a security group rule's description, say). An AWS attribute named
 * like a name or a description that has no rule here is itself a problem, so a new resource cannot slip
 * through unchecked. Parts that Terraform fills in ({@code ${...}}) are checked as a harmless letter;
 * lengths are checked only for texts without them, or whose expressions have a known form (an account ID).
 */
public final class AwsTextCheck {
    /**
     * Per resource or data source type, the rule of each of its top-level text attributes: those of the resources
     * every service and platform has, and each add-on's own ({@link AddOn#awsTextRules()}).
     */
    static final Map<String, Map<String, TextRule>> RULES = withAddOns(Map.ofEntries(
            entry("aws_security_group", Map.of("name", AwsLimits.SECURITY_GROUP_NAME,
                    "name_prefix", AwsLimits.SECURITY_GROUP_NAME_PREFIX,
                    "description", AwsLimits.SECURITY_GROUP_DESCRIPTION)),
            entry("aws_vpc_security_group_ingress_rule", Map.of("description", AwsLimits.SECURITY_GROUP_RULE_DESCRIPTION)),
            entry("aws_vpc_security_group_egress_rule", Map.of("description", AwsLimits.SECURITY_GROUP_RULE_DESCRIPTION)),
            // The load balancer logs' bucket; a line's bucket brings the same rule.
            entry("aws_s3_bucket", Map.of("bucket", AwsLimits.S3_BUCKET_NAME)),
            entry("aws_iam_role", Map.of("name", AwsLimits.IAM_ROLE_NAME, "description", AwsLimits.IAM_ROLE_DESCRIPTION)),
            entry("aws_iam_role_policy", Map.of("name", AwsLimits.IAM_POLICY_NAME)),
            entry("aws_sqs_queue", Map.of("name", AwsLimits.QUEUE_NAME)),
            entry("aws_cloudwatch_log_group", Map.of("name", AwsLimits.LOG_GROUP_NAME)),
            entry("aws_ecs_service", Map.of("name", AwsLimits.ECS_SERVICE_NAME)),
            entry("aws_ecs_task_definition", Map.of("family", AwsLimits.TASK_FAMILY)),
            entry("aws_ecs_cluster", Map.of("name", AwsLimits.ECS_CLUSTER_NAME, "cluster_name", AwsLimits.ECS_CLUSTER_NAME)),
            entry("aws_lb", Map.of("name", AwsLimits.LOAD_BALANCER_NAME)),
            entry("aws_lb_target_group", Map.of("name", AwsLimits.TARGET_GROUP_NAME)),
            entry("aws_cloudwatch_metric_alarm", Map.of("alarm_name", AwsLimits.ALARM_NAME,
                    "alarm_description", AwsLimits.ALARM_DESCRIPTION)),
            entry("aws_appautoscaling_policy", Map.of("name", AwsLimits.SCALING_POLICY_NAME)),
            entry("aws_acm_certificate", Map.of("domain_name", AwsLimits.CERTIFICATE_DOMAIN_NAME)),
            entry("aws_route53_record", Map.of("name", AwsLimits.DNS_RECORD_NAME))));

    /** Attributes that look like texts but name AWS's own things (a CloudWatch metric, say). */
    private static final Map<String, List<String>> AWS_OWN = Map.of("aws_cloudwatch_metric_alarm", List.of("metric_name"));
    private static final Pattern TEXT_ATTRIBUTE = Pattern.compile(".*(name|name_prefix|description)");

    private AwsTextCheck() {}

    private static Map<String, Map<String, TextRule>> withAddOns(Map<String, Map<String, TextRule>> base) {
        Map<String, Map<String, TextRule>> all = new java.util.TreeMap<>();
        base.forEach((type, rules) -> all.put(type, new java.util.TreeMap<>(rules)));
        Service.ADD_ONS.forEach(addOn -> addOn.awsTextRules().forEach((type, rules) ->
                all.computeIfAbsent(type, t -> new java.util.TreeMap<>()).putAll(rules)));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Every text AWS would reject, as {@code <address>.<attribute>: <problem>}; empty when all pass. */
    public static List<String> problems(JsonNode config) {
        return problems(config, address -> true);
    }

    /**
     * The same, where only the blocks {@code ours} accepts must have a rule for every text attribute: a
     * user's own constructs are checked where a rule exists.
     */
    public static List<String> problems(JsonNode config, java.util.function.Predicate<String> ours) {
        List<String> problems = new ArrayList<>();
        for (String section : List.of("resource", "data")) {
            String prefix = section.equals("data") ? "data." : "";
            config.path(section).fields().forEachRemaining(type -> {
                if (!type.getKey().startsWith("aws_")) {
                    return;
                }
                Map<String, TextRule> rules = RULES.getOrDefault(type.getKey(), Map.of());
                type.getValue().fields().forEachRemaining(block -> {
                    String address = prefix + type.getKey() + "." + block.getKey();
                    block.getValue().fields().forEachRemaining(attribute -> {
                        String name = attribute.getKey();
                        TextRule rule = rules.get(name);
                        if (rule != null) {
                            check(address + "." + name, attribute.getValue(), rule, problems);
                        } else if (ours.test(address) && TEXT_ATTRIBUTE.matcher(name).matches()
                                && !AWS_OWN.getOrDefault(type.getKey(), List.of()).contains(name)) {
                            problems.add(address + "." + name + ": no AwsLimits rule for this text; add one to "
                                    + AwsTextCheck.class.getSimpleName());
                        }
                    });
                    checkTags(address + ".tags", block.getValue().path("tags"), problems);
                });
            });
        }
        for (JsonNode aws : config.path("provider").path("aws")) {
            for (JsonNode defaults : aws.path("default_tags")) {
                checkTags("provider.aws.default_tags", defaults.path("tags"), problems);
            }
        }
        return problems;
    }

    private static void checkTags(String where, JsonNode tags, List<String> problems) {
        if (!tags.isObject()) {
            return;
        }
        if (tags.size() > AwsLimits.MAX_TAGS) {
            problems.add(where + ": " + tags.size() + " tags; AWS allows " + AwsLimits.MAX_TAGS + " per resource");
        }
        tags.fields().forEachRemaining(tag -> {
            check(where + " key " + tag.getKey(), tag.getKey(), AwsLimits.TAG_KEY, problems);
            check(where + "." + tag.getKey(), tag.getValue(), AwsLimits.TAG_VALUE, problems);
        });
    }

    private static void check(String where, JsonNode value, TextRule rule, List<String> problems) {
        if (value.isTextual()) {
            check(where, value.asText(), rule, problems);
        }
    }

    /** Expressions whose value's form is known: the account ID is 12 digits. */
    static final Map<String, String> KNOWN_FORMS = Map.of("${data.aws_caller_identity.current.account_id}",
            "000000000000");

    private static void check(String where, String original, TextRule rule, List<String> problems) {
        // The same texts come back on every resource (tags, above all): each is checked once per rule.
        String problem = CHECKED.computeIfAbsent(rule, r -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(original, text -> problem(text, rule).orElse(NONE));
        if (!problem.equals(NONE)) {
            problems.add(where + ": " + problem);
        }
    }

    private static final String NONE = "";
    private static final Map<TextRule, Map<String, String>> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Optional<String> problem(String original, TextRule rule) {
        String text = original;
        for (Map.Entry<String, String> known : KNOWN_FORMS.entrySet()) {
            text = text.replace(known.getKey(), known.getValue());
        }
        String literal = Hcl.withoutTemplates(text, "x");
        if (literal.equals("x") && !literal.equals(text)) {
            return java.util.Optional.empty(); // one Terraform expression: its value is Terraform's to check
        }
        return java.util.Optional.ofNullable(literal.equals(text)
                ? rule.problem(text)
                : rule.allowed().matcher(literal).matches() ? null : "'" + text + "': AWS allows only "
                        + rule.allowedDescription() + " in the literal parts");
    }
}
