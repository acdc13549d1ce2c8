package dev.servicekit.service;

import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.validation.Tokens;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A web service's Application Load Balancer: its security group, an {@code ip} target group, and an HTTP
 * listener; with a certificate, an HTTPS listener (TLS 1.2+) and a redirect from 80 to 443. Invalid
 * header fields are dropped; in protected environments deletion protection is on.
 */
public final class ServiceLoadBalancer extends Construct {
    /** TLS 1.3 with 1.2 fallback: AWS's recommended policy. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final int HTTP_PORT = 80;
    public static final int HTTPS_PORT = 443;
    private static final String ANYWHERE = "0.0.0.0/0";

    private final SecurityGroup securityGroup;
    private final Lb loadBalancer;
    private final LbTargetGroup targetGroup;
    private final Map<String, LbListener> listeners = new LinkedHashMap<>();
    private final Map<Integer, VpcSecurityGroupIngressRule> ingressRules = new LinkedHashMap<>();

    public ServiceLoadBalancer(Construct scope, ServiceSettings settings, ServiceKind.Web web, Platform platform) {
        this(scope, settings, web, platform, platform.protectStatefulResources());
    }

    /** @param deletionProtection false to let Terraform delete the load balancer (a retired service's) */
    ServiceLoadBalancer(Construct scope, ServiceSettings settings, ServiceKind.Web web, Platform platform,
                        boolean deletionProtection) {
        super(scope, "load-balancer");
        ServiceNames names = settings.names();
        boolean https = settings.certificateArn().isPresent();

        securityGroup = new SecurityGroup(this, "security-group", SecurityGroupConfig.builder()
                .namePrefix(names.loadBalancerSecurityGroup())
                .description("Load balancer of " + names.prefix() + ": HTTP(S) in, its tasks out")
                .vpcId(platform.vpcId())
                .tags(settings.tags())
                .lifecycle(ServiceConstruct.REPLACE_WITHOUT_OUTAGE)
                .build());
        securityGroup.overrideLogicalId(names.address("lb_security_group"));
        String source = web.internal() ? platform.vpcCidr() : ANYWHERE;
        ingress(settings, names, HTTP_PORT, source);
        if (https) {
            ingress(settings, names, HTTPS_PORT, source);
        }

        LbConfig.Builder lbConfig = LbConfig.builder()
                .name(names.loadBalancer())
                .loadBalancerType("application")
                .internal(web.internal())
                .securityGroups(List.of(securityGroup.getId()))
                .subnets(web.internal() ? platform.taskSubnetIds() : platform.publicSubnetIds())
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(deletionProtection)
                .tags(settings.tags());
        if (!web.internal()) {
            // An internet-facing load balancer needs the VPC's internet gateway attached first.
            lbConfig.dependsOn(platform.internetReady());
        }
        loadBalancer = new Lb(this, "alb", lbConfig.build());
        loadBalancer.overrideLogicalId(names.address("lb"));

        HealthCheck check = web.healthCheck();
        targetGroup = new LbTargetGroup(this, "target-group", LbTargetGroupConfig.builder()
                .name(names.targetGroup(Tokens.text(web.port())))
                .port(web.port())
                .protocol("HTTP")
                .targetType("ip")
                .vpcId(platform.vpcId())
                .deregistrationDelay(String.valueOf(check.deregistrationDelaySeconds()))
                .healthCheck(LbTargetGroupHealthCheck.builder()
                        .enabled(true)
                        .path(check.path())
                        .matcher(check.matcher())
                        .interval(check.intervalSeconds())
                        .timeout(check.timeoutSeconds())
                        .healthyThreshold(check.healthyThreshold())
                        .unhealthyThreshold(check.unhealthyThreshold())
                        .build())
                .tags(settings.tags())
                .lifecycle(ServiceConstruct.REPLACE_WITHOUT_OUTAGE)
                .build());
        targetGroup.overrideLogicalId(names.address("target_group"));

        LbListenerDefaultAction forward = LbListenerDefaultAction.builder()
                .type("forward")
                .targetGroupArn(targetGroup.getArn())
                .build();
        LbListenerDefaultAction redirect = LbListenerDefaultAction.builder()
                .type("redirect")
                .redirect(LbListenerDefaultActionRedirect.builder()
                        .port(String.valueOf(HTTPS_PORT))
                        .protocol("HTTPS")
                        .statusCode("HTTP_301")
                        .build())
                .build();
        listener(settings, names, "http", LbListenerConfig.builder()
                .loadBalancerArn(loadBalancer.getArn())
                .port(HTTP_PORT)
                .protocol("HTTP")
                .defaultAction(List.of(https ? redirect : forward))
                .tags(settings.tags())
                .build());
        settings.certificateArn().ifPresent(certificate -> listener(settings, names, "https",
                LbListenerConfig.builder()
                        .loadBalancerArn(loadBalancer.getArn())
                        .port(HTTPS_PORT)
                        .protocol("HTTPS")
                        .sslPolicy(TLS_POLICY)
                        .certificateArn(certificate)
                        .defaultAction(List.of(forward))
                        .tags(settings.tags())
                        .build()));
    }

    /** Lets the load balancer reach the service's tasks on their port, and nothing else. */
    public VpcSecurityGroupEgressRule allowTrafficTo(SecurityGroup tasks, ServiceSettings settings, Number port) {
        ServiceNames names = settings.names();
        VpcSecurityGroupEgressRule rule = new VpcSecurityGroupEgressRule(this, "to-tasks",
                VpcSecurityGroupEgressRuleConfig.builder()
                .securityGroupId(securityGroup.getId())
                .referencedSecurityGroupId(tasks.getId())
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .description("To the tasks of " + names.prefix())
                .tags(settings.tags())
                .build());
        rule.overrideLogicalId(names.address("lb_to_tasks"));
        return rule;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public Lb loadBalancer() {
        return loadBalancer;
    }

    public LbTargetGroup targetGroup() {
        return targetGroup;
    }

    public List<LbListener> listeners() {
        return List.copyOf(listeners.values());
    }

    /** The listener named {@code http} or {@code https}, if the load balancer has it. */
    public Optional<LbListener> listener(String protocol) {
        return Optional.ofNullable(listeners.get(protocol));
    }

    /** The rule admitting clients on {@code port} (80 or 443), if there is one. */
    public Optional<VpcSecurityGroupIngressRule> ingressRule(int port) {
        return Optional.ofNullable(ingressRules.get(port));
    }

    private void ingress(ServiceSettings settings, ServiceNames names, int port, String cidr) {
        VpcSecurityGroupIngressRule rule = new VpcSecurityGroupIngressRule(this, "ingress-" + port,
                VpcSecurityGroupIngressRuleConfig.builder()
                .securityGroupId(securityGroup.getId())
                .cidrIpv4(cidr)
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .description("Clients on " + port)
                .tags(settings.tags())
                .build());
        rule.overrideLogicalId(names.address("lb_ingress_" + port));
        ingressRules.put(port, rule);
    }

    private void listener(ServiceSettings settings, ServiceNames names, String id, LbListenerConfig config) {
        LbListener listener = new LbListener(this, id, config);
        listener.overrideLogicalId(names.address("listener_" + id));
        listeners.put(id, listener);
    }
}
