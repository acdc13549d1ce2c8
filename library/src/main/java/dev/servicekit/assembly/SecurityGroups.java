package dev.servicekit.assembly;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Stateful;

import java.util.List;

/**
 * How every security group and rule of a service is written (the tasks', its load balancer's, a shared load
 * balancer's): replaced without cutting off what runs in it.
 */
public final class SecurityGroups {
    private SecurityGroups() {}

    /**
     * A security group or target group that must be replaced is created before the old one is destroyed:
     * the old one is in use until the tasks or the listener have moved.
     */
    public static final TerraformResourceLifecycle REPLACE_WITHOUT_OUTAGE =
            TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
    /**
     * Every security group rule: when its group is replaced, the rule's replacement (on the new group) is
     * created before the old rule is revoked. A rule that is not create_before_destroy would be destroyed
     * before its create_before_destroy group's replacement is even created (Terraform's docs/destroying.md,
     * "Create Before Destroy"), cutting the running tasks off until new ones run. A rule is replaced only
     * with its group or its source's kind (the provider's aws_vpc_security_group_ingress_rule: security_group_id
     * RequiresReplace; ModifyPlan), so its replacement never duplicates the old rule on the same group.
     */
    public static final TerraformResourceLifecycle RULE_LIFECYCLE = REPLACE_WITHOUT_OUTAGE;
    public static final String ANYWHERE = "0.0.0.0/0";
    /**
     * A security group holds no data, but its replacement moves running tasks: the snapshot check names it, with
     * the attributes that force it (the provider's aws_security_group: description, name, name_prefix, vpc_id).
     */
    public static final Stateful GROUP = new Stateful("running tasks keep the old group until the rollout has moved them "
            + "to the new one", List.of("description", "name", "name_prefix", "vpc_id"), false);

    /**
     * Makes {@code rule}, which admits one group of the service from another, be replaced (create before
     * destroy) when one of {@code replacedWith} is replaced, rather than re-pointed in place: an in-place
     * update of its peer or port (neither forces replacement: the provider modifies the rule) would cut the
     * running tasks off before their replacements run in the new group or on the new port.
     */
    public static Block followsReplacementOf(Block rule, Block... replacedWith) {
        rule.addOverride("lifecycle.replace_triggered_by",
                java.util.Arrays.stream(replacedWith).map(block -> block.reference("id")).toList());
        return rule;
    }
}
