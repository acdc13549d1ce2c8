package dev.servicekit.validation;

import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;
import dev.servicekit.terraform.Tokens;

/** The customer-managed KMS keys of secrets: a line's, and an environment's default. */
final class SecretRules {
    private SecretRules() {}

    /**
     * A KMS key's ARN, in the environment's region: Parameter Store encrypts a parameter only with a key of its
     * own region, and IAM grants on a key's ARN, not an alias's.
     */
    static void checkKey(Problems.Scope scope, String field, String arn, String region) {
        if (Tokens.isCdktfToken(arn)) {
            return;
        }
        if (!Rules.KMS_KEY_ARN.matcher(arn).matches()) {
            scope.add(field, Rules.badKmsKey(arn));
        } else if (!arn.split(":")[3].equals(region)) {
            scope.add(field, Rules.kmsKeyInOtherRegion(arn, region));
        }
    }
}
