package dev.servicekit.stack;

import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import dev.servicekit.environment.Environment;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.terraform.Block;
import dev.servicekit.assembly.PolicyDocument;
import dev.servicekit.bucket.PrivateBucket;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.TerraformDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment's bucket for its load balancers' access logs, {@code <env>-lb-logs-<account ID>}: SSE-S3
 * (the only encryption ELB writes to), public access blocked, versioned, logs expired after the environment's
 * log retention, TLS only, and writable by Elastic Load Balancing's log delivery for this account's load
 * balancers alone. Addresses start with {@code environment_}, a name no service may take.
 */
final class LoadBalancerLogsBucket {
    static final Stateful ACCESS_LOGS = new Stateful("its access logs would be lost", List.of("bucket"), true);
    /**
     * Days a log stays as an old version once expired: S3's smallest step. On a versioned bucket, expiring a
     * log only adds a delete marker; the log itself goes when its noncurrent version expires.
     */
    static final int OLD_VERSION_DAYS = 1;

    private final Block bucket;
    private final Block policy;

    LoadBalancerLogsBucket(TerraformDocument document, Environment environment, Map<String, String> tags,
                           String accountId, String partition) {
        String name = EnvironmentNames.of(environment).loadBalancerLogsBucket(accountId);
        S3BucketLifecycleConfigurationRule.Builder logs = S3BucketLifecycleConfigurationRule.builder()
                .id("expire-logs")
                .status("Enabled")
                .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                        .noncurrentDays(OLD_VERSION_DAYS).build());
        if (environment.logRetentionDays() > 0) {
            // Current version for the retention less a day, then a day as an old version: gone for good after the
            // retention (S3 counts to the next midnight UTC; a 1-day retention keeps logs 2 days, S3's least).
            logs.expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                    .days(Math.max(1, environment.logRetentionDays() - OLD_VERSION_DAYS)).build());
        }
        // A separate rule: S3 removes an expired log's delete marker with Days only once it is old enough; with
        // ExpiredObjectDeleteMarker as soon as no version is left behind it (S3 User Guide, "Managing delete markers").
        S3BucketLifecycleConfigurationRule.Builder markers = S3BucketLifecycleConfigurationRule.builder()
                .id("remove-expired-delete-markers")
                .status("Enabled")
                .filter(S3BucketLifecycleConfigurationRuleFilter.builder().build())
                .expiration(PrivateBucket.expiredDeleteMarkers());
        PrivateBucket.Blocks blocks = PrivateBucket.declare((id, config) -> document.add(
                Block.resource("environment_" + id, config).path("lb-logs/" + id)), "lb_logs", name, tags,
                List.of(logs, markers), arn -> grants(environment.region(), accountId, partition, arn), Condition.ALWAYS,
                environment.protectStatefulResources());
        bucket = blocks.bucket();
        bucket.stateful(ACCESS_LOGS);
        bucket.addOverride("lifecycle.prevent_destroy", environment.protectStatefulResources());
        policy = blocks.policy();
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
     * account.
     */
    private static List<Map<String, Object>> grants(String region, String accountId, String partition, String arn) {
        List<String> logs = List.of(arn + "/*/AWSLogs/" + accountId + "/*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyDocument.grant("AllowLoadBalancerLogDelivery",
                Map.of("Service", AwsLimits.ELB_LOG_DELIVERY_SERVICE), "s3:PutObject", logs));
        String elbAccount = AwsLimits.ELB_LOG_DELIVERY_ACCOUNTS.get(region);
        if (elbAccount != null) {
            statements.add(PolicyDocument.grant("AllowRegionalLoadBalancerAccount",
                    Map.of("AWS", "arn:" + partition + ":iam::" + elbAccount + ":root"), "s3:PutObject", logs));
        }
        return statements;
    }
}
