package dev.servicekit.loadbalancer;

import dev.servicekit.assembly.ServiceContext;
import dev.servicekit.assembly.TaskHandles;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb.LbConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.Stateful;
import dev.servicekit.terraform.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.servicekit.assembly.SecurityGroups.ANYWHERE;
import static dev.servicekit.assembly.SecurityGroups.GROUP;
import static dev.servicekit.assembly.SecurityGroups.REPLACE_WITHOUT_OUTAGE;
import static dev.servicekit.assembly.SecurityGroups.RULE_LIFECYCLE;
import static dev.servicekit.assembly.SecurityGroups.followsReplacementOf;

/**
 * A web service's Application Load Balancer: its security group, an {@code ip} target group, and an HTTP
 * listener; with HTTPS, an HTTPS listener (TLS 1.3 with 1.2) and a redirect from 80 to 443. Invalid header
 * fields are dropped; access logs go to the environment's bucket, under the service's name; where the
 * environment protects stateful resources, deletion protection is on. Its
 * security group reaches the tasks on their port, and theirs admits it. On the environment's shared load balancers
 * instead: a target group and a listener rule of its own. Written against the {@link ServiceContext} alone, with
 * its settings ({@link LoadBalancer}) and what it needs of the platform ({@link LoadBalancerPlatform}).
 */
public final class LoadBalancerPart {
    /** TLS 1.3 with 1.2 fallback: AWS's recommended policy. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final int HTTP_PORT = 80;
    public static final int HTTPS_PORT = 443;
    public static final Stateful DNS_NAME = new Stateful("its DNS name would change under its clients",
            List.of("name", "internal", "load_balancer_type"), false);
    public static final Stateful REGISTRATIONS = new Stateful("its registered tasks would be dropped and the service "
            + "would be unreachable until it recovers", List.of("name", "port", "protocol", "target_type", "vpc_id"), false);

    private final LoadBalancer web;
    private final LoadBalancerPlatform platform;
    private final boolean connectTasks;

    /**
     * @param web          the service's load balancer settings
     * @param platform     what the load balancer needs of the environment's platform
     * @param connectTasks false for a retired service's load balancer, whose tasks are gone
     */
    public LoadBalancerPart(LoadBalancer web, LoadBalancerPlatform platform, boolean connectTasks) {
        this.web = web;
        this.platform = platform;
        this.connectTasks = connectTasks;
    }

    /** The load balancer's AWS name, also the start of its other names: {@code <env>-<service>}. */
    public static String name(String awsEnvironment, String awsName) {
        return awsEnvironment + "-" + awsName;
    }

    /**
     * The target group's AWS name, {@code <env>-<service>-<port>}: a new port makes Terraform replace the target
     * group, and a new name lets it create the new group before destroying the old one, which the listener still
     * uses. Target groups take no readable {@code name_prefix} (six characters at most).
     */
    public static String targetGroupName(String awsEnvironment, String awsName, String port) {
        return name(awsEnvironment, awsName) + "-" + port;
    }

    /** The load balancer's security group {@code name_prefix}: {@code <env>-<service>-lb-}. */
    public static String securityGroupPrefix(String awsEnvironment, String awsName) {
        return name(awsEnvironment, awsName) + "-lb-";
    }

    /** A service's host name on its environment's shared load balancers: {@code <service>.<domain>}. */
    public static String hostName(String awsName, String domain) {
        return awsName + "." + domain;
    }

    /** Declares the load balancer (or the service's place on a shared one), its rules, handle, signals and outputs. */
    public void declare(ServiceContext service) {
        if (platform.shared().isPresent()) {
            declareShared(service, platform.shared().get());
            return;
        }
        String name = name(service.awsEnvironment(), service.awsName());
        Condition https = web.https();
        Condition internal = web.internal();

        Block securityGroup = service.declare("lb_security_group", SecurityGroupConfig.builder()
                .namePrefix(securityGroupPrefix(service.awsEnvironment(), service.awsName()))
                .description("Load balancer of " + name + ": HTTP(S) in, its tasks out")
                .vpcId(platform.vpcId())
                .tags(service.tags())
                .lifecycle(REPLACE_WITHOUT_OUTAGE)
                .build());
        service.stateful(securityGroup, GROUP);
        String source = String.valueOf(internal.choose(platform.vpcCidr(), ANYWHERE));
        ingress(service, securityGroup, HTTP_PORT, source, Condition.ALWAYS);
        ingress(service, securityGroup, HTTPS_PORT, source, https);

        LbConfig.Builder config = LbConfig.builder()
                .name(name)
                .loadBalancerType("application")
                .internal(internal)
                .securityGroups(List.of(securityGroup.ref("id")))
                .subnets(choose(internal, platform.taskSubnetIds(), platform.publicSubnetIds()))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(platform.deletionProtection())
                .tags(service.tags());
        List<com.hashicorp.cdktf.ITerraformDependable> first = new ArrayList<>();
        if (!internal.always()) {
            // An internet-facing load balancer needs the VPC's internet gateway attached first.
            first.addAll(platform.internetReady());
        }
        platform.accessLogsBucket().ifPresent(bucket -> {
            config.accessLogs(LbAccessLogs.builder().bucket(bucket).prefix(service.name()).enabled(true)
                    .build());
            // ELB checks that it may write to the bucket when the load balancer is created.
            first.addAll(platform.accessLogsReady());
        });
        if (!internal.always() || platform.accessLogsBucket().isPresent()) {
            config.dependsOn(first);
        }
        Block loadBalancer = service.declare("lb", config.build());
        service.stateful(loadBalancer, DNS_NAME);

        HealthCheck check = web.healthCheck();
        Block targetGroup = targetGroup(service);

        List<Block> listeners = new ArrayList<>();
        listeners.add(httpListener(service, loadBalancer, targetGroup, https));
        if (!https.never()) {
            listeners.add(service.declare("listener_https", LbListenerConfig.builder()
                    .loadBalancerArn(loadBalancer.ref("arn"))
                    .port(HTTPS_PORT)
                    .protocol("HTTPS")
                    .sslPolicy(TLS_POLICY)
                    .certificateArn(web.certificateArn().orElseThrow())
                    .defaultAction(List.of(forward(targetGroup)))
                    .tags(service.tags())
                    .build()).existsWhen(https));
        }

        if (connectTasks) {
            Block tasks = service.require(TaskHandles.SecurityGroup.class, "network").group();
            service.startAfter(followsReplacementOf(service.declare("lb_to_tasks",
                    VpcSecurityGroupEgressRuleConfig.builder()
                    .securityGroupId(securityGroup.ref("id"))
                    .referencedSecurityGroupId(tasks.ref("id"))
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("To the tasks of " + name)
                    .tags(service.tags())
                    .lifecycle(RULE_LIFECYCLE)
                    .build()), tasks, targetGroup));
            service.startAfter(followsReplacementOf(service.declare("task_ingress",
                    VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(tasks.ref("id"))
                    .referencedSecurityGroupId(securityGroup.ref("id"))
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("From the load balancer of " + name)
                    .tags(service.tags())
                    .lifecycle(RULE_LIFECYCLE)
                    .build()), securityGroup, targetGroup));
            service.publish(new TargetHandle(targetGroup, web.port(), listeners));
        }

        service.signals(signals -> signals.withLoadBalancer(Hcl.call("lower", targetGroup.ref("arn_suffix")),
                Hcl.call("lower", loadBalancer.ref("arn_suffix"))));
        if (!internal.always()) {
            // The load balancer's own DNS name: its certificate names the service's domain instead.
            service.endpoint(new MonitoredService.Endpoint(https.choose("https", "http") + "://"
                    + loadBalancer.ref("dns_name") + check.path(), https, internal.not()));
        }
        service.output("lb_dns_name", loadBalancer.ref("dns_name"), "DNS name of the service's load balancer");
        service.moduleOutput("lb_arn", loadBalancer.ref("arn"), "ARN of the service's load balancer");
        service.moduleOutput("target_group_arn", targetGroup.ref("arn"), "ARN of the service's target group");
        service.moduleOutput("lb_security_group_id", securityGroup.ref("id"), "Security group of the load balancer");
    }

    /**
     * On one of the environment's shared load balancers: the service's target group and a listener rule that sends
     * it the requests for {@code <service>.<domain>} (no priority: the provider takes the listener's highest plus
     * one and retries when a parallel apply took it, and host-header rules never overlap, so their order does not
     * matter), its tasks admitting the load balancer's security group on their port, and with the environment's
     * hosted zone an alias record for the host name.
     */
    private void declareShared(ServiceContext service, SharedLoadBalancers shared) {
        boolean internal = web.internal().always();
        SharedLoadBalancers.SharedLoadBalancer loadBalancer = shared.of(internal, web.sharedLoadBalancer());
        Block targetGroup = targetGroup(service);
        String host = hostName(service.awsName(), shared.domain());
        Block rule = service.declare("listener_rule", LbListenerRuleConfig.builder()
                .listenerArn(loadBalancer.listenerArn())
                .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(targetGroup.ref("arn"))
                        .build()))
                .condition(List.of(LbListenerRuleCondition.builder()
                        .hostHeader(LbListenerRuleConditionHostHeader.builder().values(List.of(host)).build()).build()))
                .tags(service.tags())
                .build());
        if (connectTasks) {
            Block tasks = service.require(TaskHandles.SecurityGroup.class, "network").group();
            service.startAfter(service.declare("task_ingress", VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(tasks.ref("id"))
                    .referencedSecurityGroupId(loadBalancer.securityGroupId())
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("From the shared load balancer of " + name(service.awsEnvironment(), service.awsName()))
                    .tags(service.tags())
                    .build()));
            service.publish(new TargetHandle(targetGroup, web.port(), List.of(rule)));
        }
        shared.hostedZoneId().ifPresent(zone -> service.declare("dns",
                alias(zone, host, loadBalancer)));
        service.signals(signals -> signals.withSharedLoadBalancer(Hcl.call("lower", targetGroup.ref("arn_suffix")),
                Hcl.call("lower", loadBalancer.arnSuffix())));
        String url = shared.https().choose("https", "http") + "://" + host;
        if (!internal) {
            // The host name is the one the environment's certificate names: nothing to allow.
            service.endpoint(new MonitoredService.Endpoint(url + web.healthCheck().path(), Condition.NEVER, Condition.ALWAYS));
        }
        service.output("url", url, "The service's URL on the environment's shared load balancer");
        service.moduleOutput("target_group_arn", targetGroup.ref("arn"), "ARN of the service's target group");
    }

    private Block targetGroup(ServiceContext service) {
        HealthCheck check = web.healthCheck();
        Block targetGroup = service.declare("target_group", LbTargetGroupConfig.builder()
                .name(targetGroupName(service.awsEnvironment(), service.awsName(), Tokens.text(web.port())))
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
                .tags(service.tags())
                .lifecycle(REPLACE_WITHOUT_OUTAGE)
                .build());
        service.stateful(targetGroup, REGISTRATIONS);
        return targetGroup;
    }

    private static void ingress(ServiceContext service, Block securityGroup, int port, String cidr, Condition when) {
        if (when.never()) {
            return;
        }
        service.declare("lb_ingress_" + port, VpcSecurityGroupIngressRuleConfig.builder()
                .securityGroupId(securityGroup.ref("id"))
                .cidrIpv4(cidr)
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .description("Clients on " + port)
                .tags(service.tags())
                .lifecycle(RULE_LIFECYCLE)
                .build()).existsWhen(when);
    }

    /** Port 80: forwards to the tasks, or redirects to HTTPS where HTTPS is on. */
    private static Block httpListener(ServiceContext service, Block loadBalancer, Block targetGroup, Condition https) {
        LbListenerDefaultActionRedirect toHttps = LbListenerDefaultActionRedirect.builder()
                .port(String.valueOf(HTTPS_PORT))
                .protocol("HTTPS")
                .statusCode("HTTP_301")
                .build();
        LbListenerDefaultAction action;
        if (https instanceof Condition.Known known) {
            action = known.holds() ? LbListenerDefaultAction.builder().type("redirect").redirect(toHttps).build()
                    : forward(targetGroup);
        } else {
            action = LbListenerDefaultAction.builder()
                    .type(String.valueOf(https.choose("redirect", "forward")))
                    .targetGroupArn(String.valueOf(https.choose(null, targetGroup.ref("arn"))))
                    .build();
        }
        Block listener = service.declare("listener_http", LbListenerConfig.builder()
                .loadBalancerArn(loadBalancer.ref("arn"))
                .port(HTTP_PORT)
                .protocol("HTTP")
                .defaultAction(List.of(action))
                .tags(service.tags())
                .build());
        if (!(https instanceof Condition.Known)) {
            // Whether to redirect is decided at plan: the redirect block exists only then.
            Map<String, Object> redirect = new TreeMap<>();
            redirect.put("for_each", https.choose(List.of(1), List.of()));
            redirect.put("content", new TreeMap<>(Map.of("port", String.valueOf(HTTPS_PORT), "protocol", "HTTPS",
                    "status_code", "HTTP_301")));
            listener.addOverride("default_action.0.dynamic", Map.of("redirect", redirect));
        }
        return listener;
    }

    /** An alias record {@code <service>.<domain>} to the service's shared load balancer, in the environment's zone. */
    private static Route53RecordConfig alias(String zone, String host, SharedLoadBalancers.SharedLoadBalancer loadBalancer) {
        return Route53RecordConfig.builder()
                .zoneId(zone)
                .name(host)
                .type("A")
                .alias(com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias.builder()
                        .name(loadBalancer.dnsName()).zoneId(loadBalancer.zoneId()).evaluateTargetHealth(true).build())
                .build();
    }

    private static LbListenerDefaultAction forward(Block targetGroup) {
        return LbListenerDefaultAction.builder().type("forward").targetGroupArn(targetGroup.ref("arn")).build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> choose(Condition condition, List<String> whenTrue, List<String> whenFalse) {
        Object chosen = condition.choose(whenTrue, whenFalse);
        return chosen instanceof Expression expression ? expression.list() : (List<String>) chosen;
    }
}
