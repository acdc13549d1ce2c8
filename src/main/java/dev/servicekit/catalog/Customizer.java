package dev.servicekit.catalog;

/**
 * The last-resort escape hatch of a catalog line, run once per environment after servicekit built the
 * service: override any attribute of its resources, or add cdktf constructs of your own beside them.
 *
 * <pre>{@code
 * .customize(service -> {
 *     service.resource("aws_sqs_queue", "queue").addOverride("kms_master_key_id", "alias/orders");
 *     new SnsTopicSubscription(service.scope(), "orders-events", SnsTopicSubscriptionConfig.builder()
 *             .topicArn(ordersTopicArn).protocol("sqs")
 *             .endpoint(service.resource("aws_sqs_queue", "queue").ref("arn")).build());
 * })
 * }</pre>
 */
@FunctionalInterface
public interface Customizer {
    void customize(ServiceResources service);
}
