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
        Map<String, String> blocks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> sections = sorted(stack); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            String name = section.getKey();
            switch (name) {
                case "resource", "data" -> section.getValue().fields().forEachRemaining(type ->
                        type.getValue().fields().forEachRemaining(block ->
                                blocks.put(name + "." + type.getKey() + "." + block.getKey(), render(block.getValue()))));
                case "output", "provider", "variable", "locals", "module" -> section.getValue().fields()
                        .forEachRemaining(block -> blocks.put(name + "." + block.getKey(), render(block.getValue())));
                default -> blocks.put(name, render(section.getValue()));
            }
        }
        return new TreeMap<>(blocks);
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
