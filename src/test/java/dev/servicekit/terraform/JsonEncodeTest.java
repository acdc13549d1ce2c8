package dev.servicekit.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
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
 * policies, dashboards): a user's text with quotes, backslashes, {@code ${} or {@code %{} comes back unchanged.
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

        App app = Testing.app();
        TerraformStack stack = new TerraformStack(app, "encode");
        new TerraformOutput(stack, "value", TerraformOutputConfig.builder().value(JsonEncode.of(value)).build());
        JsonNode synthesized = new ObjectMapper().readTree(Testing.synth(stack));
        Files.writeString(dir.resolve("main.tf.json"), new ObjectMapper().writeValueAsString(
                Map.of("output", synthesized.path("output"))));

        TerraformCli.Result init = TerraformCli.run(dir, "init", "-backend=false", "-input=false", "-no-color");
        assertThat(init.exit()).as(init.output()).isZero();
        TerraformCli.Result apply = TerraformCli.run(dir, "apply", "-auto-approve", "-input=false", "-no-color");
        assertThat(apply.exit()).as(apply.output()).isZero();
        TerraformCli.Result output = TerraformCli.run(dir, "output", "-raw", "value");
        assertThat(output.exit()).as(output.output()).isZero();
        assertThat(new ObjectMapper().readTree(output.output())).isEqualTo(new ObjectMapper().valueToTree(value));
    }
}
