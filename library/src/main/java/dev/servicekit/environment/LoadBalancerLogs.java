package dev.servicekit.environment;

/**
 * Where an environment's load balancers write their access logs. Default {@link Managed}: a bucket of the
 * environment's own.
 */
public sealed interface LoadBalancerLogs {
    /**
     * A bucket the environment creates, {@code <env>-lb-logs-<account ID>}: SSE-S3 (the only encryption ELB
     * can write to), public access blocked, TLS only, log delivery allowed for this account's load balancers,
     * logs expired after the environment's log retention, {@code prevent_destroy} where stateful resources
     * are protected.
     */
    record Managed() implements LoadBalancerLogs {}

    /** No access logs (a scanner will say so: CKV_AWS_91). */
    record Off() implements LoadBalancerLogs {}

    /** An existing bucket, whose policy already lets ELB write to it (the environment creates nothing). */
    record Existing(String bucket) implements LoadBalancerLogs {}
}
