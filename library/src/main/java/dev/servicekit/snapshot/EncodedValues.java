package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a JSON-encoded attribute holds, for a diff by key: a plain JSON string, or the HCL value inside a
 * {@code ${jsonencode(...)}} expression (dashboards, policies, container definitions as servicekit writes them),
 * its references kept as text. Anything else, or anything it cannot read, stays as it is.
 */
final class EncodedValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSONENCODE = "${jsonencode(";

    private final String text;
    private int at;

    private EncodedValues(String text, int at) {
        this.text = text;
        this.at = at;
    }

    /** The value {@code ${jsonencode(value)}} encodes, if the whole string is one such call on a literal. */
    static Optional<JsonNode> ofJsonencode(String expression) {
        if (!expression.startsWith(JSONENCODE) || !expression.endsWith(")}")) {
            return Optional.empty();
        }
        EncodedValues reader = new EncodedValues(expression, JSONENCODE.length());
        try {
            JsonNode value = reader.value();
            reader.space();
            return reader.at == expression.length() - 2 ? Optional.of(value) : Optional.empty();
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private JsonNode value() {
        space();
        char c = text.charAt(at);
        if (c == '{') {
            ObjectNode object = NODES.objectNode();
            at++;
            while (!next('}')) {
                String key = text.charAt(at) == '"' ? string() : bare();
                space();
                if (!next('=') && !next(':')) {
                    throw new IllegalStateException("no '=' after a key");
                }
                object.set(key, value());
                next(',');
            }
            return object;
        }
        if (c == '[') {
            ArrayNode array = NODES.arrayNode();
            at++;
            while (!next(']')) {
                array.add(value());
                next(',');
            }
            return array;
        }
        if (c == '"') {
            return NODES.textNode(string());
        }
        String word = bare();
        return switch (word) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            case "null" -> NODES.nullNode();
            default -> word.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") ? NODES.numberNode(new BigDecimal(word))
                    : NODES.textNode("${" + word + "}");
        };
    }

    /** A quoted string, its escapes read, its templates kept as written. */
    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\') {
                char escaped = text.charAt(at++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else if ((c == '$' || c == '%') && text.charAt(at) == '{') {
                int end = dev.servicekit.terraform.Hcl.closingBrace(text, at + 1);
                out.append(c).append(text, at, end + 1);
                at = end + 1;
            } else {
                out.append(c);
            }
        }
        at++;
        return out.toString();
    }

    /** An expression that is not a literal (a reference, a call), up to the next separator at its own depth. */
    private String bare() {
        int start = at;
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ',' || c == '=' && text.charAt(at + 1) != '=' && text.charAt(at - 1) != '='
                    && text.charAt(at - 1) != '!' && text.charAt(at - 1) != '<' && text.charAt(at - 1) != '>')) {
                break;
            }
            at++;
        }
        String word = text.substring(start, at).strip();
        if (word.isEmpty()) {
            throw new IllegalStateException("nothing where a value should be");
        }
        return word;
    }

    private boolean next(char c) {
        space();
        if (text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
