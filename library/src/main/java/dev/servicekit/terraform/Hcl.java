package dev.servicekit.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java values written as HCL expressions, as cdktf 0.19 writes them inside {@code jsonencode(...)} and
 * function calls: maps as {@code {"key" = value}}, lists as {@code [a, b]}, a string that is one
 * interpolation as the bare expression, any other string as a quoted template whose literal parts are
 * escaped. Strings that come from users pass through {@link #literal} first, so that <code>${</code> in them is
 * text, not an interpolation.
 */
public final class Hcl {
    private Hcl() {}

    /** {@code jsonencode(value)}, interpolated: {@code ${jsonencode({...})}}. */
    public static String jsonencode(Object value) {
        return "${jsonencode(" + render(value) + ")}";
    }

    /** A function call on HCL arguments, interpolated: {@code ${lower(aws_lb.x.arn_suffix)}}. */
    public static String call(String function, Object... arguments) {
        List<String> rendered = new ArrayList<>();
        for (Object argument : arguments) {
            rendered.add(render(argument));
        }
        return "${" + function + "(" + String.join(", ", rendered) + ")}";
    }

    /**
     * User text as it must appear in a Terraform string: <code>${</code> and <code>%{</code> are text, not templates.
     * A cdktf token (a user construct's attribute) stays a token, for cdktf to resolve.
     */
    public static String literal(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean template = (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
            if (template && !(c == '$' && text.startsWith("TfToken[", i + 2))) {
                out.append(c);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A number as Terraform and JavaScript write it: 5, 0.5, 1000. */
    public static String number(Number value) {
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** {@code value} as an HCL expression. */
    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Expression expression) {
            return expression.hcl();
        }
        if (value instanceof Expression.ExpressionList list) {
            return list.expression().hcl();
        }
        if (value instanceof Expression.ExpressionMap map) {
            return map.expression().hcl();
        }
        if (value instanceof Condition.Known known) {
            return String.valueOf(known.holds());
        }
        if (value instanceof Condition.Decided decided) {
            String text = decided.toString();
            return text.substring(2, text.length() - 1);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return Expression.ofNumber(number).map(Expression::hcl).orElseGet(() -> number(number));
        }
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add("\"" + escape(String.valueOf(k)) + "\" = " + render(v)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> elements = new ArrayList<>();
            list.forEach(element -> elements.add(render(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        throw new IllegalArgumentException("no HCL for " + value.getClass().getName() + ": " + value);
    }

    /** A string: the bare expression when it is exactly one interpolation, otherwise a quoted template. */
    private static String string(String text) {
        List<int[]> templates = templates(text);
        if (templates.size() == 1 && templates.get(0)[0] == 0 && templates.get(0)[1] == text.length()
                && !Tokens.isCdktfToken(text)) {
            return text.substring(2, text.length() - 1);
        }
        StringBuilder quoted = new StringBuilder("\"");
        int from = 0;
        for (int[] template : templates) {
            quoted.append(escape(text.substring(from, template[0]))).append(text, template[0], template[1]);
            from = template[1];
        }
        return quoted.append(escape(text.substring(from))).append('"').toString();
    }

    /** The literal part of a string as HCL writes it between quotes. */
    private static String escape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where the {@code ${...}} and {@code %{...}} templates of a string start and end; {@code $${} and
     * {@code %%{} are escapes, not templates.
     */
    static List<int[]> templates(String text) {
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i + 1 < text.length()) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && text.charAt(i + 1) == c && i + 2 < text.length() && text.charAt(i + 2) == '{') {
                i += 3;
            } else if ((c == '$' || c == '%') && text.charAt(i + 1) == '{') {
                int end = Math.min(closingBrace(text, i + 2), text.length() - 1);
                found.add(new int[] {i, end + 1});
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * The index of the brace that closes an expression starting at {@code from} (just after its <code>${</code>),
     * skipping string literals and the templates nested in them; the text's length when nothing closes it.
     */
    public static int closingBrace(String text, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                } else if (text.startsWith("${", i)) {
                    i = closingBrace(text, i + 2);
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** {@code text} with every {@code ${...}} or {@code %{...}} template replaced by {@code replacement}. */
    public static String withoutTemplates(String text, String replacement) {
        StringBuilder literal = new StringBuilder();
        int from = 0;
        int start = nextTemplate(text, 0);
        while (start >= 0) {
            literal.append(text, from, start).append(replacement);
            from = Math.min(text.length(), closingBrace(text, start + 2) + 1);
            start = nextTemplate(text, from);
        }
        return literal.append(text.substring(from)).toString();
    }

    /** Where the next <code>${</code> interpolation or <code>%{</code> directive starts; <code>$${</code> and <code>%%{</code> are escapes. */
    public static int nextTemplate(String text, int from) {
        for (int i = from; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && text.charAt(i + 1) == '{') {
                return i;
            }
            if ((c == '$' || c == '%') && text.charAt(i + 1) == c && i + 2 < text.length() && text.charAt(i + 2) == '{') {
                i += 2;
            }
        }
        return -1;
    }
}
