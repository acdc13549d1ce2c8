package dev.servicekit.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Java values as Terraform JSON: strings, booleans, numbers as JavaScript writes them ({@code 60}, not
 * {@code 60.0}), lists, maps, and servicekit's expressions as interpolations. Recognises values only cdktf
 * can resolve (a user construct's tokens), so that their block goes through cdktf instead.
 */
public final class TerraformJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TerraformJson() {}

    /** {@code value} as a JSON node; null stays null (the caller drops it). */
    public static JsonNode of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Expression expression) {
            return NODES.textNode(expression.toString());
        }
        if (value instanceof Expression.ExpressionList list) {
            return NODES.textNode(list.expression().toString());
        }
        if (value instanceof Expression.ExpressionMap map) {
            return NODES.textNode(map.expression().toString());
        }
        if (value instanceof Condition.Known known) {
            return NODES.booleanNode(known.holds());
        }
        if (value instanceof Condition.Decided decided) {
            return NODES.textNode(decided.toString());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> {
                JsonNode node = of(v);
                if (node != null) {
                    object.set(String.valueOf(k), node);
                }
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(of(element)));
            return array;
        }
        throw new IllegalArgumentException("no Terraform JSON for " + value.getClass().getName() + ": " + value);
    }

    /**
     * Writes {@code node} to {@code file} as compact UTF-8 JSON, streamed: a stack of hundreds of services is
     * tens of megabytes, and indenting it costs more than anything else servicekit does. The committed
     * snapshots (stacks/) are the readable form.
     */
    public static void write(JsonNode node, java.nio.file.Path file) throws java.io.IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file),
                1 << 16)) {
            WRITER.writeValue(out, node);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER =
            new com.fasterxml.jackson.databind.ObjectMapper().writer();

    private static JsonNode number(Number number) {
        if (Tokens.isToken(number)) {
            return Expression.ofNumber(number).<JsonNode>map(e -> NODES.textNode(e.toString()))
                    // A cdktf number token: its block goes through cdktf, which writes the reference.
                    .orElseGet(() -> NODES.numberNode(number.doubleValue()));
        }
        double value = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte ? number.longValue() : number.doubleValue();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            // As a parser reads it back: an int where it fits, so that trees compare equal.
            long integral = (long) value;
            return integral == (int) integral ? NODES.numberNode((int) integral) : NODES.numberNode(integral);
        }
        return NODES.numberNode(value);
    }

    /** True when the node holds a value only cdktf can resolve: a cdktf token in a string, or a number token. */
    public static boolean needsCdktf(JsonNode node) {
        if (node.isTextual()) {
            return Tokens.isCdktfToken(node.asText());
        }
        if (node.isNumber()) {
            return Tokens.isToken(node.doubleValue());
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (needsCdktf(child)) {
                    return true;
                }
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                if (Tokens.isCdktfToken(names.next())) {
                    return true;
                }
            }
        }
        return false;
    }
}
