package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Stateful;

import java.util.List;

/**
 * The tasks' security group and its rules: the tasks reach out over HTTPS (TCP 443) and as their line's egress
 * rules say; nothing reaches them but their own load balancer (whose rule the load balancer part adds) and
 * their line's ingress rules.
 */
public final class NetworkAccessPart implements ServicePart {
    static final String TASK_SECURITY_GROUP = "task_security_group";
    /**
     * A security group or target group that must be replaced is created before the old one is destroyed:
     * the old one is in use until the tasks or the listener have moved.
     */
    static final TerraformResourceLifecycle REPLACE_WITHOUT_OUTAGE =
            TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
    /**
     * Every security group rule: when its group is replaced, the rule's replacement (on the new group) is
     * created before the old rule is revoked. A rule that is not create_before_destroy would be destroyed
     * before its create_before_destroy group's replacement is even created (Terraform's docs/destroying.md,
     * "Create Before Destroy"), cutting the running tasks off until new ones run. A rule is replaced only
     * with its group or its source's kind (the provider's aws_vpc_security_group_ingress_rule: security_group_id
     * RequiresReplace; ModifyPlan), so its replacement never duplicates the old rule on the same group.
     */
    static final TerraformResourceLifecycle RULE_LIFECYCLE = REPLACE_WITHOUT_OUTAGE;
    static final String ANYWHERE = "0.0.0.0/0";
    /**
     * A security group holds no data, but its replacement moves running tasks: the snapshot check names it, with
     * the attributes that force it (the provider's aws_security_group: description, name, name_prefix, vpc_id).
     */
    static final Stateful GROUP = new Stateful("running tasks keep the old group until the rollout has moved them "
            + "to the new one", List.of("description", "name", "name_prefix", "vpc_id"), false);

    @Override
    public void declare(ServiceAssembly service) {
        ServiceSettings settings = service.settings();
        ServiceNames names = service.names();
        // The description forces replacement: it says nothing a line's options change (its rules are resources).
        Block securityGroup = service.declare(TASK_SECURITY_GROUP, SecurityGroupConfig.builder()
                .namePrefix(names.taskSecurityGroup())
                .description("Tasks of " + names.prefix())
                .vpcId(service.platform().network().vpcId())
                .tags(settings.tags())
                .lifecycle(REPLACE_WITHOUT_OUTAGE)
                .build());
        service.publish(new TaskHandles.SecurityGroup(securityGroup));
        service.stateful(securityGroup, GROUP);
        // DNS needs no rule: security groups do not filter traffic to the VPC's resolver.
        NetworkRule https = NetworkRule.HTTPS_ANYWHERE;
        service.startAfter(service.declare("task_egress", VpcSecurityGroupEgressRuleConfig.builder()
                .securityGroupId(securityGroup.ref("id"))
                .cidrIpv4(https.cidr().orElseThrow())
                .ipProtocol(https.protocol())
                .fromPort(https.fromPort())
                .toPort(https.toPort())
                .description("HTTPS to image registries, AWS APIs and the dependencies of " + names.prefix())
                .tags(settings.tags())
                .lifecycle(RULE_LIFECYCLE)
                .build()));
        for (NetworkRule rule : settings.access().egress()) {
            service.startAfter(service.declare("task_egress_" + id(rule), VpcSecurityGroupEgressRuleConfig.builder()
                    .securityGroupId(securityGroup.ref("id"))
                    .cidrIpv4(rule.cidr().orElse(null))
                    .referencedSecurityGroupId(rule.securityGroupId().orElse(null))
                    .ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort())
                    .toPort(rule.toPort())
                    .description(rule.description())
                    .tags(settings.tags())
                    .lifecycle(RULE_LIFECYCLE)
                    .build()));
        }
        for (NetworkRule rule : settings.access().ingress()) {
            service.startAfter(service.declare("task_ingress_" + id(rule), VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(securityGroup.ref("id"))
                    .cidrIpv4(rule.cidr().orElse(null))
                    .referencedSecurityGroupId(rule.securityGroupId().orElse(null))
                    .ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort())
                    .toPort(rule.toPort())
                    .description(rule.description())
                    .tags(settings.tags())
                    .lifecycle(RULE_LIFECYCLE)
                    .build()));
        }
        service.moduleOutput("task_security_group_id", securityGroup.ref("id"), "Security group of the tasks");
    }

    /**
     * Makes {@code rule}, which admits one group of the service from another, be replaced (create before
     * destroy) when one of {@code replacedWith} is replaced, rather than re-pointed in place: an in-place
     * update of its peer or port (neither forces replacement: the provider modifies the rule) would cut the
     * running tasks off before their replacements run in the new group or on the new port.
     */
    static Block followsReplacementOf(Block rule, Block... replacedWith) {
        rule.addOverride("lifecycle.replace_triggered_by",
                java.util.Arrays.stream(replacedWith).map(block -> block.reference("id")).toList());
        return rule;
    }

    /**
     * A rule's part of its address, from what it admits (so that adding a rule never moves another):
     * {@code tcp_5432_10_40_0_0_16}, {@code tcp_8000_8100_sg_0abc}.
     */
    static String id(NetworkRule rule) {
        String ports = rule.fromPort() == rule.toPort() ? String.valueOf(rule.fromPort())
                : rule.fromPort() + "_" + rule.toPort();
        String peer = rule.cidr().or(rule::securityGroupId).orElse("none");
        return rule.protocol() + "_" + ports + "_" + peer.replaceAll("[^A-Za-z0-9]+", "_");
    }
}
