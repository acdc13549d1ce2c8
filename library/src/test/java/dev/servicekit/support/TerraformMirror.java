package dev.servicekit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.servicekit.snapshot.ReplaceForcing;
import dev.servicekit.terraform.Hcl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A servicekit configuration as Terraform's own {@code terraform_data} resources, which Terraform plans and applies
 * offline: each resource becomes a {@code terraform_data} at a derived address whose {@code triggers_replace} holds
 * the provider's replace-forcing attributes ({@link ReplaceForcing}) and whose {@code input} holds the rest, with
 * its lifecycle, depends_on, references (to the stand-in's {@code id}, which changes only when it is replaced, as
 * an ARN or ID does), moved and removed blocks. Terraform itself then says what it creates, updates, replaces (and
 * in which order) or refuses, to hold {@link dev.servicekit.snapshot.PlanPreview} to.
 */
public final class TerraformMirror {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> META = Set.of("//", "lifecycle", "depends_on", "count", "for_each", "provider");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.\\-/:])(data\\.[a-z0-9_]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z_][A-Za-z0-9_]*)?(?:\\[\\d+\\])?"
                    + "|[a-z][a-z0-9]*_[a-z0-9_]+\\.[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)");

    private TerraformMirror() {}

    /** The stand-in's address of a servicekit address: {@code aws_sqs_queue.a_queue} is {@code terraform_data.aws_sqs_queue__a_queue}. */
    public static String address(String address) {
        return "terraform_data." + name(address);
    }

    private static String name(String address) {
        return address.replace(".", "__");
    }

    /** The configuration of stand-ins for {@code config}'s resources. */
    public static ObjectNode of(JsonNode config) {
        Set<String> declared = new HashSet<>();
        config.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> declared.add(type.getKey() + "." + name)));
        ObjectNode root = NODES.objectNode();
        ObjectNode resources = root.putObject("resource").putObject("terraform_data");
        config.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(block -> {
            String address = type.getKey() + "." + block.getKey();
            resources.set(name(address), standIn(type.getKey(), block.getValue(), declared));
        }));
        ArrayNode moved = NODES.arrayNode();
        for (JsonNode move : config.path("moved")) {
            moved.addObject().put("from", address(move.path("from").asText())).put("to", address(move.path("to").asText()));
        }
        if (!moved.isEmpty()) {
            root.set("moved", moved);
        }
        ArrayNode removed = NODES.arrayNode();
        for (JsonNode release : config.path("removed")) {
            ObjectNode block = removed.addObject().put("from", address(release.path("from").asText()));
            block.set("lifecycle", release.path("lifecycle").deepCopy());
        }
        if (!removed.isEmpty()) {
            root.set("removed", removed);
        }
        return root;
    }

    private static ObjectNode standIn(String type, JsonNode block, Set<String> declared) {
        ReplaceForcing.Entry entry = ReplaceForcing.of(type);
        Set<String> ignored = new HashSet<>();
        block.path("lifecycle").path("ignore_changes").forEach(a -> ignored.add(a.asText()));
        ObjectNode triggers = NODES.objectNode();
        ObjectNode input = NODES.objectNode();
        block.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (META.contains(key) || ignored.contains(key)) {
                return;
            }
            JsonNode value = rewrite(field.getValue(), declared);
            if (entry.attributes().contains(key)) {
                triggers.set(key, value);
            } else {
                input.set(key, value);
                for (String path : entry.attributes()) {
                    if (path.startsWith(key + ".")) {
                        triggers.set(path, at(value, path.substring(key.length() + 1)));
                    }
                }
            }
        });
        if (ReplaceForcing.isRule(type)) {
            triggers.put("source_kind", ReplaceForcing.RULE_SOURCES.stream().filter(block::has).findFirst().orElse("none"));
        }
        ObjectNode standIn = NODES.objectNode();
        if (!triggers.isEmpty()) {
            standIn.set("triggers_replace", triggers);
        }
        standIn.set("input", input);
        ObjectNode lifecycle = NODES.objectNode();
        JsonNode original = block.path("lifecycle");
        for (String setting : List.of("create_before_destroy", "prevent_destroy")) {
            if (original.has(setting)) {
                lifecycle.set(setting, original.get(setting));
            }
        }
        if (original.has("replace_triggered_by")) {
            ArrayNode triggeredBy = lifecycle.putArray("replace_triggered_by");
            for (JsonNode reference : original.get("replace_triggered_by")) {
                String[] parts = reference.asText().split("\\.");
                String target = parts[0] + "." + parts[1];
                triggeredBy.add(address(target) + (parts.length > 2 ? ".id" : ""));
            }
        }
        if (!lifecycle.isEmpty()) {
            standIn.set("lifecycle", lifecycle);
        }
        if (block.has("depends_on")) {
            ArrayNode dependsOn = standIn.putArray("depends_on");
            for (JsonNode dependency : block.get("depends_on")) {
                if (declared.contains(dependency.asText())) {
                    dependsOn.add(address(dependency.asText()));
                }
            }
        }
        return standIn;
    }

    private static JsonNode at(JsonNode value, String path) {
        JsonNode current = value;
        for (String part : path.split("\\.")) {
            current = current.isArray() && current.size() == 1 ? current.get(0).path(part) : current.path(part);
        }
        return current.isMissingNode() ? NODES.nullNode() : current;
    }

    /** Every reference in {@code ${...}} code points at a stand-in; a data source's value is a constant. */
    private static JsonNode rewrite(JsonNode node, Set<String> declared) {
        if (node.isTextual()) {
            return TextNode.valueOf(rewriteTemplates(node.asText(), declared));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = NODES.objectNode();
            object.fields().forEachRemaining(field -> copy.set(field.getKey(), rewrite(field.getValue(), declared)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = NODES.arrayNode();
            array.forEach(element -> copy.add(rewrite(element, declared)));
            return copy;
        }
        return node;
    }

    private static String rewriteTemplates(String text, Set<String> declared) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("$${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = Hcl.closingBrace(text, i + 2);
                out.append("${").append(rewriteCode(text.substring(i + 2, end), declared)).append("}");
                i = end + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static String rewriteCode(String code, Set<String> declared) {
        Matcher m = REFERENCE.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String reference = m.group(1);
            String replacement = reference;
            if (reference.startsWith("data.")) {
                replacement = "\"" + reference.replaceAll("[^A-Za-z0-9_]", "_") + "\"";
            } else {
                String[] parts = reference.split("\\.");
                String target = parts[0] + "." + parts[1];
                if (declared.contains(target)) {
                    replacement = address(target) + ".id";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
