package dev.servicekit.terraform;

import com.hashicorp.cdktf.Fn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's {@code jsonencode(...)} of a Java value, as cdktf's {@code Fn.jsonencode} writes it, with every
 * string made safe for HCL first. cdktf 0.19 renders the value as an HCL expression but escapes only
 * {@code ${} and line breaks in its strings: a quote or a backslash (in a user's command, an environment
 * variable or a monitor search) would end the string or start an escape, and {@code %{} would start a
 * template directive. Terraform then rejects the configuration, or reads something else.
 */
public final class JsonEncode {
    private JsonEncode() {}

    /** The expression {@code jsonencode(value)}; maps, lists, strings, numbers and booleans, nested. */
    public static String of(Object value) {
        return Fn.jsonencode(escaped(value));
    }

    /** {@code text} as an HCL string literal's content: backslashes and quotes escaped, {@code %{} doubled. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("%{", "%%{");
    }

    private static Object escaped(Object value) {
        if (value instanceof String text) {
            return escape(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = map instanceof TreeMap<?, ?> ? new TreeMap<>() : new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(escape(String.valueOf(k)), escaped(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(escaped(element)));
            return copy;
        }
        return value;
    }
}
