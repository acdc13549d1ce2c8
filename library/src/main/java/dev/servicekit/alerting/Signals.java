package dev.servicekit.alerting;

import dev.servicekit.terraform.Tokens;

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
 * @param agent          the Datadog Agent beside each task, when the service runs one
 * @param sharedLoadBalancer the load balancer serves other services too (an environment's shared one): its own
 *                       metrics, which have no target group, are no signal of this service's
 * @param addOnScopes    by add-on option, the Datadog tags that select the add-on's own metrics (e.g. a schedule
 *                       group's), for the monitor kinds that need the add-on
 */
public record Signals(Optional<String> queue, Optional<String> deadLetterQueue, String ecsService, String cluster,
                      Optional<String> targetGroup, Optional<String> loadBalancer, Optional<Agent> agent,
                      boolean sharedLoadBalancer, java.util.Map<String, String> addOnScopes) {

    private static final String SQS = "aws.sqs.";
    private static final String FARGATE = "ecs.fargate.";

    /**
     * What the Agent's metrics of a service's tasks need: the tags that select the application's container
     * (the Agent tags container metrics with {@code ecs_cluster_name}, {@code task_family} and
     * {@code container_name}; {@code task_arn} only at orchestrator cardinality, which the sidecar is set to), and
     * the application's share of the task, to turn usage into a percentage.
     *
     * @param taskFamily the task definition's family
     * @param container  the application's container name
     * @param minTasks   the service's minimum task count, which running tasks are measured against
     * @param cpuUnits   the application's CPU units (1024 to a vCPU)
     * @param memoryMiB  the application's memory in MiB
     */
    public record Agent(String taskFamily, String container, Number minTasks, Number cpuUnits, Number memoryMiB) {}

    /** The signals of an ECS service on {@code cluster}, without a queue or load balancer yet. */
    public static Signals of(String ecsService, String cluster) {
        return new Signals(Optional.empty(), Optional.empty(), ecsService, cluster, Optional.empty(), Optional.empty(),
                Optional.empty(), false, java.util.Map.of());
    }

    /** These signals with the service's queue and dead-letter queue, by name. */
    public Signals withQueues(String queueName, String deadLetterQueueName) {
        return new Signals(Optional.of(queueName), Optional.of(deadLetterQueueName), ecsService, cluster, targetGroup,
                loadBalancer, agent, sharedLoadBalancer, addOnScopes);
    }

    /** These signals with the service's target group and load balancer, by ARN suffix. */
    public Signals withLoadBalancer(String targetGroupSuffix, String loadBalancerSuffix) {
        return new Signals(queue, deadLetterQueue, ecsService, cluster, Optional.of(targetGroupSuffix),
                Optional.of(loadBalancerSuffix), agent, false, addOnScopes);
    }

    /** These signals with the service's target group on a load balancer other services share, by ARN suffix. */
    public Signals withSharedLoadBalancer(String targetGroupSuffix, String loadBalancerSuffix) {
        return new Signals(queue, deadLetterQueue, ecsService, cluster, Optional.of(targetGroupSuffix),
                Optional.of(loadBalancerSuffix), agent, true, addOnScopes);
    }

    /** These signals with the Datadog Agent's container metrics of the service's tasks. */
    public Signals withAgent(Agent value) {
        return new Signals(queue, deadLetterQueue, ecsService, cluster, targetGroup, loadBalancer, Optional.of(value),
                sharedLoadBalancer, addOnScopes);
    }

    /** These signals with the tags that select the metrics of the add-on {@code option}. */
    public Signals withAddOnScope(String option, String tags) {
        java.util.Map<String, String> scopes = new java.util.TreeMap<>(addOnScopes);
        scopes.put(option, tags);
        return new Signals(queue, deadLetterQueue, ecsService, cluster, targetGroup, loadBalancer, agent,
                sharedLoadBalancer, java.util.Collections.unmodifiableMap(scopes));
    }

    /** The tags that select the add-on {@code option}'s metrics, for a monitor kind that needs the add-on. */
    public String addOnScope(String option) {
        String scope = addOnScopes.get(option);
        if (scope == null) {
            throw new IllegalStateException("the service has no " + option + " whose metrics a monitor could watch");
        }
        return scope;
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

    /**
     * Messages consumers deleted: processed. AWS counts a message moved to the dead-letter queue in neither
     * queue's NumberOfMessagesSent, so dead-lettering is seen as the dead-letter queue's growth instead.
     */
    public String deletions() {
        return "sum:" + SQS + "number_of_messages_deleted" + queueScope();
    }

    /**
     * The application container's CPU as a percentage of its share of the task, from the Agent: the container's
     * CPU time in nanoseconds a second over its CPU units' worth (1024 units are a vCPU, 10^9 ns a second).
     */
    public String agentCpuPercent() {
        Agent a = agent.orElseThrow();
        return "avg:" + FARGATE + "cpu.usage" + agentScope() + " / (" + Tokens.text(a.cpuUnits()) + " * 976562.5) * 100";
    }

    /** The application container's memory as a percentage of its MiB, from the Agent. */
    public String agentMemoryPercent() {
        Agent a = agent.orElseThrow();
        return "avg:" + FARGATE + "mem.usage" + agentScope() + " / (" + Tokens.text(a.memoryMiB()) + " * 1048576) * 100";
    }

    /**
     * Tasks whose application container the Agent saw, as a percentage of the service's minimum: one series per
     * task ({@code task_arn}), counted where not null (Datadog's {@code count_not_null}).
     */
    public String agentRunningTasksPercent() {
        Agent a = agent.orElseThrow();
        return "count_not_null(avg:" + FARGATE + "mem.usage" + agentScope() + " by {task_arn}) / "
                + Tokens.text(a.minTasks()) + " * 100";
    }

    private String agentScope() {
        Agent a = agent.orElseThrow();
        return "{ecs_cluster_name:" + cluster + ",task_family:" + a.taskFamily() + ",container_name:" + a.container() + "}";
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
     * reports them per load balancer only (dimensions LoadBalancer and AvailabilityZone). A 502 or 504 is
     * generated after a target was chosen and is in {@link #requests()} as well; a 503 or 500 raised before one is
     * chosen is not. On a shared load balancer that count is every service's, so a service's own share is what can
     * be told apart by target group: the connections to its targets that failed, which the load balancer answers
     * with 502 (503 without a healthy target is the no-healthy-targets monitor's).
     */
    public String loadBalancer5xx() {
        if (sharedLoadBalancer) {
            return targetConnectionErrors();
        }
        return "sum:" + ALB + "httpcode_elb_5xx{loadbalancer:" + loadBalancer.orElseThrow() + "}.as_count()";
    }

    /** The load balancer's own responses with status {@code code} (500, 502, 503 or 504), per load balancer. */
    public String loadBalancerCode(int code) {
        return "sum:" + ALB + "httpcode_elb_" + code + "{loadbalancer:" + loadBalancer.orElseThrow() + "}.as_count()";
    }

    /**
     * Every request: those a target was chosen for ({@link #requests()}, 502 and 504 included) and the load
     * balancer's other 5xx, answered before a target was chosen (AWS: RequestCount counts requests "for which
     * the load balancer chose a target"). Counting {@link #loadBalancer5xx()} whole would count a 502 or 504 twice.
     */
    public String allRequests() {
        return "default_zero(" + requests() + ") + default_zero(" + loadBalancer5xx() + ") - default_zero("
                + loadBalancerCode(502) + ") - default_zero(" + loadBalancerCode(504) + ")";
    }

    /** Requests answered without a 5xx: those a target was chosen for, less the target's 5xx and the 502s and 504s. */
    public String goodRequests() {
        return "default_zero(" + requests() + ") - default_zero(" + target5xx() + ") - default_zero("
                + loadBalancerCode(502) + ") - default_zero(" + loadBalancerCode(504) + ")";
    }

    /** Requests that failed with a 5xx: the target's and the load balancer's own. */
    public String failedRequests() {
        return "default_zero(" + target5xx() + ") + default_zero(" + loadBalancer5xx() + ")";
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
