package dev.servicekit.parts;

import dev.servicekit.assembly.TaskHandles;
import dev.servicekit.assembly.TargetHandle;
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
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.alerting.MonitoredService;
import dev.servicekit.catalog.HealthCheck;
import dev.servicekit.settings.ServiceNames;
import dev.servicekit.settings.ServiceSettings;
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

/**
 * A web service's Application Load Balancer: its security group, an {@code ip} target group, and an HTTP
 * listener; with HTTPS, an HTTPS listener (TLS 1.3 with 1.2) and a redirect from 80 to 443. Invalid header
 * fields are dropped; access logs go to the environment's bucket, under the service's name; where the
 * environment protects stateful resources, deletion protection is on. Its
 * security group reaches the tasks on their port, and theirs admits it.
 */
public final class LoadBalancerPart implements ServicePart {
    /** TLS 1.3 with 1.2 fallback: AWS's recommended policy. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final int HTTP_PORT = 80;
    public static final int HTTPS_PORT = 443;
    public static final Stateful DNS_NAME = new Stateful("its DNS name would change under its clients",
            List.of("name", "internal", "load_balancer_type"), false);
    static final Stateful REGISTRATIONS = new Stateful("its registered tasks would be dropped and the service "
            + "would be unreachable until it recovers", List.of("name", "port", "protocol", "target_type", "vpc_id"), false);

    private final ServiceSettings.Web web;
    private final boolean connectTasks;

    /** @param connectTasks false for a retired service's load balancer, whose tasks are gone */
    LoadBalancerPart(ServiceSettings.Web web, boolean connectTasks) {
        this.web = web;
        this.connectTasks = connectTasks;
    }

    @Override
    public void declare(ServiceAssembly service) {
        if (service.platform().loadBalancers().shared().isPresent()) {
            declareShared(service, service.platform().loadBalancers().shared().get());
            return;
        }
        ServiceSettings settings = service.settings();
        ServiceNames names = service.names();
        Platform platform = service.platform();
        Condition https = web.https();
        Condition internal = web.internal();

        Block securityGroup = service.declare("lb_security_group", SecurityGroupConfig.builder()
                .namePrefix(names.loadBalancerSecurityGroup())
                .description("Load balancer of " + names.prefix() + ": HTTP(S) in, its tasks out")
                .vpcId(platform.network().vpcId())
                .tags(settings.tags())
                .lifecycle(NetworkAccessPart.REPLACE_WITHOUT_OUTAGE)
                .build());
        service.stateful(securityGroup, NetworkAccessPart.GROUP);
        String source = String.valueOf(internal.choose(platform.network().vpcCidr(), NetworkAccessPart.ANYWHERE));
        ingress(service, securityGroup, HTTP_PORT, source, Condition.ALWAYS);
        ingress(service, securityGroup, HTTPS_PORT, source, https);

        LbConfig.Builder config = LbConfig.builder()
                .name(names.loadBalancer())
                .loadBalancerType("application")
                .internal(internal)
                .securityGroups(List.of(securityGroup.ref("id")))
                .subnets(choose(internal, platform.network().taskSubnetIds(), platform.network().publicSubnetIds()))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(platform.loadBalancers().deletionProtection())
                .tags(settings.tags());
        List<com.hashicorp.cdktf.ITerraformDependable> first = new ArrayList<>();
        if (!internal.always()) {
            // An internet-facing load balancer needs the VPC's internet gateway attached first.
            first.addAll(platform.network().internetReady());
        }
        platform.loadBalancers().accessLogsBucket().ifPresent(bucket -> {
            config.accessLogs(LbAccessLogs.builder().bucket(bucket).prefix(settings.identity().name()).enabled(true)
                    .build());
            // ELB checks that it may write to the bucket when the load balancer is created.
            first.addAll(platform.loadBalancers().accessLogsReady());
        });
        if (!internal.always() || platform.loadBalancers().accessLogsBucket().isPresent()) {
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
                    .tags(settings.tags())
                    .build()).existsWhen(https));
        }

        if (connectTasks) {
            Block tasks = service.require(TaskHandles.SecurityGroup.class, "network").group();
            service.startAfter(NetworkAccessPart.followsReplacementOf(service.declare("lb_to_tasks",
                    VpcSecurityGroupEgressRuleConfig.builder()
                    .securityGroupId(securityGroup.ref("id"))
                    .referencedSecurityGroupId(tasks.ref("id"))
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("To the tasks of " + names.prefix())
                    .tags(settings.tags())
                    .lifecycle(NetworkAccessPart.RULE_LIFECYCLE)
                    .build()), tasks, targetGroup));
            service.startAfter(NetworkAccessPart.followsReplacementOf(service.declare("task_ingress",
                    VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(tasks.ref("id"))
                    .referencedSecurityGroupId(securityGroup.ref("id"))
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("From the load balancer of " + names.prefix())
                    .tags(settings.tags())
                    .lifecycle(NetworkAccessPart.RULE_LIFECYCLE)
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
    private void declareShared(ServiceAssembly service, SharedLoadBalancers shared) {
        ServiceSettings settings = service.settings();
        ServiceNames names = service.names();
        boolean internal = web.internal().always();
        SharedLoadBalancers.SharedLoadBalancer loadBalancer = shared.of(internal, web.sharedLoadBalancer());
        Block targetGroup = targetGroup(service);
        String host = names.hostName(shared.domain());
        Block rule = service.declare("listener_rule", LbListenerRuleConfig.builder()
                .listenerArn(loadBalancer.listenerArn())
                .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(targetGroup.ref("arn"))
                        .build()))
                .condition(List.of(LbListenerRuleCondition.builder()
                        .hostHeader(LbListenerRuleConditionHostHeader.builder().values(List.of(host)).build()).build()))
                .tags(settings.tags())
                .build());
        if (connectTasks) {
            Block tasks = service.require(TaskHandles.SecurityGroup.class, "network").group();
            service.startAfter(service.declare("task_ingress", VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(tasks.ref("id"))
                    .referencedSecurityGroupId(loadBalancer.securityGroupId())
                    .ipProtocol("tcp")
                    .fromPort(web.port())
                    .toPort(web.port())
                    .description("From the shared load balancer of " + names.prefix())
                    .tags(settings.tags())
                    .build()));
            service.publish(new TargetHandle(targetGroup, web.port(), List.of(rule)));
        }
        shared.hostedZoneId().ifPresent(zone -> service.declare("dns",
                SharedLoadBalancerResources.alias(zone, host, loadBalancer)));
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

    private Block targetGroup(ServiceAssembly service) {
        HealthCheck check = web.healthCheck();
        Block targetGroup = service.declare("target_group", LbTargetGroupConfig.builder()
                .name(service.names().targetGroup(Tokens.text(web.port())))
                .port(web.port())
                .protocol("HTTP")
                .targetType("ip")
                .vpcId(service.platform().network().vpcId())
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
                .tags(service.settings().tags())
                .lifecycle(NetworkAccessPart.REPLACE_WITHOUT_OUTAGE)
                .build());
        service.stateful(targetGroup, REGISTRATIONS);
        return targetGroup;
    }

    private static void ingress(ServiceAssembly service, Block securityGroup, int port, String cidr, Condition when) {
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
                .tags(service.settings().tags())
                .lifecycle(NetworkAccessPart.RULE_LIFECYCLE)
                .build()).existsWhen(when);
    }

    /** Port 80: forwards to the tasks, or redirects to HTTPS where HTTPS is on. */
    private static Block httpListener(ServiceAssembly service, Block loadBalancer, Block targetGroup, Condition https) {
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
                .tags(service.settings().tags())
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

    private static LbListenerDefaultAction forward(Block targetGroup) {
        return LbListenerDefaultAction.builder().type("forward").targetGroupArn(targetGroup.ref("arn")).build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> choose(Condition condition, List<String> whenTrue, List<String> whenFalse) {
        Object chosen = condition.choose(whenTrue, whenFalse);
        return chosen instanceof Expression expression ? expression.list() : (List<String>) chosen;
    }
}
