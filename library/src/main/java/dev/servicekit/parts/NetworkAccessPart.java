package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
import dev.servicekit.terraform.Block;

import static dev.servicekit.assembly.SecurityGroups.GROUP;
import static dev.servicekit.assembly.SecurityGroups.REPLACE_WITHOUT_OUTAGE;
import static dev.servicekit.assembly.SecurityGroups.RULE_LIFECYCLE;
import static dev.servicekit.assembly.SecurityGroups.followsReplacementOf;

/**
 * The tasks' security group and its rules: the tasks reach out over HTTPS (TCP 443) and as their line's egress
 * rules say; nothing reaches them but their own load balancer (whose rule the load balancer part adds) and
 * their line's ingress rules.
 */
public final class NetworkAccessPart implements ServicePart {
    static final String TASK_SECURITY_GROUP = "task_security_group";

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
