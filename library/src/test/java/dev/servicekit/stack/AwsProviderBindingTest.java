package dev.servicekit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** servicekit's AWS provider binding writes the block and the requirement the official class writes. */
class AwsProviderBindingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBindingWritesWhatTheOfficialProviderClassWrites() throws Exception {
        AwsProviderConfig config = AwsProviderConfig.builder()
                .region("eu-west-1")
                .defaultTags(List.of(AwsProviderDefaultTags.builder()
                        .tags(Map.of("environment", "prod", "managed-by", "servicekit")).build()))
                .build();
        App app = Testing.app();
        TerraformStack official = new TerraformStack(app, "official");
        new AwsProvider(official, "aws", config);
        TerraformStack ours = new TerraformStack(app, "ours");
        new AwsProviderBinding(ours, "aws", config);

        JsonNode expected = JSON.readTree(Testing.synth(official));
        JsonNode actual = JSON.readTree(Testing.synth(ours));
        assertThat(actual.path("provider")).isEqualTo(expected.path("provider"));
        // Fully qualified, on purpose: OpenTofu resolves a bare "aws" to another registry (opentofu#2402).
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.path("terraform").path("required_providers").path("aws"))
                .put("source", "hashicorp/aws");
        assertThat(actual.path("terraform").path("required_providers"))
                .isEqualTo(expected.path("terraform").path("required_providers"));
        assertThat(actual.path("terraform").path("required_providers").path("aws").path("version").asText())
                .isEqualTo(AwsProviderBinding.VERSION);
    }
}
