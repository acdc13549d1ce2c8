package dev.servicekit.alerting;

import java.util.Optional;

/**
 * The Datadog metric and event queries of one service, shared by its monitors and dashboards so that both
 * read the same identifiers. Metric names and tags are the Datadog AWS integration's.
 *
 * <p>Space aggregation: SQS and ECS service metrics have one series each. ALB metrics come per target
 * group and, for some, per availability zone too; counts of requests and errors are summed, host counts
 * take the maximum, which is the total whether or not per-zone series are present ({@code max < 1} holds
 * only when no zone has a healthy host; {@code max > 0} as soon as one has an unhealthy host).
 *
 * @param queue          the queue's name, empty for a service without one
 * @param deadLetterQueue the dead-letter queue's name, empty without a queue
 * @param ecsService     the ECS service's name
 * @param cluster        the ECS cluster's name
 * @param targetGroup    the target group's ARN suffix (a Terraform reference), empty without a load balancer
 * @param loadBalancer   the load balancer's ARN suffix (a Terraform reference), empty without one
 * @param sharedLoadBalancer the load balancer serves other services too (an environment's shared one): its own
 *                       metrics, which have no target group, are no signal of this service's
 */
public record Signals(Optional<String> queue, Optional<String> deadLetterQueue, String ecsService, String cluster,
                      Optional<String> targetGroup, Optional<String> loadBalancer, boolean sharedLoadBalancer) {

    private static final String SQS = "aws.sqs.";

    /** The signals of an ECS service on {@code cluster}, without a queue or load balancer yet. */
    public static Signals of(String ecsService, String cluster) {
        return new Signals(Optional.empty(), Optional.empty(), ecsService, cluster, Optional.empty(), Optional.empty(),
                false);
    }

    /** These signals with the service's queue and dead-letter queue, by name. */
    public Signals withQueues(String queueName, String deadLetterQueueName) {
        return new Signals(Optional.of(queueName), Optional.of(deadLetterQueueName), ecsService, cluster, targetGroup,
                loadBalancer, sharedLoadBalancer);
    }

    /** These signals with the service's target group and load balancer, by ARN suffix. */
    public Signals withLoadBalancer(String targetGroupSuffix, String loadBalancerSuffix) {
        return new Signals(queue, deadLetterQueue, ecsService, cluster, Optional.of(targetGroupSuffix),
                Optional.of(loadBalancerSuffix), false);
    }

    /** These signals with the service's target group on a load balancer other services share, by ARN suffix. */
    public Signals withSharedLoadBalancer(String targetGroupSuffix, String loadBalancerSuffix) {
        return new Signals(queue, deadLetterQueue, ecsService, cluster, Optional.of(targetGroupSuffix),
                Optional.of(loadBalancerSuffix), true);
    }
    private static final String ALB = "aws.applicationelb.";

    public String queueDepth() {
        return "max:" + SQS + "approximate_number_of_messages_visible" + queueScope();
    }

    public String oldestMessageAge() {
        return "max:" + SQS + "approximate_age_of_oldest_message" + queueScope();
    }

    public String deadLetterDepth() {
        return "max:" + SQS + "approximate_number_of_messages_visible" + deadLetterScope();
    }

    public String deadLetterAge() {
        return "max:" + SQS + "approximate_age_of_oldest_message" + deadLetterScope();
    }

    /** Receive calls that returned messages, and those that returned none (long polling): a consumer's pulse. */
    public String receives() {
        return "default_zero(sum:" + SQS + "number_of_messages_received" + queueScope() + ") + default_zero(sum:"
                + SQS + "number_of_empty_receives" + queueScope() + ")";
    }

    public String cpu() {
        return "avg:aws.ecs.service.cpuutilization" + ecsScope();
    }

    public String memory() {
        return "avg:aws.ecs.service.memory_utilization" + ecsScope();
    }

    public String runningTasks() {
        return "avg:aws.ecs.service.running" + ecsScope();
    }

    public String desiredTasks() {
        return "avg:aws.ecs.service.desired" + ecsScope();
    }

    /** ECS service events the AWS integration collects for this service (source {@code amazon_ecs}). */
    public String ecsEvents(String text) {
        return "source:amazon_ecs servicename:" + ecsService + " clustername:" + cluster + " " + text;
    }

    /** @param statistic {@code p50}, {@code p95}, {@code p99} or {@code average} */
    public String latency(String statistic) {
        return "avg:" + ALB + "target_response_time." + statistic + targetScope();
    }

    /** Requests a target answered: the ALB counts only requests for which it could choose a target. */
    public String requests() {
        return "sum:" + ALB + "request_count" + targetScope() + ".as_count()";
    }

    public String target5xx() {
        return "sum:" + ALB + "httpcode_target_5xx" + targetScope() + ".as_count()";
    }

    public String target4xx() {
        return "sum:" + ALB + "httpcode_target_4xx" + targetScope() + ".as_count()";
    }

    /**
     * 5xx the load balancer generated itself (502 bad gateway, 503 no healthy target, 504 timeout); AWS
     * reports them per load balancer only, and most of them are not in {@link #requests()}. On a shared load
     * balancer that count is every service's, so a service's own share is what can be told apart by target group:
     * the connections to its targets that failed, which the load balancer answers with 502 (503 without a healthy
     * target is the no-healthy-targets monitor's).
     */
    public String loadBalancer5xx() {
        if (sharedLoadBalancer) {
            return targetConnectionErrors();
        }
        return "sum:" + ALB + "httpcode_elb_5xx{loadbalancer:" + loadBalancer.orElseThrow() + "}.as_count()";
    }

    public String healthyTargets() {
        return "max:" + ALB + "healthy_host_count" + targetScope();
    }

    public String unhealthyTargets() {
        return "max:" + ALB + "un_healthy_host_count" + targetScope();
    }

    public String targetConnectionErrors() {
        return "sum:" + ALB + "target_connection_error_count" + targetScope() + ".as_count()";
    }

    private String queueScope() {
        return "{queuename:" + queue.orElseThrow() + "}";
    }

    private String deadLetterScope() {
        return "{queuename:" + deadLetterQueue.orElseThrow() + "}";
    }

    private String ecsScope() {
        return "{servicename:" + ecsService + ",clustername:" + cluster + "}";
    }

    private String targetScope() {
        return "{targetgroup:" + targetGroup.orElseThrow() + ",loadbalancer:" + loadBalancer.orElseThrow() + "}";
    }
}
