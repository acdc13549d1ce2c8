package dev.servicekit.validation;

/**
 * Recognises cdktf tokens (Terraform references and variables) without a call into the jsii runtime,
 * which costs about a millisecond each. Validation passes tokens through: their values are only
 * known to Terraform.
 */
public final class Tokens {
    private Tokens() {}

    /**
     * cdktf encodes tokens in strings as {@code ${TfToken[TOKEN.n]}}, and list and map tokens as
     * {@code #{TfToken[...]}} and {@code &{TfToken[...]}} elements or keys.
     */
    public static boolean isToken(String value) {
        return value != null && value.contains("{TfToken[");
    }

    /**
     * cdktf encodes number tokens as doubles with a reserved bit pattern, all of them huge negative
     * values (about -1.8e289); no real cpu, count or threshold comes near.
     */
    public static boolean isToken(Number value) {
        return value != null && value.doubleValue() < -1e280;
    }

    /** A number as Terraform text: its digits, or the reference a number token stands for. */
    public static String text(Number value) {
        return isToken(value) ? com.hashicorp.cdktf.Token.asString(value) : String.valueOf(value);
    }
}
