package dev.servicekit.terraform;

import java.util.List;

/**
 * What makes a resource stateful: what replacing or destroying it loses, and which of its attributes force
 * Terraform to replace it. The part that creates the resource says so; stacks write it into the block's
 * cdktf metadata, where the snapshot comparison finds it to warn before a change destroys data.
 *
 * @param loss              what is lost, e.g. {@code its messages would be lost}
 * @param forcesReplacement attributes whose change makes Terraform destroy and recreate the resource
 * @param preventDestroy    whether environments that protect stateful resources (prod) give it
 *                          {@code prevent_destroy}; false where another protection applies or replacing it
 *                          loses no data (a load balancer's deletion protection, a target group)
 */
public record Stateful(String loss, List<String> forcesReplacement, boolean preventDestroy) {
    public Stateful {
        forcesReplacement = List.copyOf(forcesReplacement);
    }
}
