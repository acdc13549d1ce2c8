package dev.servicekit.catalog;

import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Rules;

import java.util.List;
import java.util.Map;

/**
 * An S3 bucket of the service's own ({@link Service#bucket()}): {@code <env>-<service>-<account ID>}
 * (after the environment's prefix), encrypted, versioned, closed to the public, reachable over TLS only,
 * with old versions expired; {@value #VARIABLE} in the container, read and write for the task role on
 * this bucket only, and {@code prevent_destroy} where the environment protects stateful resources. The
 * account ID keeps the name unique across AWS, where bucket names are global.
 *
 * @param noncurrentVersionDays days a replaced or deleted object's old version is kept; default 30
 */
public record Bucket(int noncurrentVersionDays) implements AddOn {
    /** The bucket a line's {@code .bucket()} and a generated module's {@code bucket = true} give. */
    /** Days an old version is kept unless the line says otherwise. */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 30;
    public static final Bucket DEFAULTS = new Bucket(DEFAULT_NONCURRENT_VERSION_DAYS);
    /** The container variable that names the bucket. */
    public static final String VARIABLE = "BUCKET_NAME";
    /** An account ID's length: the bucket's name ends in it. */
    private static final String ACCOUNT_ID_FORM = "000000000000";

    /** The default bucket, keeping old versions {@code days} days instead. */
    public static Bucket keepingOldVersionsFor(int days) {
        return new Bucket(days);
    }

    /** The bucket's name; {@code accountId} may be a Terraform reference. */
    public static String name(String awsEnvironment, String service, String accountId) {
        return awsEnvironment + "-" + service + "-" + accountId;
    }

    @Override
    public String option() {
        return "bucket";
    }

    @Override
    public String summary() {
        return "Gives the service an S3 bucket, <env>-<service>-<account ID>: encrypted, versioned, not public, "
                + "TLS only, old versions expired after " + noncurrentVersionDays + " days; " + VARIABLE
                + " in the container, read and write for the task role.";
    }

    @Override
    public List<AwsName> names(String awsEnvironment, String service) {
        return List.of(new AwsName("bucket name (its last 12 digits are the account ID)",
                name(awsEnvironment, service, ACCOUNT_ID_FORM), AwsLimits.S3_BUCKET_NAME));
    }

    @Override
    public List<String> variables() {
        return List.of(VARIABLE);
    }

    @Override
    public Map<String, String> problems() {
        return AwsLimits.S3_NONCURRENT_DAYS.contains(noncurrentVersionDays) ? Map.of()
                : Map.of("noncurrentVersionDays", Rules.outside(String.valueOf(noncurrentVersionDays),
                        AwsLimits.S3_NONCURRENT_DAYS));
    }
}
