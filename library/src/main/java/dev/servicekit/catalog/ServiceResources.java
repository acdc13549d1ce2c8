package dev.servicekit.catalog;

import dev.servicekit.terraform.Block;
import software.constructs.Construct;

import java.util.List;

/** One service's resources in one environment, as a {@link Customizer} gets them. */
public interface ServiceResources {
    /** The environment, e.g. {@code prod}. */
    String environment();

    /** The service's name. */
    String name();

    /**
     * The service's resource of Terraform type {@code type} whose address ends in {@code part}, e.g.
     * {@code ("aws_sqs_queue", "queue")} for {@code aws_sqs_queue.<service>_queue}; throws, listing the
     * service's resources, when there is none.
     */
    Block resource(String type, String part);

    /** Every resource and data source of the service. */
    List<Block> resources();

    /** A cdktf scope in the service's stack, for constructs of your own (their ids are prefixed with the service's name). */
    Construct scope();
}
