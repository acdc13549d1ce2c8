package dev.servicekit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every resource and data source cdktf writes for a stack (a user's constructs) has an address of its own.
 * cdktf merges two blocks pinned to one address into one without a word, so this compares what the construct
 * tree declares with what cdktf wrote. servicekit's own blocks are checked as they are added.
 */
public final class AddressCheck {
    private AddressCheck() {}

    /**
     * Throws when fewer blocks were written than declared: two elements share an address.
     *
     * @param handedOver blocks servicekit gave cdktf to write, besides the stack's constructs
     */
    public static void requireUniqueAddresses(String environment, TerraformStack stack, JsonNode synthesized,
                                              int handedOver) {
        long declared = handedOver + stack.getNode().findAll().stream()
                .filter(c -> c instanceof TerraformResource || c instanceof TerraformDataSource)
                .count();
        AtomicInteger written = new AtomicInteger();
        for (String section : new String[] {"resource", "data"}) {
            synthesized.path(section).forEach(type -> written.addAndGet(type.size()));
        }
        if (declared != written.get()) {
            throw new IllegalStateException(environment + ": " + declared + " resources and data sources were "
                    + "declared but " + written.get() + " addresses were written: two of them share an address");
        }
    }
}
