package dev.servicekit.datadog;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Datadog provider's schema as the npm package {@code @cdktf/provider-datadog@10.0.3} (generated from
 * provider 3.33.0) records it: for each resource, every attribute name with its kind, read from the
 * {@code synthesizeAttributes} of {@code lib/<resource>/index.js} and its nested {@code ...ToTerraform}
 * functions.
 */
final class DatadogSchema {
    /** What an attribute holds. */
    enum Kind { STRING, NUMBER, BOOLEAN, LIST, MAP, BLOCK }

    /** One resource's attributes; blocks carry their own attributes. */
    record Attributes(Map<String, Kind> kinds, Map<String, Attributes> blocks) {}

    static final Path PACKAGE = Path.of("node_modules/@cdktf/provider-datadog");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+([a-z0-9_]+): (.+),$");
    private static final Pattern BLOCK_FUNCTION = Pattern.compile("^(?:cdktf\\.listMapper\\()?([a-zA-Z0-9]+ToTerraform)\\b.*");

    private DatadogSchema() {}

    /** The package's version and provider version, to make sure the schema is the one this binding targets. */
    static String packageVersion() throws IOException {
        String json = Files.readString(PACKAGE.resolve("package.json"));
        Matcher m = Pattern.compile("\"version\": \"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + PACKAGE);
        }
        return m.group(1);
    }

    /** @param module the folder under lib/, e.g. {@code monitor}, {@code dashboard-json}, {@code provider} */
    static Attributes of(String module) {
        Path file = PACKAGE.resolve("lib").resolve(module).resolve("index.js");
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("//# sourceMappingURL")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run `npm ci` first: the schema comes from " + PACKAGE, e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("synthesizeAttributes() {")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("no synthesizeAttributes in " + file);
        }
        return attributesFrom(lines, start, new HashMap<>());
    }

    private static Attributes attributesFrom(List<String> lines, int start, Map<String, Attributes> seen) {
        Map<String, Kind> kinds = new HashMap<>();
        Map<String, Attributes> blocks = new HashMap<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("};")) {
                break;
            }
            Matcher m = ATTRIBUTE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String expression = m.group(2);
            Matcher block = BLOCK_FUNCTION.matcher(expression);
            if (expression.startsWith("cdktf.stringToTerraform")) {
                kinds.put(name, Kind.STRING);
            } else if (expression.startsWith("cdktf.numberToTerraform")) {
                kinds.put(name, Kind.NUMBER);
            } else if (expression.startsWith("cdktf.booleanToTerraform")) {
                kinds.put(name, Kind.BOOLEAN);
            } else if (expression.startsWith("cdktf.hashMapper")) {
                kinds.put(name, Kind.MAP);
            } else if (expression.startsWith("cdktf.listMapper(cdktf.")) {
                kinds.put(name, Kind.LIST);
            } else if (block.matches()) {
                kinds.put(name, Kind.BLOCK);
                String function = block.group(1);
                Attributes nested = seen.get(function);
                if (nested == null) {
                    nested = attributesFrom(lines, functionStart(lines, function), seen);
                    seen.put(function, nested);
                }
                blocks.put(name, nested);
            }
        }
        return new Attributes(kinds, blocks);
    }

    private static int functionStart(List<String> lines, String function) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("function " + function + "(")) {
                for (int j = i; j < lines.size(); j++) {
                    if (lines.get(j).trim().equals("return {")) {
                        return j;
                    }
                }
            }
        }
        throw new IllegalStateException("no function " + function);
    }

    /** Every attribute of {@code emitted} that the schema lacks or whose kind differs, as {@code path: why}. */
    static List<String> violations(String path, JsonNode emitted, Attributes schema) {
        List<String> found = new ArrayList<>();
        emitted.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.equals("//") || name.equals("lifecycle") || name.equals("depends_on")
                    || name.equals("provider") || name.equals("count") || name.equals("for_each")) {
                return;
            }
            Kind kind = schema.kinds().get(name);
            JsonNode value = field.getValue();
            String where = path + "." + name;
            if (kind == null) {
                found.add(where + ": not in the provider schema");
                return;
            }
            boolean reference = value.isTextual() && value.asText().startsWith("${");
            boolean fits = reference || switch (kind) {
                case STRING -> value.isTextual();
                case NUMBER -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
                case LIST -> value.isArray();
                case MAP -> value.isObject();
                case BLOCK -> value.isObject() || value.isArray();
            };
            if (!fits) {
                found.add(where + ": expected " + kind + ", got " + value.getNodeType());
            } else if (kind == Kind.BLOCK) {
                for (JsonNode element : value.isArray() ? value : List.of(value)) {
                    found.addAll(violations(where, element, schema.blocks().get(name)));
                }
            }
        });
        return found;
    }
}
