package dev.servicekit.parts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.generation.ModuleGenerator;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A secret under a customer-managed KMS key: ECS's execution role reads the SecureString through SSM, which
 * decrypts it with the role's permissions, so the role needs kms:Decrypt on that key (the AWS-managed aws/ssm
 * key grants it to the account's principals by its own key policy). servicekit grants it on the named keys
 * only, through SSM only, and for the service's own parameters only.
 */
class SecretKeysTest {
    private static final String IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
    private static final String LINE_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PROD_KEY = "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";

    @Test
    void theExecutionRoleDecryptsWithTheNamedKeysThroughSsmForItsOwnParametersOnly() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("billing", IMAGE).secret("DB_PASSWORD", LINE_KEY)
                        .secret("API_TOKEN"), Service.worker("plain", IMAGE).secret("TOKEN")),
                TestEnvironments.context(Map.of(), Map.of("secretsKmsKeyArn", PROD_KEY)));
        String parameter = "arn:${data.aws_partition.current.partition}:ssm:us-east-1:"
                + "${data.aws_caller_identity.current.account_id}:parameter/";
        assertThat(executionPolicy(out, "stage", "billing"))
                .contains("{\"Action\" = [\"kms:Decrypt\"], \"Condition\" = {\"StringEquals\" = {"
                        + "\"kms:EncryptionContext:PARAMETER_ARN\" = [\"" + parameter + "stage/billing/DB_PASSWORD\"], "
                        + "\"kms:ViaService\" = \"ssm.us-east-1.amazonaws.com\"}}, \"Effect\" = \"Allow\", \"Resource\" = [\""
                        + LINE_KEY + "\"], \"Sid\" = \"DecryptOwnSecrets\"}")
                .as("API_TOKEN is under aws/ssm in stage, whose key policy lets the account decrypt")
                .doesNotContain("stage/billing/API_TOKEN\"], \"kms");
        assertThat(executionPolicy(out, "prod", "billing"))
                .as("prod's default key for the secrets without a key of their own")
                .contains("\"kms:EncryptionContext:PARAMETER_ARN\" = [\"" + parameter + "prod/billing/API_TOKEN\", \""
                        + parameter + "prod/billing/DB_PASSWORD\"]")
                .contains("\"Resource\" = [\"" + LINE_KEY + "\", \"" + PROD_KEY + "\"], \"Sid\" = \"DecryptOwnSecrets\"");
        assertThat(executionPolicy(out, "stage", "plain")).doesNotContain("kms:");
        assertThat(executionPolicy(out, "prod", "plain")).contains("\"Resource\" = [\"" + PROD_KEY + "\"]");
    }

    @Test
    void aKeyMustBeAKmsKeyArnOfTheEnvironmentsRegion() {
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Service.worker("billing", IMAGE)
                        .secret("DB_PASSWORD", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                        .secret("API_TOKEN", "alias/payments")), TestEnvironments.context()))
                .hasMessageContaining("catalog/billing: secret.API_TOKEN.kmsKeyArn: 'alias/payments' is not a KMS key ARN")
                .hasMessageContaining("catalog/billing: secret.DB_PASSWORD.kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:"
                        + "key/1234abcd-12ab-34cd-56ef-1234567890ab' is in another region than the environment's (us-east-1)");
        assertThatThrownBy(() -> Synthesized.of(Catalog.of(Service.worker("billing", IMAGE).secret("TOKEN")),
                TestEnvironments.context(Map.of("secretsKmsKeyArn", "arn:aws:kms:us-east-1:123456789012:alias/x"), Map.of())))
                .hasMessageContaining("stage: secretsKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/x' is not a KMS "
                        + "key ARN");
    }

    @Test
    void theModulesTakeOneKeyForTheirSecrets() throws Exception {
        for (Map.Entry<Path, String> file : ModuleGenerator.generate().entrySet()) {
            if (!file.getKey().endsWith(ModuleGenerator.MODULE_FILE)) {
                continue;
            }
            JsonNode module = StackJson.parse(file.getValue());
            assertThat(module.path("variable").path("secrets_kms_key_arn").path("type").asText()).isEqualTo("string");
            assertThat(module.path("resource").path("aws_iam_role_policy").path("execution_policy").path("policy").asText())
                    .as(file.getKey().toString())
                    .as("a statement only where the key input is set, on that key, for the module's own parameters")
                    .contains("length(var.secrets_kms_key_arn == null ? {} : {for s in var.secrets : s => "
                            + "var.secrets_kms_key_arn}) > 0 ? [{\"Action\" = [\"kms:Decrypt\"]")
                    .contains("\"Resource\" = distinct(values(var.secrets_kms_key_arn == null ? {} : ")
                    .contains(":parameter/${var.environment}/${var.name}/${s}\"]")
                    .contains("\"kms:ViaService\" = \"ssm.${data.aws_region.current.name}.amazonaws.com\"");
        }
    }

    private static String executionPolicy(Synthesized out, String env, String service) {
        return out.resource(env, "aws_iam_role_policy", service + "_execution_policy").path("policy").asText();
    }
}
