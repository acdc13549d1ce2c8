package dev.servicekit.bucket;

import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import dev.servicekit.assembly.AddOn;
import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsName;
import dev.servicekit.rules.Rules;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Stateful;

import java.util.List;
import java.util.Map;

/**
 * An S3 bucket of the service's own (a line's {@code .bucket()}): {@code <env>-<service>-<account ID>}
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
    /** What replacing the bucket would lose. */
    static final Stateful OBJECTS = new Stateful("its objects would be lost", List.of("bucket"), true);
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

    @Override
    public Map<String, Map<String, AwsLimits.TextRule>> awsTextRules() {
        return Map.of("aws_s3_bucket", Map.of("bucket", AwsLimits.S3_BUCKET_NAME));
    }

    /**
     * The bucket and its encryption (SSE-S3), public access block, versioning, lifecycle (old versions and
     * unfinished uploads expire) and a policy that denies every request not made over TLS. The task role may list
     * the bucket and read, write and delete its objects, and nothing else of S3.
     */
    @Override
    public void declare(ServiceContext service, Condition exists) {
        String name = name(service.awsEnvironment(), service.awsName(), service.accountId());
        // Old versions expire after the line's days, and a deleted object's delete marker once no old version
        // is left behind it; a bucket without a lifecycle on current versions may remove it in the same rule.
        PrivateBucket.Blocks blocks = PrivateBucket.declare(service::declare, "bucket", name, service.tags(),
                List.of(S3BucketLifecycleConfigurationRule.builder()
                        .id("expire-old-versions")
                        .status("Enabled")
                        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                        .expiration(PrivateBucket.expiredDeleteMarkers())
                        .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration
                                .builder().noncurrentDays(noncurrentVersionDays).build())),
                arn -> List.of(), exists, service.protectStatefulResources());
        Block bucket = blocks.bucket();
        service.stateful(bucket, OBJECTS);
        String arn = bucket.ref("arn");

        service.environmentVariable(VARIABLE, bucket.ref("bucket"), exists);
        service.taskRole().allow("ListOwnBucket", List.of("s3:ListBucket"), List.of(arn), exists);
        service.taskRole().allow("ReadWriteOwnBucket", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                List.of(arn + "/*"), exists);
        service.output("bucket_name", exists.choose(bucket.expression("bucket"), null),
                "Name of the service's S3 bucket");
        service.moduleOutput("bucket_arn", exists.choose(bucket.expression("arn"), null),
                "ARN of the service's S3 bucket");
    }
}
