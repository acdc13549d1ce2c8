package dev.servicekit.parts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Service;
import dev.servicekit.generation.ModuleGenerator;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A security group that Terraform replaces must never lose the rules running tasks use before their
 * replacements exist. Terraform destroys a dependent that is not create_before_destroy before it creates the
 * replacement of its create_before_destroy dependency (Terraform's docs/destroying.md, "Create Before
 * Destroy": "B is destroyed, A is created, B is created, A is destroyed"), so every rule is
 * create_before_destroy too; a rule that admits another group of the service is replaced with that group
 * (replace_triggered_by) rather than re-pointed in place, which would cut the old tasks off first; and the
 * groups' descriptions, which force replacement, do not depend on the line's options.
 */
class SecurityGroupReplacementTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    private static final NetworkRule SCRAPE = NetworkRule.tcp(9100).securityGroup("sg-0123456789abcdef0")
            .describedAs("Prometheus scrapes");
    private static final NetworkRule POSTGRES = NetworkRule.tcp(5432).cidr("10.40.0.0/16").describedAs("Postgres");

    @Test
    void aGroupsDescriptionDoesNotDependOnTheLinesRules() {
        Synthesized plain = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 8080).prod(p -> p.allowPlainHttp()),
                Service.worker("mailer", IMAGE)), TestEnvironments.context());
        Synthesized withRules = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 8080).prod(p -> p.allowPlainHttp())
                .ingress(SCRAPE).egress(POSTGRES), Service.worker("mailer", IMAGE).ingress(SCRAPE)), TestEnvironments.context());
        for (String env : List.of("stage", "prod")) {
            for (String group : List.of("shop_task_security_group", "shop_lb_security_group", "mailer_task_security_group")) {
                assertThat(withRules.resource(env, "aws_security_group", group).path("description"))
                        .as(env + ": " + group + "'s description forces replacement; adding a rule must not change it")
                        .isEqualTo(plain.resource(env, "aws_security_group", group).path("description"));
            }
        }
    }

    @Test
    void everyRuleIsReplacedCreateBeforeDestroyAndRulesAdmittingAnotherGroupFollowIt() throws Exception {
        Synthesized out = Synthesized.of(Catalog.of(Service.web("shop", IMAGE, 8080).prod(p -> p.allowPlainHttp())
                .ingress(SCRAPE).egress(POSTGRES), Service.worker("mailer", IMAGE).ingress(SCRAPE)), TestEnvironments.context());
        Map<String, JsonNode> configurations = new LinkedHashMap<>();
        configurations.put("stage", out.stack("stage"));
        configurations.put("prod", out.stack("prod"));
        for (Map.Entry<Path, String> file : ModuleGenerator.generate().entrySet()) {
            if (file.getKey().endsWith(ModuleGenerator.MODULE_FILE)) {
                configurations.put(file.getKey().toString(), StackJson.parse(file.getValue()));
            }
        }
        for (Map.Entry<String, JsonNode> configuration : configurations.entrySet()) {
            List<String> rules = new ArrayList<>();
            for (String type : List.of("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
                configuration.getValue().path("resource").path(type).fields().forEachRemaining(rule -> {
                    rules.add(type + "." + rule.getKey());
                    assertThat(rule.getValue().path("lifecycle").path("create_before_destroy").asBoolean())
                            .as(configuration.getKey() + ": " + type + "." + rule.getKey() + " is create_before_destroy")
                            .isTrue();
                });
            }
            assertThat(rules).as(configuration.getKey()).isNotEmpty();
        }
        for (String env : List.of("stage", "prod")) {
            assertThat(out.resource(env, "aws_vpc_security_group_egress_rule", "shop_lb_to_tasks")
                    .path("lifecycle").path("replace_triggered_by").toString())
                    .as("the load balancer's egress is replaced, not re-pointed, when the tasks' group or the target "
                            + "group (a new port) is replaced")
                    .contains("\"aws_security_group.shop_task_security_group.id\"")
                    .contains("\"aws_lb_target_group.shop_target_group.id\"");
            assertThat(out.resource(env, "aws_vpc_security_group_ingress_rule", "shop_task_ingress")
                    .path("lifecycle").path("replace_triggered_by").toString())
                    .contains("\"aws_security_group.shop_lb_security_group.id\"")
                    .contains("\"aws_lb_target_group.shop_target_group.id\"");
        }
    }
}
