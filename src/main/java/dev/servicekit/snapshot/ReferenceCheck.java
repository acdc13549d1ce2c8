package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code terraform validate} would catch in synthesized JSON, offline (the registry, and so the
 * providers, are out of reach here): every {@code ${...}} reference names a resource, data source,
 * variable or local declared in the same configuration, and every provider used is configured (in a
 * stack) or required (in a module). Duplicate addresses are rejected when the JSON is parsed
 * ({@link StackJson#parse}).
 */
public final class ReferenceCheck {
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.\"-])(data\\.([a-z0-9_]+)\\.([A-Za-z0-9_-]+)|var\\.([A-Za-z0-9_-]+)|local\\.([A-Za-z0-9_-]+)"
                    + "|([a-z][a-z0-9]*_[a-z0-9_]+)\\.([A-Za-z_][A-Za-z0-9_-]*))");

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
            config.path(section).fields().forEachRemaining(type -> {
                String provider = type.getKey().substring(0, type.getKey().indexOf('_'));
                if (!providerNames.contains(provider)) {
                    problems.add((section.equals("data") ? "data." : "") + type.getKey() + ": provider '" + provider
                            + "' is not " + (providers == Providers.CONFIGURED ? "configured" : "required"));
                }
                type.getValue().fields().forEachRemaining(block -> check(
                        (section.equals("data") ? "data." : "") + type.getKey() + "." + block.getKey(),
                        block.getValue(), config, providerNames, problems));
            });
        }
        config.path("output").fields().forEachRemaining(o ->
                check("output." + o.getKey(), o.getValue(), config, providerNames, problems));
        config.path("locals").fields().forEachRemaining(l ->
                check("local." + l.getKey(), l.getValue(), config, providerNames, problems));
        return problems;
    }

    private static void check(String address, JsonNode block, JsonNode config, Set<String> providers,
                              List<String> problems) {
        Set<String> broken = new TreeSet<>();
        collect(block, config, providers, broken);
        broken.forEach(reference -> problems.add(address + ": reference to undeclared " + reference));
    }

    private static void collect(JsonNode node, JsonNode config, Set<String> providers, Set<String> broken) {
        if (node.isTextual()) {
            for (String expression : expressions(node.asText())) {
                Matcher m = REFERENCE.matcher(expression);
                while (m.find()) {
                    if (m.group(2) != null) {
                        require(config.path("data").path(m.group(2)).has(m.group(3)), m.group(1), broken);
                    } else if (m.group(4) != null) {
                        require(config.path("variable").has(m.group(4)), m.group(1), broken);
                    } else if (m.group(5) != null) {
                        require(config.path("locals").has(m.group(5)), m.group(1), broken);
                    } else if (providers.contains(m.group(6).substring(0, m.group(6).indexOf('_')))) {
                        require(config.path("resource").path(m.group(6)).has(m.group(7)), m.group(1), broken);
                    }
                }
            }
        } else {
            node.elements().forEachRemaining(child -> collect(child, config, providers, broken));
        }
    }

    private static void require(boolean declared, String reference, Set<String> broken) {
        if (!declared) {
            broken.add(reference);
        }
    }

    /** The Terraform expressions inside {@code ${...}} (braces balanced), nested templates included. */
    static List<String> expressions(String text) {
        List<String> found = new ArrayList<>();
        int start = text.indexOf("${");
        while (start >= 0) {
            int depth = 0;
            int end = start + 1;
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            found.add(text.substring(start + 2, Math.min(end, text.length())));
            start = text.indexOf("${", end);
        }
        return found;
    }
}
