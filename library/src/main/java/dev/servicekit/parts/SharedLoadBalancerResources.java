package dev.servicekit.parts;

import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificateConfig;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidationConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_lb.DataAwsLbConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_lb_listener.DataAwsLbListenerConfig;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb.LbConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRuleConfig;
import dev.servicekit.assembly.SecurityGroups;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.loadbalancer.LoadBalancerPart;
import dev.servicekit.loadbalancer.SharedLoadBalancers;
import dev.servicekit.settings.EnvironmentNames;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Condition;
import dev.servicekit.terraform.Expression;
import dev.servicekit.terraform.TerraformDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An environment's shared Application Load Balancers ({@code "loadBalancer": "shared"}), as its platform creates
 * them ({@link #declare}) or as a service's own stack finds them by name ({@link #lookup}).
 *
 * <p>Each load balancer has a security group (clients in on 80, and 443 with HTTPS; out to the VPC, where the
 * services' tasks admit it on their own ports), access logs under {@code shared-<name>}, an HTTP listener (a
 * redirect to HTTPS with a certificate) and with a certificate an HTTPS listener; both answer 404 for a host no
 * service claims. Services add their rules (host header {@code <service>.<domain>}) and target groups in their own
 * stacks: adding one changes nothing here. AWS caps a load balancer at 100 target groups (not adjustable) and 100
 * rules by default; validation counts both.
 */
public final class SharedLoadBalancerResources implements SharedLoadBalancers {
    /** What a listener answers for a host no service claims. */
    static final String NO_SUCH_HOST = "No service of this environment answers on this host name.";

    private final LoadBalancing.Shared shared;
    private final Condition https;
    private final java.util.function.BiFunction<Boolean, Integer, SharedLoadBalancer> find;
    private final Map<String, SharedLoadBalancer> found = new HashMap<>();

    private SharedLoadBalancerResources(LoadBalancing.Shared shared, Condition https,
                                        java.util.function.BiFunction<Boolean, Integer, SharedLoadBalancer> find) {
        this.shared = shared;
        this.https = https;
        this.find = find;
    }

    @Override
    public String domain() {
        return shared.domain();
    }

    @Override
    public Optional<String> hostedZoneId() {
        return shared.hostedZoneId();
    }

    @Override
    public Condition https() {
        return https;
    }

    @Override
    public synchronized SharedLoadBalancer of(boolean internal, int slot) {
        return found.computeIfAbsent((internal ? "internal-" : "public-") + slot, key -> find.apply(internal, slot));
    }

    /** Whether the environment's shared load balancers listen on HTTPS: it has a certificate, given or requested. */
    public static boolean https(LoadBalancing.Shared shared, Optional<String> certificateArn) {
        return certificateArn.isPresent() || shared.hostedZoneId().isPresent();
    }

    /**
     * Creates every shared load balancer the environment keeps ({@code sharedLoadBalancers}), whether or not a
     * service uses it yet: the first service on one changes no other stack.
     *
     * @param platform       the environment's platform, without shared load balancers yet
     * @param certificateArn the environment's certificate; without one and with a hosted zone, a wildcard
     *                       certificate {@code *.<domain>} is requested and validated in the zone
     */
    public static SharedLoadBalancerResources declare(TerraformDocument document, Platform platform,
                                                      LoadBalancing.Shared shared, EnvironmentNames names,
                                                      Map<String, String> tags, Optional<String> certificateArn) {
        Optional<String> certificate = certificateArn.or(() -> shared.hostedZoneId()
                .map(zone -> wildcardCertificate(document, shared.domain(), zone, tags)));
        Condition https = Condition.of(certificate.isPresent());
        Map<String, SharedLoadBalancer> created = new TreeMap<>();
        for (boolean internal : List.of(false, true)) {
            for (int slot = 0; slot < shared.count(internal); slot++) {
                created.put(key(internal, slot), create(document, platform, names.sharedLoadBalancer(internal, slot),
                        internal, slot, tags, certificate));
            }
        }
        return new SharedLoadBalancerResources(shared, https, (internal, slot) -> java.util.Objects.requireNonNull(
                created.get(key(internal, slot)), () -> "no shared load balancer " + key(internal, slot)));
    }

    /**
     * Finds the shared load balancers in a stack of their services, by name, declaring a data source for each
     * one the first time a service asks for it (a stack holds only those its services use).
     */
    public static SharedLoadBalancerResources lookup(TerraformDocument document, LoadBalancing.Shared shared,
                                                     EnvironmentNames names, Optional<String> certificateArn) {
        boolean https = https(shared, certificateArn);
        return new SharedLoadBalancerResources(shared, Condition.of(https), (internal, slot) -> {
            String id = "platform_lb_" + key(internal, slot).replace('-', '_');
            Block lb = document.add(Block.data(id, DataAwsLbConfig.builder()
                    .name(names.sharedLoadBalancer(internal, slot)).build()).path("platform/" + id));
            Block listener = document.add(Block.data(id + (https ? "_https" : "_http"), DataAwsLbListenerConfig.builder()
                    .loadBalancerArn(lb.ref("arn")).port(https ? LoadBalancerPart.HTTPS_PORT : LoadBalancerPart.HTTP_PORT)
                    .build()).path("platform/" + id + "/listener"));
            // The load balancer has exactly one security group: the one its platform gave it.
            return new SharedLoadBalancer(listener.ref("arn"), lb.ref("arn_suffix"), lb.ref("dns_name"),
                    lb.ref("zone_id"), "${" + lb.expression("security_groups").call("one").hcl() + "}");
        });
    }

    private static String key(boolean internal, int slot) {
        return (internal ? "internal-" : "public-") + slot;
    }

    private static SharedLoadBalancer create(TerraformDocument document, Platform platform, String name,
                                             boolean internal, int slot, Map<String, String> tags,
                                             Optional<String> certificate) {
        String id = "environment_lb_" + key(internal, slot).replace('-', '_');
        String path = "shared-load-balancers/" + key(internal, slot);
        Map<String, String> named = new TreeMap<>(tags);
        named.put("Name", name);
        Block securityGroup = add(document, id + "_security_group", path + "/security-group", SecurityGroupConfig.builder()
                .namePrefix(name + "-")
                .description("Shared load balancer " + name + ": HTTP(S) in, the tasks of its services out")
                .vpcId(platform.network().vpcId())
                .tags(named)
                .lifecycle(SecurityGroups.REPLACE_WITHOUT_OUTAGE)
                .build());
        String clients = internal ? platform.network().vpcCidr() : SecurityGroups.ANYWHERE;
        List<Integer> ports = certificate.isPresent()
                ? List.of(LoadBalancerPart.HTTP_PORT, LoadBalancerPart.HTTPS_PORT) : List.of(LoadBalancerPart.HTTP_PORT);
        for (int port : ports) {
            add(document, id + "_ingress_" + port, path + "/ingress-" + port, VpcSecurityGroupIngressRuleConfig.builder()
                    .securityGroupId(securityGroup.ref("id")).cidrIpv4(clients).ipProtocol("tcp")
                    .fromPort(port).toPort(port).description("Clients on " + port).tags(named).build());
        }
        // One rule for every service: each service's tasks admit this group on their own port alone. A rule per
        // service would meet EC2's 60 outbound rules per group long before the 100 services a load balancer takes.
        add(document, id + "_to_tasks", path + "/to-tasks", VpcSecurityGroupEgressRuleConfig.builder()
                .securityGroupId(securityGroup.ref("id")).cidrIpv4(platform.network().vpcCidr()).ipProtocol("tcp")
                .fromPort(1).toPort(65535).description("To the tasks of its services, in the VPC").tags(named).build());

        LbConfig.Builder config = LbConfig.builder()
                .name(name)
                .loadBalancerType("application")
                .internal(internal)
                .securityGroups(List.of(securityGroup.ref("id")))
                .subnets(internal ? platform.network().taskSubnetIds() : platform.network().publicSubnetIds())
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(platform.loadBalancers().deletionProtection())
                .tags(named);
        List<com.hashicorp.cdktf.ITerraformDependable> first = new ArrayList<>();
        if (!internal) {
            first.addAll(platform.network().internetReady());
        }
        platform.loadBalancers().accessLogsBucket().ifPresent(bucket -> {
            config.accessLogs(LbAccessLogs.builder().bucket(bucket).prefix("shared-" + key(internal, slot))
                    .enabled(true).build());
            first.addAll(platform.loadBalancers().accessLogsReady());
        });
        if (!first.isEmpty()) {
            config.dependsOn(first);
        }
        Block loadBalancer = add(document, id, path + "/load-balancer", config.build());
        loadBalancer.stateful(LoadBalancerPart.DNS_NAME);

        LbListenerDefaultAction notFound = LbListenerDefaultAction.builder().type("fixed-response")
                .fixedResponse(LbListenerDefaultActionFixedResponse.builder().contentType("text/plain")
                        .messageBody(NO_SUCH_HOST).statusCode("404").build()).build();
        Block listener;
        if (certificate.isPresent()) {
            add(document, id + "_http", path + "/http", LbListenerConfig.builder()
                    .loadBalancerArn(loadBalancer.ref("arn")).port(LoadBalancerPart.HTTP_PORT).protocol("HTTP")
                    .defaultAction(List.of(LbListenerDefaultAction.builder().type("redirect")
                            .redirect(LbListenerDefaultActionRedirect.builder()
                                    .port(String.valueOf(LoadBalancerPart.HTTPS_PORT)).protocol("HTTPS")
                                    .statusCode("HTTP_301").build()).build()))
                    .tags(named).build());
            listener = add(document, id + "_https", path + "/https", LbListenerConfig.builder()
                    .loadBalancerArn(loadBalancer.ref("arn")).port(LoadBalancerPart.HTTPS_PORT).protocol("HTTPS")
                    .sslPolicy(LoadBalancerPart.TLS_POLICY).certificateArn(certificate.get())
                    .defaultAction(List.of(notFound)).tags(named).build());
        } else {
            listener = add(document, id + "_http", path + "/http", LbListenerConfig.builder()
                    .loadBalancerArn(loadBalancer.ref("arn")).port(LoadBalancerPart.HTTP_PORT).protocol("HTTP")
                    .defaultAction(List.of(notFound)).tags(named).build());
        }
        return new SharedLoadBalancer(listener.ref("arn"), loadBalancer.ref("arn_suffix"), loadBalancer.ref("dns_name"),
                loadBalancer.ref("zone_id"), securityGroup.ref("id"));
    }

    /**
     * A wildcard certificate for every service's host name, validated by a DNS record in the zone (ACM's DNS
     * validation: one CNAME, which also renews it); its ARN once validated, so no listener waits on a pending one.
     */
    private static String wildcardCertificate(TerraformDocument document, String domain, String zone,
                                              Map<String, String> tags) {
        Block certificate = add(document, "environment_certificate", "certificate/certificate", AcmCertificateConfig.builder()
                .domainName("*." + domain)
                .validationMethod("DNS")
                .tags(tags)
                .lifecycle(SecurityGroups.REPLACE_WITHOUT_OUTAGE)
                .build());
        // One name, one validation option: its record's name, type and value are known once ACM issued them.
        String option = certificate.expression("domain_validation_options").call("tolist").hcl() + "[0]";
        Block record = add(document, "environment_certificate_validation", "certificate/validation-record",
                Route53RecordConfig.builder()
                        .zoneId(zone)
                        .name(Expression.of(option + ".resource_record_name").toString())
                        .type(Expression.of(option + ".resource_record_type").toString())
                        .records(List.of(Expression.of(option + ".resource_record_value").toString()))
                        .ttl(60)
                        .allowOverwrite(true)
                        .build());
        Block validation = add(document, "environment_certificate_valid", "certificate/validation",
                AcmCertificateValidationConfig.builder()
                        .certificateArn(certificate.ref("arn"))
                        .validationRecordFqdns(List.of(record.ref("fqdn")))
                        .build());
        return validation.ref("certificate_arn");
    }

    private static Block add(TerraformDocument document, String name, String path, Object config) {
        return document.add(Block.resource(name, config).path(path));
    }
}
