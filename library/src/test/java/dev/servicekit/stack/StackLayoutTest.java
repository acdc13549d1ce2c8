package dev.servicekit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.app.ServicekitApp;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Service;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.snapshot.ReferenceCheck;
import dev.servicekit.snapshot.StackJson;
import dev.servicekit.support.Contexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An environment's stacks as its layout splits them: the default keeps one stack; "service" gives a platform
 * stack and a stack per line, "owner" a stack per owning team; each with a state of its own, none reading
 * another's, every stack of services depending on its platform, and a new line adding one stack and changing none.
 */
class StackLayoutTest {
    private static final String BUSYBOX = "public.ecr.aws/docker/library/busybox:1.36";
    private static final String NGINX = "public.ecr.aws/nginx/nginx:1.27";

    private static Catalog catalog(Service... extra) {
        List<Service> lines = new ArrayList<>(List.of(
                Service.worker("mailer", BUSYBOX).owner("growth"),
                Service.web("shop", NGINX, 8080).owner("storefront").withQueue().prod(p -> p.allowPlainHttp()),
                Service.worker("invoices", BUSYBOX).owner("billing").bucket(),
                Service.web("portal", NGINX, 80).owner("billing").internal()));
        lines.addAll(List.of(extra));
        return Catalog.of(lines);
    }

    /** Every stack's JSON (with cdktf's metadata) and the manifest the CLI reads, from a synthesis into a directory. */
    record Output(Map<String, JsonNode> stacks, JsonNode manifest, Map<String, String> texts) {
        JsonNode stack(String name) {
            return stacks.get(name);
        }

        List<String> dependencies(String stack) {
            List<String> names = new ArrayList<>();
            manifest.path("stacks").path(stack).path("dependencies").forEach(d -> names.add(d.asText()));
            return names;
        }
    }

    static Output synth(Catalog catalog, Map<String, Object> context, Path dir) throws Exception {
        Path out = Files.createTempDirectory(dir, "out");
        Map<String, JsonNode> stacks = new LinkedHashMap<>(new ServicekitApp(catalog, context, out.toString()).synth());
        Map<String, String> texts = new TreeMap<>();
        for (String stack : stacks.keySet()) {
            texts.put(stack, StackJson.render(StackJson.parse(Files.readString(out.resolve("stacks/" + stack + "/cdk.tf.json")))));
        }
        return new Output(stacks, new ObjectMapper().readTree(out.resolve("manifest.json").toFile()), texts);
    }

    private static final Map<String, Object> PROD_PER_SERVICE = Contexts.stageAndProd(Map.of(), Map.of("stacks", "service"));

    @Test
    void perServiceGivesAPlatformStackAndOneStackPerLineBesideADefaultStage(@TempDir Path dir) throws Exception {
        Output output = synth(catalog(), PROD_PER_SERVICE, dir);

        assertThat(output.stacks().keySet()).containsExactly("stage", "prod-platform", "prod-mailer", "prod-shop",
                "prod-invoices", "prod-portal");
        for (String service : List.of("mailer", "shop", "invoices", "portal")) {
            JsonNode stack = output.stack("prod-" + service);
            assertThat(addresses(stack, "resource")).as("prod-" + service + " holds its service's resources only")
                    .isNotEmpty().allSatisfy(address -> assertThat(address).contains("." + service + "_"));
            assertThat(addresses(stack, "data")).as("what it reads: the account, and the platform by name and tag")
                    .allSatisfy(address -> assertThat(address).matches("data\\.aws_[a-z_]+\\.(current|platform_.+)"));
            assertThat(output.dependencies("prod-" + service)).containsExactly("prod-platform");
            assertThat(ReferenceCheck.problems(stack, ReferenceCheck.Providers.CONFIGURED)).isEmpty();
        }
        JsonNode platform = output.stack("prod-platform");
        assertThat(addresses(platform, "resource")).as("the platform: network, cluster, log bucket, overview")
                .contains("aws_vpc.network_vpc", "aws_ecs_cluster.cluster", "aws_s3_bucket.environment_lb_logs",
                        "datadog_dashboard_json.overview_dashboard")
                .noneMatch(address -> address.matches(".*\\.(mailer|shop|invoices|portal)_.*"));
        assertThat(output.dependencies("prod-platform")).isEmpty();
        assertThat(output.dependencies("stage")).isEmpty();
        assertThat(addresses(output.stack("stage"), "resource")).as("stage stays one stack, as before")
                .contains("aws_vpc.network_vpc", "aws_sqs_queue.mailer_queue", "aws_lb.shop_lb");

        // Each stack its own state; none reads another's.
        List<String> states = new ArrayList<>();
        output.stacks().forEach((name, stack) -> {
            states.add(stack.path("terraform").path("backend").path("local").path("path").asText());
            assertThat(output.texts().get(name)).as(name + ": no state but its own")
                    .doesNotContain("terraform_remote_state").containsOnlyOnce(".tfstate");
        });
        assertThat(states).containsExactly("../../../terraform.stage.tfstate", "../../../terraform.prod-platform.tfstate",
                "../../../terraform.prod-mailer.tfstate", "../../../terraform.prod-shop.tfstate",
                "../../../terraform.prod-invoices.tfstate", "../../../terraform.prod-portal.tfstate");
    }

    @Test
    void aServiceStackFindsThePlatformByTheNamesThePlatformGaveIt(@TempDir Path dir) throws Exception {
        Output output = synth(catalog(), PROD_PER_SERVICE, dir);
        JsonNode platform = output.stack("prod-platform");
        JsonNode shop = output.stack("prod-shop");

        JsonNode vpcTags = platform.path("resource").path("aws_vpc").path("network_vpc").path("tags");
        JsonNode lookup = shop.path("data").path("aws_vpc").path("platform_vpc").path("tags");
        assertThat(lookup.fieldNames()).toIterable().isNotEmpty()
                .allSatisfy(tag -> assertThat(lookup.path(tag)).isEqualTo(vpcTags.path(tag)));
        List<String> privateSubnets = new ArrayList<>();
        platform.path("resource").path("aws_subnet").forEach(subnet -> {
            String name = subnet.path("tags").path("Name").asText();
            if (name.contains("-private-")) {
                privateSubnets.add(name);
            }
        });
        assertThat(shop.path("data").path("aws_subnets").path("platform_private_subnets").path("filter").get(1)
                .path("values")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(privateSubnets);
        assertThat(shop.path("data").path("aws_ecs_cluster").path("platform_cluster").path("cluster_name").asText())
                .isEqualTo(platform.path("resource").path("aws_ecs_cluster").path("cluster").path("name").asText());
        assertThat(shop.path("resource").path("aws_ecs_service").path("shop_service").path("cluster").asText())
                .isEqualTo("${data.aws_ecs_cluster.platform_cluster.arn}");
        String bucket = platform.path("resource").path("aws_s3_bucket").path("environment_lb_logs").path("bucket").asText();
        assertThat(shop.path("resource").path("aws_lb").path("shop_lb").path("access_logs").path("bucket").asText())
                .as("its load balancer logs to the platform's bucket, by its name").isEqualTo(bucket);
    }

    @Test
    void addingALineAddsOneStackAndChangesNoOtherStacksFile(@TempDir Path dir) throws Exception {
        Output before = synth(catalog(), PROD_PER_SERVICE, dir);
        Output after = synth(catalog(Service.web("aardwolf", NGINX, 80).owner("zoo").prod(p -> p.allowPlainHttp())),
                PROD_PER_SERVICE, dir);

        Map<String, String> prodBefore = new TreeMap<>(before.texts());
        Map<String, String> prodAfter = new TreeMap<>(after.texts());
        prodBefore.remove("stage");
        prodAfter.remove("stage");
        assertThat(prodAfter.keySet()).containsAll(prodBefore.keySet());
        List<String> added = prodAfter.keySet().stream().filter(name -> !prodBefore.containsKey(name)).toList();
        assertThat(added).containsExactly("prod-aardwolf");
        prodBefore.forEach((name, text) -> assertThat(prodAfter.get(name)).as(name + " unchanged, byte for byte")
                .isEqualTo(text));
    }

    @Test
    void perOwnerGroupsTheLinesOfEachOwningTeam(@TempDir Path dir) throws Exception {
        Output output = synth(catalog(), Contexts.stageAndProd(Map.of("stacks", "owner"), Map.of("stacks", "owner")), dir);

        assertThat(output.stacks().keySet()).containsExactly("stage-platform", "stage-growth", "stage-storefront",
                "stage-billing", "prod-platform", "prod-growth", "prod-storefront", "prod-billing");
        assertThat(addresses(output.stack("prod-billing"), "resource"))
                .anyMatch(address -> address.contains(".invoices_")).anyMatch(address -> address.contains(".portal_"))
                .allMatch(address -> address.matches("[a-z0-9_]+\\.(invoices|portal)_.*"));
        assertThat(output.dependencies("prod-billing")).containsExactly("prod-platform");
        assertThat(output.dependencies("stage-growth")).containsExactly("stage-platform");
    }

    @Test
    void eachStackHasItsOwnS3KeyUnderTheEnvironmentsAndItsOwnCloudWorkspace(@TempDir Path dir) throws Exception {
        Map<String, Object> context = Contexts.stageAndProd(
                Map.of("stacks", "service", "prefix", "acme", "cloud", Map.of("organization", "acme", "project", "infra")),
                Map.of("stacks", "service", "prefix", "acme", "stateBucket", "acme-terraform-state"));
        Output output = synth(catalog(), context, dir);

        JsonNode s3 = output.stack("prod-shop").path("terraform").path("backend").path("s3");
        assertThat(s3.path("key").asText()).isEqualTo("servicekit/acme-prod/shop.tfstate");
        assertThat(s3.path("use_lockfile").asBoolean()).as("its lock beside its key").isTrue();
        assertThat(output.stack("prod-platform").path("terraform").path("backend").path("s3").path("key").asText())
                .isEqualTo("servicekit/acme-prod/platform.tfstate");

        List<String> workspaces = new ArrayList<>();
        output.stacks().forEach((name, stack) -> {
            JsonNode cloud = stack.path("terraform").path("cloud");
            if (name.startsWith("stage")) {
                assertThat(cloud.path("organization").asText()).isEqualTo("acme");
                assertThat(cloud.path("hostname").asText()).isEqualTo("app.terraform.io");
                assertThat(cloud.path("workspaces").path("project").asText()).isEqualTo("infra");
                workspaces.add(cloud.path("workspaces").path("name").asText());
            }
        });
        assertThat(workspaces).as("one workspace per stack, named by environment and service")
                .containsExactly("acme-stage-platform", "acme-stage-mailer", "acme-stage-shop", "acme-stage-invoices",
                        "acme-stage-portal");
    }

    @Test
    void ownersWhoseStacksWouldCollideAreRefused(@TempDir Path dir) {
        Catalog catalog = Catalog.of(Service.worker("a", BUSYBOX).owner("Data Team"),
                Service.worker("b", BUSYBOX).owner("data-team"), Service.worker("c", BUSYBOX).owner("platform"),
                Service.worker("d", BUSYBOX).owner("@@"));
        assertThatThrownBy(() -> synth(catalog, Contexts.stageAndProd(Map.of(), Map.of("stacks", "owner")), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("prod/b: owner: owner 'data-team' gives the stack prod-data-team, which owner "
                        + "'Data Team' gives too")
                .hasMessageContaining("prod/c: owner: owner 'platform' gives the stack prod-platform, which the platform "
                        + "gives too")
                .hasMessageContaining("prod/d: owner: owner '@@' has no letter or digit");
        assertThatThrownBy(() -> synth(catalog(), Contexts.stageAndProd(Map.of(), Map.of("stacks", "services")), dir))
                .hasMessageContaining("prod.stacks: 'services' is not a layout; known: [environment, service, owner]");
    }

    private static List<String> addresses(JsonNode stack, String section) {
        List<String> addresses = new ArrayList<>();
        stack.path(section).fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(name -> addresses.add((section.equals("data") ? "data." : "") + type.getKey() + "." + name)));
        return addresses;
    }
}
