package dev.servicekit.parts;

import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import dev.servicekit.catalog.Bucket;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Stateful;

import java.util.List;
import java.util.Map;

/**
 * The service's {@link Bucket}: the bucket and its encryption (SSE-S3), public access block, versioning,
 * lifecycle (old versions and unfinished uploads expire) and a policy that denies every request not made
 * over TLS. The task role may list the bucket and read, write and delete its objects, and nothing else of
 * S3; the container finds it in {@value Bucket#VARIABLE}.
 */
public final class BucketPart implements ServicePart {
    static final Stateful OBJECTS = new Stateful("its objects would be lost", List.of("bucket"), true);

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
        String name = Bucket.name(service.settings().awsEnvironment(), service.names().service(),
                service.platform().accountId());
        // Old versions expire after the line's days, and a deleted object's delete marker once no old version
        // is left behind it; a bucket without a lifecycle on current versions may remove it in the same rule.
        PrivateBucket.Blocks blocks = PrivateBucket.declare(service::declare, "bucket", name, tags,
                List.of(S3BucketLifecycleConfigurationRule.builder()
                        .id("expire-old-versions")
                        .status("Enabled")
                        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                        .expiration(PrivateBucket.expiredDeleteMarkers())
                        .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration
                                .builder().noncurrentDays(options.noncurrentVersionDays()).build())),
                arn -> List.of(), exists, service.platform().protectStatefulResources());
        Block bucket = blocks.bucket();
        service.stateful(bucket, OBJECTS);
        String arn = bucket.ref("arn");

        service.environmentVariable(Bucket.VARIABLE, bucket.ref("bucket"), exists);
        service.taskRole().allow("ListOwnBucket", List.of("s3:ListBucket"), List.of(arn), exists);
        service.taskRole().allow("ReadWriteOwnBucket", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                List.of(arn + "/*"), exists);
        service.output("bucket_name", exists.choose(bucket.expression("bucket"), null),
                "Name of the service's S3 bucket");
        service.moduleOutput("bucket_arn", exists.choose(bucket.expression("arn"), null),
                "ARN of the service's S3 bucket");
    }
}
