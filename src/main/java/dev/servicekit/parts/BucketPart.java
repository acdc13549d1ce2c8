package dev.servicekit.parts;

import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import dev.servicekit.catalog.Bucket;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Stateful;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's {@link Bucket}: the bucket and its encryption (SSE-S3), public access block, versioning,
 * lifecycle (old versions and unfinished uploads expire) and a policy that denies every request not made
 * over TLS. The task role may list the bucket and read, write and delete its objects, and nothing else of
 * S3; the container finds it in {@value Bucket#VARIABLE}.
 */
public final class BucketPart implements ServicePart {
    static final Stateful OBJECTS = new Stateful("its objects would be lost", List.of("bucket"), true);
    /** Days after which an upload that never completed is aborted, and its parts deleted. */
    static final int ABORT_UPLOADS_AFTER_DAYS = 7;

    private final Bucket options;
    private final Condition exists;

    /** @param exists where the bucket exists: always for a line's, as its boolean input says in a module */
    BucketPart(Bucket options, Condition exists) {
        this.options = options;
        this.exists = exists;
    }

    @Override
    public String name() {
        return "bucket";
    }

    @Override
    public void declare(ServiceAssembly service) {
        Map<String, String> tags = service.settings().tags();
        String name = Bucket.name(service.settings().awsEnvironment(), service.settings().name(),
                service.platform().accountId());
        Block bucket = service.resource("bucket", S3BucketConfig.builder().bucket(name).tags(tags).build())
                .existsWhen(exists);
        service.stateful(bucket, OBJECTS);
        String id = bucket.ref("id");
        service.resource("bucket_encryption", S3BucketServerSideEncryptionConfigurationAConfig.builder()
                .bucket(id)
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(
                                S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                        .sseAlgorithm("AES256").build())
                        .build()))
                .build()).existsWhen(exists);
        Block publicAccess = service.resource("bucket_public_access", S3BucketPublicAccessBlockConfig.builder()
                .bucket(id)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build()).existsWhen(exists);
        Block versioning = service.resource("bucket_versioning", S3BucketVersioningAConfig.builder()
                .bucket(id)
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
                .build()).existsWhen(exists);
        // A lifecycle rule on noncurrent versions needs versioning on first (AWS's documentation).
        service.resource("bucket_lifecycle", S3BucketLifecycleConfigurationConfig.builder()
                .bucket(id)
                .rule(List.of(S3BucketLifecycleConfigurationRule.builder()
                        .id("expire-old-versions")
                        .status("Enabled")
                        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                        .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration
                                .builder().noncurrentDays(options.noncurrentVersionDays()).build())
                        .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload
                                .builder().daysAfterInitiation(ABORT_UPLOADS_AFTER_DAYS).build())
                        .build()))
                .dependsOn(List.of(versioning))
                .build()).existsWhen(exists);
        String arn = bucket.ref("arn");
        service.resource("bucket_policy", S3BucketPolicyConfig.builder()
                .bucket(id)
                .policy(Hcl.jsonencode(tlsOnly(arn)))
                // S3 refuses a bucket policy while the public access block is being set.
                .dependsOn(List.of(publicAccess))
                .build()).existsWhen(exists);

        service.environmentVariable(Bucket.VARIABLE, bucket.ref("bucket"), exists);
        service.taskRole().allow("ListOwnBucket", List.of("s3:ListBucket"), List.of(arn), exists);
        service.taskRole().allow("ReadWriteOwnBucket", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                List.of(arn + "/*"), exists);
        service.output("bucket_name", exists.choose(bucket.expression("bucket"), null),
                "Name of the service's S3 bucket");
        service.moduleOutput("bucket_arn", exists.choose(bucket.expression("arn"), null),
                "ARN of the service's S3 bucket");
    }

    /** Denies every request to the bucket and its objects that does not come over TLS. */
    private static Map<String, Object> tlsOnly(String arn) {
        Map<String, Object> deny = new TreeMap<>();
        deny.put("Sid", "DenyInsecureTransport");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "s3:*");
        deny.put("Resource", List.of(arn, arn + "/*"));
        deny.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        Map<String, Object> policy = new TreeMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(deny));
        return policy;
    }
}
