package dev.servicekit.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform JSON as snapshots keep it: keys sorted, two-space indentation, one trailing newline, so the
 * same stack gives the same bytes on every machine and diffs line up in review.
 */
public final class StackJson {
    /** Duplicate keys (two resources at one address) are an error, not a silent overwrite. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StackJson() {}

    public static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            String message = e.getOriginalMessage().startsWith("Duplicate field")
                    ? e.getOriginalMessage().replace("Duplicate field", "two blocks share the address") + where
                    : "not valid Terraform JSON: " + e.getOriginalMessage() + where;
            throw new IllegalArgumentException(message, e);
        }
    }

    /** The canonical text of {@code node}. */
    public static String render(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.append('\n').toString();
    }

    /**
     * The stack cut into its blocks, by address: {@code resource.aws_sqs_queue.auth_queue},
     * {@code data.aws_partition.current}, {@code output.auth_queue_url}, {@code provider.aws},
     * {@code terraform}, ... each with its canonical text.
     */
    public static Map<String, String> blocks(JsonNode stack) {
        Map<String, String> blocks = new TreeMap<>();
        blockNodes(stack).forEach((address, block) -> blocks.put(address, render(block)));
        return blocks;
    }

    /** The stack cut into its blocks, as {@link #blocks(JsonNode)}, each as its JSON. */
    public static Map<String, JsonNode> blockNodes(JsonNode stack) {
        Map<String, JsonNode> blocks = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = sorted(stack); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            String name = section.getKey();
            switch (name) {
                case "resource", "data" -> section.getValue().fields().forEachRemaining(type ->
                        type.getValue().fields().forEachRemaining(block ->
                                blocks.put(name + "." + type.getKey() + "." + block.getKey(), block.getValue())));
                case "output", "provider", "variable", "locals", "module" -> section.getValue().fields()
                        .forEachRemaining(block -> blocks.put(name + "." + block.getKey(), block.getValue()));
                default -> blocks.put(name, section.getValue());
            }
        }
        return blocks;
    }

    /**
     * {@code node} with every string that holds a JSON object or list (a dashboard, a policy document, a redrive
     * policy) replaced by what it encodes, for a diff by key.
     */
    public static JsonNode decoded(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue().strip();
            java.util.Optional<JsonNode> encoded = EncodedValues.ofJsonencode(text);
            if (encoded.isPresent()) {
                return decoded(encoded.get());
            }
            if (text.startsWith("{") && text.endsWith("}") || text.startsWith("[") && text.endsWith("]")) {
                try {
                    return decoded(STRICT.readTree(text));
                } catch (JsonProcessingException e) {
                    return node;
                }
            }
            return node;
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = STRICT.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), decoded(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = STRICT.createArrayNode();
            node.forEach(element -> copy.add(decoded(element)));
            return copy;
        }
        return node;
    }

    private static Iterator<Map.Entry<String, JsonNode>> sorted(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields.entrySet().iterator();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        String inner = indent + "  ";
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            List<String> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = sorted(node); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                StringBuilder entry = new StringBuilder(inner).append(new TextNode(field.getKey())).append(": ");
                write(field.getValue(), inner, entry);
                entries.add(entry.toString());
            }
            out.append(String.join(",\n", entries)).append('\n').append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            List<String> entries = new ArrayList<>();
            for (JsonNode element : node) {
                StringBuilder entry = new StringBuilder(inner);
                write(element, inner, entry);
                entries.add(entry.toString());
            }
            out.append(String.join(",\n", entries)).append('\n').append(indent).append(']');
        } else {
            out.append(node);
        }
    }
}
