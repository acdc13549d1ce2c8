package dev.servicekit.bucket;

import dev.servicekit.assembly.PolicyDocument;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An S3 bucket as servicekit makes every one: SSE-S3 (the only encryption Elastic Load Balancing writes to,
 * and one rule for all), public access blocked, versioned, a lifecycle rule, and a policy that denies every
 * request not made over TLS besides the grants the bucket's user needs. A service's bucket and the
 * environment's load balancer log bucket are both this.
 */
public final class PrivateBucket {
    private PrivateBucket() {}

    /** Days after which S3 drops the parts of an upload never completed, in every bucket. */
    public static final int ABORT_UPLOADS_AFTER_DAYS = 7;

    /**
     * A lifecycle expiration that removes a delete marker once no old version is left behind it: on a versioned
     * bucket, deleting or expiring an object adds a marker that S3 otherwise keeps. S3 refuses it beside Days or
     * Date in one expiration (API reference, LifecycleExpiration: "This cannot be specified with Days or Date").
     */
    public static S3BucketLifecycleConfigurationRuleExpiration expiredDeleteMarkers() {
        return S3BucketLifecycleConfigurationRuleExpiration.builder().expiredObjectDeleteMarker(true).build();
    }

    /** The blocks a caller refers to: the bucket itself, and its policy (what writers wait for). */
    public record Blocks(Block bucket, Block policy) {}

    /**
     * @param add     declares a resource at the caller's address for an id ({@code <id>}, {@code <id>_encryption},
     *                {@code <id>_public_access}, {@code <id>_versioning}, {@code <id>_lifecycle}, {@code <id>_policy})
     * @param lifecycle the bucket's lifecycle rules; the first also aborts unfinished uploads after
     *                {@value #ABORT_UPLOADS_AFTER_DAYS} days, in every bucket
     * @param grants  the policy's Allow statements, from the bucket's ARN
     * @param exists  where the bucket exists: always, or as a module's input says
     * @param protect whether the bucket keeps its objects: {@code prevent_destroy} (which the caller sets), and
     *                no {@code force_destroy}. An unprotected bucket is destroyed with every object, old
     *                version and delete marker in it: S3 refuses DeleteBucket while any remains
     *                (BucketNotEmpty), so without {@code force_destroy} (the provider empties the bucket first;
     *                not a replace-forcing attribute) an environment that holds logs or objects could not be
     *                torn down in one command.
     */
    public static Blocks declare(BiFunction<String, Object, Block> add, String id, String name, Map<String, String> tags,
                                 List<S3BucketLifecycleConfigurationRule.Builder> lifecycle,
                                 Function<String, List<Map<String, Object>>> grants, Condition exists, boolean protect) {
        Block bucket = add.apply(id, S3BucketConfig.builder().bucket(name).forceDestroy(!protect).tags(tags).build())
                .existsWhen(exists);
        String bucketId = bucket.ref("id");
        add.apply(id + "_encryption", S3BucketServerSideEncryptionConfigurationAConfig.builder()
                .bucket(bucketId)
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(
                                S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                        .sseAlgorithm("AES256").build())
                        .build()))
                .build()).partOf(bucket).existsWhen(exists);
        Block publicAccess = add.apply(id + "_public_access", S3BucketPublicAccessBlockConfig.builder()
                .bucket(bucketId)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build()).partOf(bucket).existsWhen(exists);
        Block versioning = add.apply(id + "_versioning", S3BucketVersioningAConfig.builder()
                .bucket(bucketId)
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
                .build()).partOf(bucket).existsWhen(exists);
        // A lifecycle rule on noncurrent versions needs versioning on first (AWS's documentation).
        List<S3BucketLifecycleConfigurationRule> rules = new ArrayList<>();
        for (int i = 0; i < lifecycle.size(); i++) {
            rules.add(i == 0 ? lifecycle.get(i).abortIncompleteMultipartUpload(
                    S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                            .daysAfterInitiation(ABORT_UPLOADS_AFTER_DAYS).build()).build() : lifecycle.get(i).build());
        }
        add.apply(id + "_lifecycle", S3BucketLifecycleConfigurationConfig.builder()
                .bucket(bucketId)
                .rule(rules)
                .dependsOn(List.of(versioning))
                .build()).partOf(bucket).existsWhen(exists);
        String arn = bucket.ref("arn");
        List<Map<String, Object>> statements = new ArrayList<>(grants.apply(arn));
        statements.add(PolicyDocument.denyInsecureTransport("s3:*", List.of(arn, arn + "/*")));
        Block policy = add.apply(id + "_policy", S3BucketPolicyConfig.builder()
                .bucket(bucketId)
                .policy(PolicyDocument.jsonencode(statements))
                // S3 refuses a bucket policy while the public access block is being set.
                .dependsOn(List.of(publicAccess))
                .build()).partOf(bucket).existsWhen(exists);
        return new Blocks(bucket, policy);
    }
}
