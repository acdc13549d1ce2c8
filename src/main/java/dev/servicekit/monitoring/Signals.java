package dev.servicekit.monitoring;

/**
 * The Datadog metric queries of one service, shared by its monitors and dashboards so that both read
 * the same identifiers. Metric names and tags are the Datadog AWS integration's.
 *
 * @param queue          the queue's name, or null for a service without one
 * @param deadLetterQueue the dead-letter queue's name, or null
 * @param ecsService     the ECS service's name
 * @param cluster        the ECS cluster's name
 * @param targetGroup    the target group's ARN suffix (a Terraform reference), or null without a load balancer
 * @param loadBalancer   the load balancer's ARN suffix (a Terraform reference), or null
 */
public record Signals(String queue, String deadLetterQueue, String ecsService, String cluster, String targetGroup,
                      String loadBalancer) {

    public String queueDepth() {
        return "max:aws.sqs.approximate_number_of_messages_visible{queuename:" + queue + "}";
    }

    public String deadLetterDepth() {
        return "max:aws.sqs.approximate_number_of_messages_visible{queuename:" + deadLetterQueue + "}";
    }

    public String oldestMessageAge() {
        return "max:aws.sqs.approximate_age_of_oldest_message{queuename:" + queue + "}";
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

    /** @param statistic {@code p50}, {@code p95}, {@code p99} or {@code average} */
    public String latency(String statistic) {
        return "avg:aws.applicationelb.target_response_time." + statistic + targetScope();
    }

    public String requests() {
        return "sum:aws.applicationelb.request_count" + targetScope() + ".as_count()";
    }

    public String target5xx() {
        return "sum:aws.applicationelb.httpcode_target_5xx" + targetScope() + ".as_count()";
    }

    public String target4xx() {
        return "sum:aws.applicationelb.httpcode_target_4xx" + targetScope() + ".as_count()";
    }

    public String healthyTargets() {
        return "min:aws.applicationelb.healthy_host_count" + targetScope();
    }

    private String ecsScope() {
        return "{servicename:" + ecsService + ",clustername:" + cluster + "}";
    }

    private String targetScope() {
        return "{targetgroup:" + targetGroup + ",loadbalancer:" + loadBalancer + "}";
    }
}
