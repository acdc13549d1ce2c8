package dev.servicekit.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.support.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terraform itself evaluates the {@code jsonencode(...)} expressions servicekit writes (container definitions,
 * policies, dashboards): a user's text (made literal with {@link Hcl#literal}, as settings do) with quotes,
 * backslashes, {@code ${}, {@code %{}, tabs or line breaks comes back unchanged.
 */
class JsonEncodeTest {
    @Test
    void terraformDecodesExactlyWhatJavaEncoded(@TempDir Path dir) throws Exception {
        Map<String, Object> value = new TreeMap<>();
        value.put("command", List.of("sh", "-c", "echo \"hello\" && printf '%s\\n' \"${HOME}\" %{x}"));
        value.put("windows path", "C:\\temp\\new");
        value.put("query", "tag:\"environment:prod\" AND NOT tag:\"severity:part\"");
        value.put("lines", "first\nsecond\ttab");
        value.put("nested", Map.of("count", 3, "on", true));

        TerraformDocument document = new TerraformDocument();
        document.output(new TerraformDocument.Output("value", Hcl.jsonencode(literal(value)), "", "value"));
        Files.writeString(dir.resolve("main.tf.json"), new ObjectMapper().writeValueAsString(document.toJson()));

        TerraformCli.Result init = TerraformCli.run(dir, "init", "-backend=false", "-input=false", "-no-color");
        assertThat(init.exit()).as(init.output()).isZero();
        TerraformCli.Result apply = TerraformCli.run(dir, "apply", "-auto-approve", "-input=false", "-no-color");
        assertThat(apply.exit()).as(apply.output()).isZero();
        TerraformCli.Result output = TerraformCli.run(dir, "output", "-raw", "value");
        assertThat(output.exit()).as(output.output()).isZero();
        assertThat(new ObjectMapper().readTree(output.output())).isEqualTo(new ObjectMapper().valueToTree(value));
    }

    /** Every string of a value as a user's text. */
    private static Object literal(Object value) {
        if (value instanceof String text) {
            return Hcl.literal(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), literal(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonEncodeTest::literal).toList();
        }
        return value;
    }
}
