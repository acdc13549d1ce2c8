package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.terraform.Hcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code terraform validate} would catch in synthesized JSON, offline (the registry, and so the
 * providers, are out of reach here): every reference in a {@code ${...}} expression or a
 * {@code depends_on} names a resource, data source, variable or local declared in the same
 * configuration, and every provider used is configured (in a stack) or required (in a module).
 * Duplicate addresses are rejected when the JSON is parsed ({@link StackJson#parse}).
 */
public final class ReferenceCheck {
    /** A reference outside string literals: data.T.N, var.N, local.N, module.N, or T.N for a resource type T. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.-])(data\\.[a-z0-9_]+\\.[A-Za-z0-9_-]+|(?:var|local|module)\\.[A-Za-z0-9_-]+"
                    + "|[a-z][a-z0-9]*_[a-z0-9_]+\\.[A-Za-z_][A-Za-z0-9_-]*)");
    /** The names a for expression binds: {@code for k, v in ...}. */
    private static final Pattern FOR_NAMES = Pattern.compile(
            "\\bfor\\s+([A-Za-z_][\\w-]*)(?:\\s*,\\s*([A-Za-z_][\\w-]*))?\\s+in\\b");

    /** Where providers must be: configured in {@code provider} (a stack), or required (a module). */
    public enum Providers { CONFIGURED, REQUIRED }

    private ReferenceCheck() {}

    /** Every broken reference or missing provider, as {@code <address>: <problem>}; empty when sound. */
    public static List<String> problems(JsonNode config, Providers providers) {
        Set<String> providerNames = new HashSet<>();
        (providers == Providers.CONFIGURED ? config.path("provider") : config.path("terraform").path("required_providers"))
                .fieldNames().forEachRemaining(providerNames::add);
        List<String> problems = new ArrayList<>();
        for (String section : List.of("resource", "data")) {
            String prefix = section.equals("data") ? "data." : "";
            config.path(section).fields().forEachRemaining(type -> {
                String provider = type.getKey().substring(0, type.getKey().indexOf('_'));
                if (!providerNames.contains(provider)) {
                    problems.add(prefix + type.getKey() + ": provider '" + provider + "' is not "
                            + (providers == Providers.CONFIGURED ? "configured" : "required"));
                }
                type.getValue().fields().forEachRemaining(block ->
                        check(prefix + type.getKey() + "." + block.getKey(), block.getValue(), config, problems));
            });
        }
        for (JsonNode move : config.path("moved")) {
            String from = move.path("from").asText();
            String to = move.path("to").asText();
            Set<String> broken = new TreeSet<>();
            resolve(to, config, broken);
            broken.forEach(reference -> problems.add("moved " + from + ": reference to undeclared " + reference));
            if (resolve(from, config, new TreeSet<>())) {
                problems.add("moved " + from + ": " + from + " is still declared (Terraform refuses to move a "
                        + "resource that is still in the configuration)");
            }
            if (!from.substring(0, from.indexOf('.')).equals(to.substring(0, Math.max(0, to.indexOf('.'))))) {
                problems.add("moved " + from + ": to " + to + " is another resource type");
            }
        }
        config.path("output").fields().forEachRemaining(o -> check("output." + o.getKey(), o.getValue(), config, problems));
        config.path("locals").fields().forEachRemaining(l -> check("local." + l.getKey(), l.getValue(), config, problems));
        config.path("variable").fields().forEachRemaining(v -> check("var." + v.getKey(), v.getValue(), config, problems));
        return problems;
    }

    private static void check(String address, JsonNode block, JsonNode config, List<String> problems) {
        Set<String> broken = new TreeSet<>();
        Set<String> iterators = new HashSet<>();
        dynamicLabels(block, iterators);
        collect(block, config, iterators, broken);
        for (JsonNode dependency : block.path("depends_on")) {
            resolve(dependency.asText(), config, broken);
        }
        // Terraform reads each of these as a bare reference (resource, or one of its attributes).
        for (JsonNode trigger : block.path("lifecycle").path("replace_triggered_by")) {
            Matcher reference = REFERENCE.matcher(trigger.asText());
            if (reference.lookingAt() && !trigger.asText().contains("${")) {
                resolve(reference.group(1), config, broken);
            } else {
                broken.add("replace_triggered_by entry '" + trigger.asText() + "' (not a bare reference)");
            }
        }
        broken.forEach(reference -> problems.add(address + ": reference to undeclared " + reference));
    }

    /** A dynamic block's label is its iterator's name inside it: {@code default_action.value}. */
    private static void dynamicLabels(JsonNode node, Set<String> labels) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("dynamic")) {
                field.getValue().fieldNames().forEachRemaining(labels::add);
            }
            dynamicLabels(field.getValue(), labels);
        });
        if (node.isArray()) {
            node.forEach(element -> dynamicLabels(element, labels));
        }
    }

    private static void collect(JsonNode node, JsonNode config, Set<String> iterators, Set<String> broken) {
        if (node.isTextual()) {
            references(node.asText(), config, iterators, broken);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                references(field.getKey(), config, iterators, broken);
                collect(field.getValue(), config, iterators, broken);
            });
        } else {
            node.elements().forEachRemaining(child -> collect(child, config, iterators, broken));
        }
    }

    private static void references(String text, JsonNode config, Set<String> iterators, Set<String> broken) {
        for (String expression : expressions(text)) {
            Set<String> bound = new HashSet<>(iterators);
            Matcher names = FOR_NAMES.matcher(expression);
            while (names.find()) {
                bound.add(names.group(1));
                if (names.group(2) != null) {
                    bound.add(names.group(2));
                }
            }
            Matcher m = REFERENCE.matcher(expression);
            while (m.find()) {
                if (!bound.contains(m.group(1).substring(0, m.group(1).indexOf('.')))) {
                    resolve(m.group(1), config, broken);
                }
            }
        }
    }

    /**
     * Adds {@code reference} (e.g. {@code aws_sqs_queue.q}, {@code data.aws_region.current}) when undeclared;
     * whether it is declared.
     */
    private static boolean resolve(String reference, JsonNode config, Set<String> broken) {
        String[] parts = reference.split("\\.");
        boolean declared = switch (parts[0]) {
            case "data" -> parts.length >= 3 && config.path("data").path(parts[1]).has(parts[2]);
            case "var" -> parts.length >= 2 && config.path("variable").has(parts[1]);
            case "local" -> parts.length >= 2 && config.path("locals").has(parts[1]);
            case "module" -> parts.length >= 2 && config.path("module").has(parts[1]);
            default -> parts.length >= 2 && config.path("resource").path(parts[0]).has(parts[1]);
        };
        if (!declared) {
            broken.add(reference);
        }
        return declared;
    }

    /**
     * The code of every {@code ${...}} expression in a JSON string, with its string literals blanked out
     * (so that text such as {@code "config_file.yaml"} is not taken for a reference) and the templates
     * nested in those literals returned as expressions of their own.
     */
    static List<String> expressions(String text) {
        List<String> found = new ArrayList<>();
        int start = Hcl.nextTemplate(text, 0);
        while (start >= 0) {
            int end = Hcl.closingBrace(text, start + 2);
            scan(text.substring(start + 2, end), found);
            start = Hcl.nextTemplate(text, end);
        }
        return found;
    }

    /** Splits one expression into its code (literals blanked) and the templates inside its literals. */
    private static void scan(String expression, List<String> found) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c != '"') {
                code.append(c);
                i++;
                continue;
            }
            code.append("\"\"");
            i++;
            while (i < expression.length() && expression.charAt(i) != '"') {
                if (expression.charAt(i) == '\\') {
                    i += 2;
                } else if (expression.startsWith("$${", i) || expression.startsWith("%%{", i)) {
                    i += 3;
                } else if (expression.startsWith("${", i) || expression.startsWith("%{", i)) {
                    int end = Hcl.closingBrace(expression, i + 2);
                    scan(expression.substring(i + 2, end), found);
                    i = end + 1;
                } else {
                    i++;
                }
            }
            i++;
        }
        found.add(code.toString());
    }
}
