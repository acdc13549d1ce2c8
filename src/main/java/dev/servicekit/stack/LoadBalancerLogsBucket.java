package dev.servicekit.stack;

import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.TerraformDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment's bucket for its load balancers' access logs, {@code <env>-lb-logs-<account ID>}: SSE-S3
 * (the only encryption ELB writes to), public access blocked, versioned, logs expired after the environment's
 * log retention, TLS only, and writable by Elastic Load Balancing's log delivery for this account's load
 * balancers alone. Addresses start with {@code environment_}, a name no service may take.
 */
final class LoadBalancerLogsBucket {
    static final Stateful ACCESS_LOGS = new Stateful("its access logs would be lost", List.of("bucket"), true);
    /** Days after which an unfinished upload is aborted, and a replaced log object's old version expires. */
    static final int CLEAN_UP_DAYS = 7;

    private final Block bucket;
    private final Block policy;

    LoadBalancerLogsBucket(TerraformDocument document, Environment environment, Map<String, String> tags,
                           String accountId, String partition) {
        String name = EnvironmentNames.of(environment).loadBalancerLogsBucket(accountId);
        bucket = add(document, "bucket", "lb_logs", S3BucketConfig.builder().bucket(name).tags(tags).build());
        bucket.stateful(ACCESS_LOGS);
        bucket.addOverride("lifecycle.prevent_destroy", environment.protectStatefulResources());
        String id = bucket.ref("id");
        add(document, "encryption", "lb_logs_encryption", S3BucketServerSideEncryptionConfigurationAConfig.builder()
                .bucket(id)
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(
                                S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                        .sseAlgorithm("AES256").build())
                        .build()))
                .build());
        Block publicAccess = add(document, "public-access", "lb_logs_public_access",
                S3BucketPublicAccessBlockConfig.builder().bucket(id).blockPublicAcls(true).blockPublicPolicy(true)
                        .ignorePublicAcls(true).restrictPublicBuckets(true).build());
        Block versioning = add(document, "versioning", "lb_logs_versioning", S3BucketVersioningAConfig.builder()
                .bucket(id)
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
                .build());
        S3BucketLifecycleConfigurationRule.Builder rule = S3BucketLifecycleConfigurationRule.builder()
                .id("expire-logs")
                .status("Enabled")
                .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                        .noncurrentDays(CLEAN_UP_DAYS).build())
                .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                        .daysAfterInitiation(CLEAN_UP_DAYS).build());
        if (environment.logRetentionDays() > 0) {
            rule.expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                    .days(environment.logRetentionDays()).build());
        }
        add(document, "lifecycle", "lb_logs_lifecycle", S3BucketLifecycleConfigurationConfig.builder()
                .bucket(id).rule(List.of(rule.build())).dependsOn(List.of(versioning)).build());
        policy = add(document, "policy", "lb_logs_policy", S3BucketPolicyConfig.builder()
                .bucket(id)
                .policy(Hcl.jsonencode(policy(environment.region(), accountId, partition, bucket.ref("arn"))))
                .dependsOn(List.of(publicAccess))
                .build());
    }

    /** The bucket's name, for the load balancers' {@code access_logs}. */
    String name() {
        return bucket.ref("id");
    }

    /** What a load balancer waits for: ELB checks that it may write when the load balancer is created. */
    Block policy() {
        return policy;
    }

    /**
     * Log delivery may put objects under {@code <prefix>/AWSLogs/<account>/} (each load balancer writes under
     * its service's prefix), as the service principal and, in the regions that have one, the region's ELB
     * account; every request not over TLS is denied.
     */
    private static Map<String, Object> policy(String region, String accountId, String partition, String arn) {
        String logs = arn + "/*/AWSLogs/" + accountId + "/*";
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(statement("AllowLoadBalancerLogDelivery", "Allow",
                Map.of("Service", AwsLimits.ELB_LOG_DELIVERY_SERVICE), "s3:PutObject", List.of(logs)));
        String elbAccount = AwsLimits.ELB_LOG_DELIVERY_ACCOUNTS.get(region);
        if (elbAccount != null) {
            statements.add(statement("AllowRegionalLoadBalancerAccount", "Allow",
                    Map.of("AWS", "arn:" + partition + ":iam::" + elbAccount + ":root"), "s3:PutObject", List.of(logs)));
        }
        Map<String, Object> deny = statement("DenyInsecureTransport", "Deny", "*", "s3:*", List.of(arn, arn + "/*"));
        deny.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        statements.add(deny);
        Map<String, Object> policy = new TreeMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", statements);
        return policy;
    }

    private static Map<String, Object> statement(String sid, String effect, Object principal, String action,
                                                 List<String> resources) {
        Map<String, Object> statement = new TreeMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        statement.put("Principal", principal);
        statement.put("Action", action);
        statement.put("Resource", resources);
        return statement;
    }

    private static Block add(TerraformDocument document, String id, String part, Object config) {
        return document.add(Block.resource("environment_" + part, config).path("lb-logs/" + id));
    }
}
