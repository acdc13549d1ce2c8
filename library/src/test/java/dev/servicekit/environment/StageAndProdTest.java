package dev.servicekit.environment;

import dev.servicekit.support.Catalogs;
import dev.servicekit.support.JsonPaths;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage and prod instantiate the same constructs: they differ where their parameters differ, and only there. */
class StageAndProdTest {
    /** Every parameter that differs between the presets, as the paths it changes. */
    private static final List<Pattern> EXPECTED = List.of(
            // network: CIDR; NAT gateways and private default routes only in prod
            p("resource\\.aws_vpc\\.network_vpc\\.cidr_block"),
            p("resource\\.aws_subnet\\.network_(public|private)_subnet_[ab]\\.cidr_block"),
            p("resource\\.aws_(eip|nat_gateway)\\.network_nat_[ab](_ip)?\\..*"),
            p("resource\\.aws_route\\.network_private_[ab]_default_route\\..*"),
            // tasks: size, counts, subnets and public IPs
            p("resource\\.aws_ecs_task_definition\\.[a-z-]+_task\\.(cpu|memory)"),
            p("resource\\.aws_ecs_service\\.[a-z-]+_service\\.desired_count"),
            p("resource\\.aws_ecs_service\\.[a-z-]+_service\\.network_configuration\\.(assign_public_ip|subnets\\[\\d])"),
            p("resource\\.aws_appautoscaling_target\\.[a-z-]+_scaling_target\\.(min|max)_capacity"),
            // logs and protection of stateful resources
            p("resource\\.aws_cloudwatch_log_group\\.[a-z-]+_logs\\.(retention_in_days|lifecycle\\.prevent_destroy)"),
            p("resource\\.aws_cloudwatch_log_group\\.network_flow_logs\\.(retention_in_days|lifecycle\\.prevent_destroy)"),
            p("resource\\.aws_s3_bucket\\.environment_lb_logs\\.(lifecycle\\.prevent_destroy|force_destroy)"),
            p("resource\\.aws_s3_bucket_lifecycle_configuration\\.environment_lb_logs_lifecycle\\.rule\\[0]\\.expiration\\.days"),
            p("resource\\.aws_sqs_queue\\.[a-z-]+_(queue|dlq)\\.lifecycle\\.prevent_destroy"),
            p("resource\\.aws_lb\\.[a-z-]+_lb\\.enable_deletion_protection"),
            // the catalog line's prod certificate: HTTPS listener, port 443 open, HTTP redirects
            p("resource\\.aws_lb_listener\\.checkout_listener_https\\..*"),
            p("resource\\.aws_vpc_security_group_ingress_rule\\.checkout_lb_ingress_443\\..*"),
            p("resource\\.aws_lb_listener\\.checkout_listener_http\\.default_action\\[0]\\..*"),
            p("resource\\.datadog_synthetics_test\\.checkout_synthetics\\.(request_definition\\.url|options_list\\.allow_insecure)"),
            // monitors: thresholds (in the query, the message and the block), priority, handles, no-data minutes
            p("resource\\.datadog_monitor\\.[a-z-]+_monitor_[a-z_]+\\.(query|message|priority|no_data_timeframe"
                    + "|monitor_thresholds\\.(critical|warning))"),
            // the outage composite: priority and handles; its message and the dashboards link prod's default runbook
            p("resource\\.datadog_monitor\\.[a-z-]+_outage\\.(message|priority)"),
            p("resource\\.datadog_dashboard_json\\.billing-worker_dashboard\\.dashboard"),
            // the SLO's target and window (shown on a web service's dashboard too), the synthetics tests'
            // locations, interval, failing locations and priority
            p("resource\\.datadog_dashboard_json\\.checkout_dashboard\\.dashboard"),
            p("resource\\.datadog_service_level_objective\\.[a-z-]+_slo\\.(target_threshold|timeframe"
                    + "|thresholds\\[0]\\.(target|timeframe))"),
            p("resource\\.datadog_synthetics_test\\.[a-z-]+_synthetics\\.(locations\\[\\d]|message"
                    + "|options_list\\.(tick_every|min_location_failed|monitor_priority))"));

    @Test
    void stacksDifferExactlyWhereTheirParametersDiffer() {
        Synthesized out = Catalogs.workerAndWebSynthesized();
        Map<String, String> stage = normalized(out, "stage");
        Map<String, String> prod = normalized(out, "prod");
        Set<String> differing = new TreeSet<>();
        Set<String> all = new TreeSet<>(stage.keySet());
        all.addAll(prod.keySet());
        for (String path : all) {
            if (!java.util.Objects.equals(stage.get(path), prod.get(path))) {
                differing.add(path);
            }
        }
        List<String> unexpected = differing.stream()
                .filter(path -> EXPECTED.stream().noneMatch(pattern -> pattern.matcher(path).matches()))
                .toList();
        assertThat(unexpected).as("stage and prod differ where no parameter differs").isEmpty();
        List<String> unused = new ArrayList<>();
        for (Pattern pattern : EXPECTED) {
            if (differing.stream().noneMatch(path -> pattern.matcher(path).matches())) {
                unused.add(pattern.pattern());
            }
        }
        assertThat(unused).as("parameters that should differ but do not").isEmpty();
    }

    @Test
    void tasksWaitForTheSameThingsInBothEnvironmentsPlusProdsNat() {
        Synthesized out = Catalogs.workerAndWebSynthesized();
        Set<String> nat = Set.of("aws_route.network_private_a_default_route", "aws_route.network_private_b_default_route");
        for (String service : List.of("billing-worker", "checkout")) {
            Set<String> stage = dependencies(out, "stage", service);
            Set<String> prod = dependencies(out, "prod", service);
            Set<String> onlyInProd = new TreeSet<>(prod);
            onlyInProd.removeAll(stage);
            Set<String> expected = new TreeSet<>(nat);
            if (service.equals("checkout")) {
                expected.add("aws_lb_listener.checkout_listener_https");
            }
            assertThat(onlyInProd).as(service + " waits in prod only for").isEqualTo(expected);
            assertThat(stage).as(service + " waits in stage for something prod does not").isSubsetOf(prod);
            assertThat(stage).contains("aws_iam_role_policy." + service + "_execution_policy",
                    "aws_route.network_public_default_route");
        }
    }

    private static Set<String> dependencies(Synthesized out, String env, String service) {
        Set<String> dependencies = new TreeSet<>();
        out.resource(env, "aws_ecs_service", service + "_service").path("depends_on")
                .forEach(d -> dependencies.add(d.asText()));
        return dependencies;
    }

    /** The stack with its environment's name replaced, so that only parameters remain to compare. */
    private static Map<String, String> normalized(Synthesized out, String env) {
        Map<String, String> flat = new java.util.TreeMap<>();
        JsonPaths.flatten(out.stack(env)).forEach((path, value) -> {
            // depends_on is a set: compared as one in tasksWaitForTheSameThingsInBothEnvironmentsPlusProdsNat
            if (!path.startsWith("//") && !path.contains(".depends_on[")) {
                flat.put(path, value.replace(env, "ENV"));
            }
        });
        return flat;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }
}
