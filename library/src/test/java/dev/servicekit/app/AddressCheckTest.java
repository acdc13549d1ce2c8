package dev.servicekit.app;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueueConfig;
import dev.servicekit.snapshot.StackJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two resources pinned to one address would be merged by cdktf; the check refuses that. */
class AddressCheckTest {
    @Test
    void twoResourcesAtOneAddressAreRefused() {
        App app = Testing.app();
        TerraformStack stack = new TerraformStack(app, "prod");
        new AwsProvider(stack, "aws");
        new SqsQueue(stack, "one", SqsQueueConfig.builder().name("one").build()).overrideLogicalId("q");
        new SqsQueue(stack, "two", SqsQueueConfig.builder().name("two").delaySeconds(5).build()).overrideLogicalId("q");

        assertThatThrownBy(() -> AddressCheck.requireUniqueAddresses("prod", stack, StackJson.parse(Testing.synth(stack)), 0))
                .hasMessage("prod: 2 resources and data sources were declared but 1 addresses were written: two of "
                        + "them share an address");
    }

    @Test
    void distinctAddressesPass() {
        App app = Testing.app();
        TerraformStack stack = new TerraformStack(app, "prod");
        new AwsProvider(stack, "aws");
        new SqsQueue(stack, "one", SqsQueueConfig.builder().name("one").build()).overrideLogicalId("a");
        new SqsQueue(stack, "two", SqsQueueConfig.builder().name("two").build()).overrideLogicalId("b");
        assertThatCode(() -> AddressCheck.requireUniqueAddresses("prod", stack, StackJson.parse(Testing.synth(stack)), 0))
                .doesNotThrowAnyException();
    }
}
