package dev.servicekit.parts;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service may do with the queues whose URLs it gets: consume its queue, send to it when it is a web
 * service's (the web service hands work to it), and park a message it cannot process in its dead-letter queue
 * (send, and read its depth) without waiting for maxReceiveCount. Receiving from or deleting in the dead-letter
 * queue is an operator's redrive, not the service's.
 */
class QueuePermissionsTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";

    @Test
    void aWorkerConsumesItsQueueAndMayParkAMessageInItsDeadLetterQueue() {
        Synthesized out = Synthesized.of(Catalog.of(Service.worker("mailer", IMAGE)), TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            String policy = out.resource(env, "aws_iam_role_policy", "mailer_task_policy").path("policy").asText();
            assertThat(policy)
                    .contains("{\"Action\" = [\"sqs:ChangeMessageVisibility\", \"sqs:DeleteMessage\", "
                            + "\"sqs:GetQueueAttributes\", \"sqs:GetQueueUrl\", \"sqs:ReceiveMessage\"], \"Effect\" = "
                            + "\"Allow\", \"Resource\" = [aws_sqs_queue.mailer_queue.arn], \"Sid\" = \"ConsumeOwnQueue\"}")
                    .contains("{\"Action\" = [\"sqs:GetQueueAttributes\", \"sqs:GetQueueUrl\", \"sqs:SendMessage\"], "
                            + "\"Effect\" = \"Allow\", \"Resource\" = [aws_sqs_queue.mailer_dlq.arn], \"Sid\" = "
                            + "\"ParkInOwnDeadLetterQueue\"}")
                    .as("a worker does not send to its own queue").doesNotContain("SendToOwnQueue");
            assertThat(policy).as("dead letters are redriven by an operator, not received by the service")
                    .doesNotContainPattern("sqs:ReceiveMessage[^]]*\\], \"Effect\" = \"Allow\", \"Resource\" = "
                            + "\\[aws_sqs_queue.mailer_dlq");
        }
    }

    @Test
    void aWebServiceSendsToItsOwnQueue() {
        Synthesized out = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 80).withQueue()
                .prod(p -> p.allowPlainHttp())), TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            assertThat(out.resource(env, "aws_iam_role_policy", "shop_task_policy").path("policy").asText())
                    .contains("{\"Action\" = [\"sqs:SendMessage\"], \"Effect\" = \"Allow\", \"Resource\" = "
                            + "[aws_sqs_queue.shop_queue.arn], \"Sid\" = \"SendToOwnQueue\"}")
                    .contains("\"Sid\" = \"ConsumeOwnQueue\"")
                    .contains("\"Sid\" = \"ParkInOwnDeadLetterQueue\"");
        }
    }
}
