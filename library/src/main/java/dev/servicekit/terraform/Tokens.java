package dev.servicekit.terraform;

/**
 * Recognises values Terraform fills in: cdktf tokens (a user's construct's attributes) and servicekit's own
 * expressions ({@link Expression}), without a call into the jsii runtime. Validation passes them through:
 * their values are only known to Terraform.
 */
public final class Tokens {
    private Tokens() {}

    /** True when the text holds a cdktf token, which only cdktf can resolve. */
    public static boolean isCdktfToken(String value) {
        return value != null && value.contains("{TfToken[");
    }

    /**
     * True for a number that stands for an expression: cdktf's number tokens and servicekit's
     * ({@link Expression#number}) are doubles of a reserved range, about -1.6e289 to -1.8e289; no real cpu,
     * count or threshold comes near.
     */
    public static boolean isToken(Number value) {
        return value != null && value.doubleValue() < -1e280;
    }

    /** A number as Terraform text: its digits, or the expression it stands for. */
    public static String text(Number value) {
        if (isToken(value)) {
            return Expression.ofNumber(value).map(Expression::toString)
                    .orElseThrow(() -> new IllegalArgumentException("a cdktf number token cannot be written as text"));
        }
        return Hcl.number(value);
    }
}
