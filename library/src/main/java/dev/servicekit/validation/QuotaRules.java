package dev.servicekit.validation;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.ServiceKind;
import dev.servicekit.catalog.ServiceSpec;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.LoadBalancing;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.rules.AwsLimits;
import dev.servicekit.rules.AwsLimits.Quota;
import dev.servicekit.rules.Problems;
import dev.servicekit.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a catalog asks of AWS's default quotas ({@link AwsLimits#QUOTAS}), summed over the environments that share
 * an account and a region: environments that declare the same {@code account} and region are counted together;
 * an environment without {@code account} is counted alone, for servicekit cannot know which others share its
 * account. A catalog over a quota is refused at synth, naming the quota, its default, the count and the setting
 * that avoids it, unless cdktf.json declares the increase AWS granted ({@code "quotas"}). AWS checks none of these
 * at plan: it refuses the resource that goes over at apply, half-way through.
 *
 * <p>Per region: Application Load Balancers (a web service's own, or the environment's shared ones; a retired
 * service's kept one too), target groups, VPCs (the managed ones and the region's default VPC), Elastic IPs (one
 * per NAT gateway), NAT gateways per availability zone, security groups. Per shared load balancer: its target
 * groups (100, not adjustable) and rules. Rules per security group are checked per service where they are declared
 * ({@link AccessRules}).
 */
final class QuotaRules {
    /** The default VPC AWS creates in every region of an account; it counts toward the VPC quota. */
    static final int DEFAULT_VPCS = 1;

    private QuotaRules() {}

    /** One account and region's environments, counted together. */
    private record Group(String where, String region, List<Environment> environments) {}

    static void check(Catalog catalog, List<Environment> environments, Problems problems) {
        for (Environment env : environments) {
            checkDeclared(env, problems.about(env.name()));
        }
        for (Group group : groups(environments)) {
            Problems.Scope scope = problems.about(group.where());
            Map<Quota, Integer> limits = limits(group);
            Map<Quota, Integer> counts = new LinkedHashMap<>();
            Map<Integer, Integer> natPerZone = new TreeMap<>();
            counts.put(AwsLimits.VPCS, DEFAULT_VPCS);
            for (Environment env : group.environments()) {
                Usage usage = usage(catalog, env);
                usage.perRegion().forEach((quota, count) -> counts.merge(quota, count, Integer::sum));
                if (env.network() instanceof NetworkConfig.Managed managed) {
                    for (int zone = 0; zone < managed.natGateways(); zone++) {
                        natPerZone.merge(zone, 1, Integer::sum);
                    }
                }
                usage.perSharedLoadBalancer().forEach((name, services) -> {
                    for (Quota quota : List.of(AwsLimits.TARGET_GROUPS_PER_LOAD_BALANCER, AwsLimits.RULES_PER_LOAD_BALANCER)) {
                        int limit = limits.get(quota);
                        if (services > limit) {
                            scope.add("quotas." + quota.key(), Rules.overQuota(quota, limit, services,
                                    env.name() + "'s shared load balancer " + name, avoid(quota, limit, services)));
                        }
                    }
                });
            }
            counts.put(AwsLimits.NAT_GATEWAYS_PER_ZONE, natPerZone.values().stream().max(Integer::compare).orElse(0));
            for (Quota quota : List.of(AwsLimits.APPLICATION_LOAD_BALANCERS, AwsLimits.TARGET_GROUPS, AwsLimits.VPCS,
                    AwsLimits.ELASTIC_IPS, AwsLimits.NAT_GATEWAYS_PER_ZONE, AwsLimits.SECURITY_GROUPS)) {
                int count = counts.getOrDefault(quota, 0);
                int limit = limits.get(quota);
                if (count > limit) {
                    scope.add("quotas." + quota.key(), Rules.overQuota(quota, limit, count, group.where(),
                            avoid(quota, limit, count)));
                }
            }
        }
    }

    /**
     * What one environment asks: per region, and per shared load balancer (the services on it, by its name). Both
     * a service's target group and its rule count against a shared load balancer, one each.
     */
    record Usage(Map<Quota, Integer> perRegion, Map<String, Integer> perSharedLoadBalancer) {}

    static Usage usage(Catalog catalog, Environment env) {
        Map<Quota, Integer> region = new LinkedHashMap<>();
        Map<String, Integer> shared = new TreeMap<>();
        boolean sharing = env.loadBalancing() instanceof LoadBalancing.Shared;
        int loadBalancers = 0;
        int targetGroups = 0;
        int securityGroups = env.network() instanceof NetworkConfig.Managed ? 1 : 0;
        for (ServiceSpec spec : catalog.services()) {
            boolean web = spec.kind() instanceof ServiceKind.Web;
            if (spec.retired()) {
                // A retired web service keeps its own load balancer and its group where stateful resources are protected.
                if (web && !sharing && env.protectStatefulResources()) {
                    loadBalancers++;
                    securityGroups++;
                }
                continue;
            }
            securityGroups++;
            if (spec.kind() instanceof ServiceKind.Web w) {
                targetGroups++;
                if (sharing) {
                    shared.merge((w.internal() ? "internal " : "internet-facing ") + w.sharedLoadBalancer(), 1,
                            Integer::sum);
                } else {
                    loadBalancers++;
                    securityGroups++;
                }
            }
        }
        if (env.loadBalancing() instanceof LoadBalancing.Shared s) {
            loadBalancers += s.internetFacing() + s.internal();
            securityGroups += s.internetFacing() + s.internal();
        }
        region.put(AwsLimits.APPLICATION_LOAD_BALANCERS, loadBalancers);
        region.put(AwsLimits.TARGET_GROUPS, targetGroups);
        region.put(AwsLimits.SECURITY_GROUPS, securityGroups);
        if (env.network() instanceof NetworkConfig.Managed managed) {
            region.put(AwsLimits.VPCS, 1);
            region.put(AwsLimits.ELASTIC_IPS, managed.natGateways());
        }
        return new Usage(region, shared);
    }

    /** Environments by account and region; one without an account on its own. */
    private static List<Group> groups(List<Environment> environments) {
        Map<String, List<Environment>> byKey = new LinkedHashMap<>();
        for (Environment env : environments) {
            String key = env.account().map(account -> account + " " + env.region()).orElse("\u0000" + env.name());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(env);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> {
            Environment first = members.get(0);
            String where = first.account().map(account -> "account " + account + " in " + first.region() + " ("
                    + String.join(", ", members.stream().map(Environment::name).toList()) + ")").orElse(first.name());
            groups.add(new Group(where, first.region(), members));
        });
        return groups;
    }

    /** Each quota's limit for a group: AWS's default, or the largest increase one of its environments declares. */
    private static Map<Quota, Integer> limits(Group group) {
        Map<Quota, Integer> limits = new LinkedHashMap<>();
        for (Quota quota : AwsLimits.QUOTAS) {
            int limit = quota.defaultValue();
            for (Environment env : group.environments()) {
                Integer declared = env.quotaIncreases().get(quota.key());
                if (declared != null && quota.adjustable() && declared > limit) {
                    limit = declared;
                }
            }
            limits.put(quota, limit);
        }
        return limits;
    }

    /** The increases an environment declares: quotas servicekit knows, adjustable ones, and positive. */
    private static void checkDeclared(Environment env, Problems.Scope scope) {
        env.quotaIncreases().forEach((key, value) -> {
            Quota quota = AwsLimits.QUOTAS.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
            if (quota == null) {
                scope.add("quotas." + key, Rules.unknownQuota(AwsLimits.QUOTAS.stream().map(Quota::key).toList()));
            } else if (!quota.adjustable()) {
                scope.add("quotas." + key, Rules.quotaNotAdjustable(quota));
            } else if (quota == AwsLimits.SECURITY_GROUP_RULES) {
                scope.add("quotas." + key, Rules.quotaKeptAtDefault(quota));
            } else if (value == null || value < 1) {
                scope.add("quotas." + key, Rules.quotaNotPositive(String.valueOf(value)));
            }
        });
    }

    /** The setting that keeps a catalog within {@code quota}. */
    private static String avoid(Quota quota, int limit, int count) {
        String increase = "or declare the increase AWS granted: \"quotas\": {\"" + quota.key() + "\": " + count + "}";
        if (quota == AwsLimits.APPLICATION_LOAD_BALANCERS) {
            return "share load balancers (\"loadBalancer\": \"shared\", with a \"domain\": each web service a host-header "
                    + "rule on a few shared ones) " + increase;
        }
        if (quota == AwsLimits.TARGET_GROUPS_PER_LOAD_BALANCER) {
            return "AWS does not raise it: put the services above " + limit + " on another shared load balancer (raise "
                    + "\"sharedLoadBalancers\" in cdktf.json, then give the new lines .sharedLoadBalancer(n); the others stay)";
        }
        if (quota == AwsLimits.RULES_PER_LOAD_BALANCER) {
            return "put the services above " + limit + " on another shared load balancer (raise \"sharedLoadBalancers\", "
                    + "then give the new lines .sharedLoadBalancer(n)) " + increase;
        }
        if (quota == AwsLimits.VPCS) {
            return "adopt an existing VPC in some environments (\"vpcId\", \"publicSubnetIds\", \"privateSubnetIds\", "
                    + "\"clusterName\"), deploy them to another account or region, " + increase;
        }
        if (quota == AwsLimits.ELASTIC_IPS || quota == AwsLimits.NAT_GATEWAYS_PER_ZONE) {
            return "fewer NAT gateways (\"natGateways\": 1 shares one per environment, 0 puts tasks in public subnets) "
                    + increase;
        }
        if (quota == AwsLimits.SECURITY_GROUPS) {
            return "share load balancers (\"loadBalancer\": \"shared\" saves a group per web service) " + increase;
        }
        return increase;
    }
}
