package dev.servicekit.generation;

import dev.servicekit.support.TestEnvironments;
import dev.servicekit.alerting.MonitoredService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.support.TerraformCli;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.validation.CatalogValidator;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.rules.Rules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The modules' validation blocks, evaluated by the real Terraform binary: their variables alone need no
 * provider, so {@code terraform init} and {@code plan} run offline. Bad input gets the very message the
 * Java validator gives for the same catalog line.
 */
@Execution(ExecutionMode.CONCURRENT) // Terraform in temporary directories of its own, each plan read-only
class ModuleValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path worker;
    @TempDir
    static Path web;

    @BeforeAll
    static void variablesOnly() throws Exception {
        for (ModuleKind kind : ModuleKind.values()) {
            Path dir = kind == ModuleKind.WORKER ? worker : web;
            JsonNode module = JSON.readTree(ModuleGenerator.MODULES.resolve(kind.folder())
                    .resolve(ModuleGenerator.MODULE_FILE).toFile());
            ObjectNode variables = JSON.createObjectNode();
            variables.set("variable", module.path("variable"));
            Files.writeString(dir.resolve("main.tf.json"), variables.toPrettyString());
            TerraformCli.Result init = TerraformCli.run(dir, "init", "-backend=false", "-input=false", "-no-color");
            assertThat(init.exit()).as(init.output()).isZero();
        }
    }

    private static final Map<String, String> REQUIRED = Map.of("name", "svc", "environment", "stage", "image", "img",
            "vpc_id", "vpc-0123456789abcdef0", "subnet_ids", "[\"subnet-0a1b2c3d4e5f60001\", \"subnet-0a1b2c3d4e5f60002\"]",
            "cluster_name", "c", "notify", "@slack-x", "page", "@pagerduty-x",
            "runbook_url", "https://wiki.example.com/svc");

    /** The error details of a plan with these inputs (on top of the required ones). */
    private static List<String> errors(Path module, Map<String, String> inputs) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(REQUIRED);
        if (module == web) {
            all.put("public_subnet_ids", "[\"subnet-0a1b2c3d4e5f60003\", \"subnet-0a1b2c3d4e5f60004\"]");
            all.put("access_logs_bucket", "stage-lb-logs-123456789012");
        }
        all.putAll(inputs);
        List<String> args = new ArrayList<>(List.of("plan", "-input=false", "-json", "-lock=false"));
        all.forEach((k, v) -> args.add("-var=" + k + "=" + v));
        TerraformCli.Result plan = TerraformCli.run(module, args.toArray(String[]::new));
        List<String> details = new ArrayList<>();
        for (String line : plan.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode event = JSON.readTree(line);
                if (event.has("diagnostic") && !event.path("diagnostic").path("severity").asText().isEmpty()) {
                    details.add(event.path("diagnostic").path("severity").asText() + ": "
                            + event.path("diagnostic").path("detail").asText().split("\n\n")[0]);
                }
            }
        }
        assertThat(plan.exit() == 0).as(plan.output()).isEqualTo(details.stream().noneMatch(d -> d.startsWith("error")));
        return details;
    }

    /**
     * What the Java validator says of a line in one environment (or in all of them), as
     * {@code error: field: message}.
     */
    private static List<String> java(Service line, String environment) {
        // A module's runbook_url is a required input: the Java side's environments give prod one too.
        ConfigurationException e = catchThrowableOfType(() -> CatalogValidator.validate(Catalog.of(line),
                List.of(TestEnvironments.stage(), TestEnvironments.prod())), ConfigurationException.class);
        assertThat(e).isNotNull();
        return e.problems().stream()
                .filter(p -> p.where().startsWith(environment + "/") || p.where().startsWith("catalog/"))
                .map(Problem::toString).map(p -> "error: " + p.substring(p.indexOf(": ") + 2)).toList();
    }

    @Test
    void defaultsAndRequiredInputsPassWithoutWarnings() throws Exception {
        assertThat(errors(worker, Map.of())).isEmpty();
        assertThat(errors(web, Map.of())).isEmpty();
    }

    @Test
    void aFargateSizeThatDoesNotExistGetsServicekitsMessage() throws Exception {
        assertThat(errors(worker, Map.of("cpu", "256", "memory", "4096")))
                .isEqualTo(java(Service.worker("svc", "img").size(Fargate.cpu(256).memoryMiB(4096)), "stage"));
        assertThat(errors(worker, Map.of("cpu", "300", "memory", "1024")))
                .contains(java(Service.worker("svc", "img").size(Fargate.cpu(300).memoryMiB(1024)), "stage").get(0));
    }

    @Test
    void countsLogRetentionAndThresholdsGetServicekitsMessages() throws Exception {
        assertThat(errors(worker, Map.of("min_count", "3", "desired_count", "2", "max_count", "10")))
                .isEqualTo(java(Service.worker("svc", "img").counts(c -> c.min(3).desired(2).max(10)), "stage"));
        assertThat(errors(worker, Map.of("log_retention_days", "10")))
                .isEqualTo(java(Service.worker("svc", "img").stage(s -> s.logRetentionDays(10)), "stage"));
        assertThat(errors(worker, Map.of("cpu_critical", "60", "cpu_warning", "70")))
                .isEqualTo(java(Service.worker("svc", "img").monitor(MonitorKind.CPU, Thresholds.of(60, 70)), "stage"));
        assertThat(errors(web, Map.of("no_healthy_targets_critical", "2", "no_healthy_targets_warning", "1")))
                .isEqualTo(java(Service.web("svc", "img", 80).internal()
                        .monitor(MonitorKind.NO_HEALTHY_TARGETS, Thresholds.of(2, 1)), "stage"));
    }

    @Test
    void boundsThatJavaChecksAreCheckedInTerraformToo() throws Exception {
        assertThat(errors(worker, Map.of("min_count", "0", "desired_count", "0", "max_count", "0")))
                .containsExactlyInAnyOrder("error: maxCount: 0 must be at least 1",
                        "error: minCount: " + Rules.needsATask("0"));
        // One at a time: Terraform skips rules that refer to a variable that already failed its own.
        assertThat(errors(worker, Map.of("cpu_critical", "120", "cpu_warning", "70")))
                .isEqualTo(java(Service.worker("svc", "img").monitor(MonitorKind.CPU, Thresholds.of(120, 70)), "stage"));
        assertThat(errors(worker, Map.of("cpu_warning", "-1")))
                .isEqualTo(java(Service.worker("svc", "img").monitor(MonitorKind.CPU, Thresholds.of(85, -1)), "stage"));
        assertThat(errors(web, Map.of("no_healthy_targets_critical", "0")))
                .isEqualTo(java(Service.web("svc", "img", 80).internal()
                        .monitor(MonitorKind.NO_HEALTHY_TARGETS, Thresholds.critical(0)), "stage"));
        assertThat(errors(web, Map.of("environment", "internal")))
                .containsExactly("error: load balancer name: 'internal-svc' must not start with 'internal-'");
    }

    @Test
    void namesThatAwsWouldRejectGetServicekitsMessages() throws Exception {
        String longName = "a-web-service-with-a-long-name";
        assertThat(errors(web, Map.of("name", longName)))
                .containsExactly(java(Service.web(longName, "img", 80).internal(), "stage").stream()
                        .filter(p -> p.contains("load balancer name") || p.contains("target group name"))
                        .toArray(String[]::new));
        assertThat(errors(worker, Map.of("name", "Bad_Name")))
                .containsExactly("error: name: " + dev.servicekit.rules.Rules.badServiceName("Bad_Name"));
    }

    @Test
    void alertingInputsGetServicekitsMessages() throws Exception {
        // Both inputs are the module's: the burn rate is named (the Java line says it on its own target).
        assertThat(errors(web, Map.of("slo_target", "90"))).containsExactly("error: monitor slo_fast_burn.critical: "
                + Rules.badBurnRate("14.4", "90", "10"));
        assertThat(errors(web, Map.of("slo_target", "90", "slo_fast_burn_critical", "10"))).as("exactly the maximum")
                .isEmpty();
        assertThat(errors(web, Map.of("synthetics_critical", "4")))
                .isEqualTo(java(Service.web("svc", "img", 80).prod(p -> p.allowPlainHttp()
                        .monitor(MonitorKind.SYNTHETICS, Thresholds.critical(4))), "prod"));
        // Units a user gets wrong: a fraction for a percentage, milliseconds for seconds.
        assertThat(errors(web, Map.of("slo_target", "0.999"))).containsExactly("error: slo.target: "
                + Rules.badSloTarget("0.999"));
        assertThat(java(Service.web("svc", "img", 80).internal().slo(0.999, "30d")
                .withoutMonitor(MonitorKind.SLO_FAST_BURN).withoutMonitor(MonitorKind.SLO_SLOW_BURN), "prod"))
                .containsExactly("error: slo.target: " + Rules.badSloTarget("0.999"));
        assertThat(errors(web, Map.of("latency_critical", "500", "latency_warning", "250"))).containsExactly(
                "error: monitor latency.critical: " + Rules.slowerThanTheLoadBalancerWaits("500"));
        assertThat(java(Service.web("svc", "img", 80).internal().monitor(MonitorKind.LATENCY, Thresholds.of(500, 250)),
                "prod")).containsExactly("error: monitor latency.critical: " + Rules.slowerThanTheLoadBalancerWaits("500"));
        assertThat(errors(web, Map.of("slo_window", "1d")))
                .containsExactly("error: slo.window: " + Rules.badSloWindow("1d", dev.servicekit.alerting.SloTarget.WINDOWS));
        assertThat(errors(worker, Map.of("page", "pagerduty")))
                .containsExactly("error: page: " + Rules.badHandle("pagerduty"));
        assertThat(errors(worker, Map.of("service_reporting_critical", "30")))
                .isEqualTo(java(Service.worker("svc", "img").monitor(MonitorKind.SERVICE_REPORTING,
                        Thresholds.critical(30)), "stage"));
    }

    @Test
    void aPrivateEcrImageNeedsItsPlanTimeSwitch() throws Exception {
        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:1.4";
        assertThat(errors(worker, Map.of("image", image)))
                .containsExactly("error: image: " + Rules.privateEcrImage(image, "private_ecr_image"));
        assertThat(errors(worker, Map.of("image", image, "private_ecr_image", "true"))).isEmpty();
    }

    @Test
    void webInputsAreChecked() throws Exception {
        assertThat(errors(web, Map.of("port", "70000"))).containsExactly("error: port: 70000 is outside 1-65535");
        assertThat(errors(web, Map.of("certificate_arn", "arn:aws:iam::1:x", "enable_https", "true")))
                .containsExactly("error: certificateArn: 'arn:aws:iam::1:x' is not an ACM certificate ARN");
        String certificate = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
        assertThat(errors(web, Map.of("certificate_arn", certificate, "enable_https", "true"))).isEmpty();
        assertThat(errors(web, Map.of("certificate_arn", certificate)))
                .containsExactly("error: certificateArn: " + Rules.HTTPS_NEEDS_A_CERTIFICATE);
        assertThat(errors(web, Map.of("enable_https", "true")))
                .containsExactly("error: certificateArn: " + Rules.HTTPS_NEEDS_A_CERTIFICATE);
        assertThat(errors(worker, Map.of("notify", "@pagerduty-payments"))).containsExactly(
                "error: notify: '@pagerduty-payments' is a paging integration, but warnings and causes must not page: "
                        + "notify a chat or email handle such as @slack-alerts (symptoms page through page)");
        assertThat(errors(worker, Map.of("notify", "@PagerDuty-Payments"))).as("handles in any case").hasSize(1);
        assertThat(errors(worker, Map.of("notify", "@oncall-payments@example.com"))).as("an email address").isEmpty();
        assertThat(errors(web, Map.of("public_subnet_ids", "[]"))).containsExactly(
                "error: publicSubnetIds: needs at least two distinct public subnets: a load balancer spans two zones");
        assertThat(errors(web, Map.of("public_subnet_ids", "[\"subnet-0a1b2c3d4e5f60003\", \"subnet-0a1b2c3d4e5f60003\"]")))
                .containsExactly("error: publicSubnetIds: needs at least two distinct public subnets: a load balancer "
                        + "spans two zones");
        assertThat(errors(worker, Map.of("subnet_ids", "[\"subnet-1\", \"subnet-1\"]", "vpc_id", "vpc-1")))
                .containsExactlyInAnyOrder(
                        "error: vpcId: 'vpc-1' is not a VPC ID such as vpc-0123456789abcdef0",
                        "error: subnetIds: 'subnet-1, subnet-1' are not all subnet IDs such as subnet-0123456789abcdef0",
                        "error: subnetIds: needs at least 2 distinct subnets, one per zone: tasks in one subnet all "
                                + "stop when its zone fails");
        assertThat(errors(web, Map.of("public_subnet_ids", "[]", "internal", "true"))).isEmpty();
    }

    @Test
    void aSecretsKeyMustBeAKmsKeyArnAsInJava() throws Exception {
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertThat(errors(worker, Map.of("secrets", "[\"DB_PASSWORD\"]", "secrets_kms_key_arn", key))).isEmpty();
        assertThat(errors(worker, Map.of("secrets_kms_key_arn", "alias/payments")))
                .containsExactly("error: secretsKmsKeyArn: " + Rules.badKmsKey("alias/payments"));
    }

    @Test
    void prodServesPlainHttpOnlyOnPurposeAsTheJavaRuleSays() throws Exception {
        String message = "error: certificateArn: " + Rules.needsCertificate("prod");
        assertThat(errors(web, Map.of("environment", "prod"))).containsExactly(message);
        assertThat(java(Service.web("svc", "img", 80), "prod")).contains(message);
        assertThat(errors(web, Map.of("environment", "prod", "allow_plain_http", "true"))).isEmpty();
        assertThat(errors(web, Map.of("environment", "prod", "internal", "true"))).isEmpty();
        assertThat(errors(web, Map.of("environment", "prod", "enable_https", "true",
                "certificate_arn", "arn:aws:acm:us-east-1:123456789012:certificate/abc"))).isEmpty();
        assertThat(errors(web, Map.of("environment", "stage"))).isEmpty();
    }

    @Test
    void containerVariablesAndSecretsAsInJava() throws Exception {
        assertThat(errors(worker, Map.of("environment_variables", "{LOG_LEVEL = \"info\"}", "secrets", "[\"DB_PASSWORD\"]",
                "bucket", "true"))).isEmpty();
        assertThat(errors(worker, Map.of("environment_variables", "{\"1BAD\" = \"x\", QUEUE_URL = \"x\"}")))
                .containsExactlyInAnyOrder("error: env: " + Rules.notAllVariableNames("1BAD"),
                        "error: env: " + Rules.variablesSetByServicekit("QUEUE_URL"));
        assertThat(errors(worker, Map.of("environment_variables", "{DB_PASSWORD = \"hunter2\"}"))).containsExactly(
                "error: env: " + Rules.plaintextSecret("DB_PASSWORD"));
        assertThat(errors(worker, Map.of("environment_variables", "{KEY_ID = \"AKIAIOSFODNN7EXAMPLE\", LEVEL = \"x\"}")))
                .containsExactly("error: env: " + Rules.credentialInPlainText("KEY_ID"));
        assertThat(java(Service.worker("svc", "img").env("KEY_ID", "AKIAIOSFODNN7EXAMPLE"), "stage")).containsExactly(
                "error: env.KEY_ID: " + Rules.credentialInPlainText("KEY_ID"));
        // Named after a secret but about one, or a word that only contains a secret's: plain variables.
        String notSecrets = "{TOKEN_URL = \"https://idp/token\", PASSWORD_MIN_LENGTH = \"12\", "
                + "POSTGRES_PASSWORD_FILE = \"/run/secrets/pg\", SECRETS_MANAGER_REGION = \"eu-west-1\", "
                + "MAX_TOKENS = \"512\", API_KEY_HEADER_NAME = \"X-Api-Key\", DEFAULT_MARKET = \"ASIAPACIFICSOUTHEASTERN\"}";
        assertThat(errors(worker, Map.of("environment_variables", notSecrets))).isEmpty();
        assertThat(java(Service.worker("svc", "img").env("TOKEN_URL", "https://idp/token").env("MAX_TOKENS", "512")
                .env("DEFAULT_MARKET", "ASIAPACIFICSOUTHEASTERN").env("POSTGRES_PASSWORD_FILE", "/run/secrets/pg")
                .env("DB_PASSWORD", "x"), "stage")).containsExactly("error: env.DB_PASSWORD: " + Rules.plaintextSecret("DB_PASSWORD"));
        assertThat(errors(worker, Map.of("environment_variables", "{GITHUB_TOKEN = \"x\", DD_API_KEY = \"y\", "
                + "CLIENT_SECRET = \"z\", LOG_LEVEL = \"info\"}"))).containsExactly(
                "error: env: " + Rules.plaintextSecret("CLIENT_SECRET, DD_API_KEY, GITHUB_TOKEN"));
        assertThat(errors(worker, Map.of("environment_variables", "{OAUTH_TOKEN_TYPE = \"bearer\", API_VERSION = \"2\"}")))
                .isEmpty();
        assertThat(java(Service.worker("svc", "img").env("DB_PASSWORD", "hunter2"), "stage")).containsExactly(
                "error: env.DB_PASSWORD: " + Rules.plaintextSecret("DB_PASSWORD"));
        assertThat(errors(web, Map.of("environment_variables", "{BUCKET_NAME = \"x\"}"))).as("no bucket, no clash")
                .isEmpty();
        assertThat(errors(web, Map.of("environment_variables", "{BUCKET_NAME = \"x\"}", "bucket", "true")))
                .containsExactly("error: env: " + Rules.variablesSetByServicekit("BUCKET_NAME"));
        assertThat(errors(worker, Map.of("environment_variables", "{DB_URL = \"x\"}",
                "secrets", "[\"DB_URL\", \"DB_URL\", \"QUEUE_NAME\"]"))).containsExactlyInAnyOrder(
                "error: secret: " + Rules.secretsGivenTwice("DB_URL, DB_URL, QUEUE_NAME"),
                "error: secret: " + Rules.secretsAlsoPlain("DB_URL"),
                "error: secret: " + Rules.variablesSetByServicekit("QUEUE_NAME"));
    }

    @Test
    void writablePathsMustBeAbsoluteDirectoriesAsInJava() throws Exception {
        assertThat(errors(worker, Map.of("writable_paths", "[\"/var/cache/nginx\", \"/var/run\"]"))).isEmpty();
        assertThat(errors(worker, Map.of("writable_paths", "[\"var/run\"]"))).containsExactly(
                "error: writablePaths: " + Rules.badWritablePath("var/run"));
        assertThat(java(Service.worker("svc", "img").writablePaths("var/run"), "stage")).containsExactly(
                "error: writablePaths: " + Rules.badWritablePath("var/run"));
        assertThat(errors(worker, Map.of("writable_paths", "[\"/a-b\", \"/a/b\"]"))).containsExactly(
                "error: writablePaths: " + Rules.sameVolume("/a-b, /a/b"));
        assertThat(java(Service.worker("svc", "img").writablePaths("/a-b", "/a/b"), "stage")).containsExactly(
                "error: writablePaths: " + Rules.sameVolume("/a-b, /a/b"));
        String deep = "/" + "d".repeat(dev.servicekit.rules.AwsLimits.ECS_VOLUME_NAME_MAX);
        assertThat(errors(worker, Map.of("writable_paths", "[\"" + deep + "\"]"))).containsExactly(
                "error: writablePaths: " + Rules.volumeNameTooLong(deep));
        assertThat(java(Service.worker("svc", "img").writablePaths(deep), "stage")).containsExactly(
                "error: writablePaths: " + Rules.volumeNameTooLong(deep));
        assertThat(errors(worker, Map.of("writable_paths", "[\"/home/app/.cache\", \"/srv/v1.2\"]"))).as("dots")
                .isEmpty();
        for (String dotSegment : List.of("/tmp/..", "/./tmp", "/a/../b")) {
            assertThat(errors(worker, Map.of("writable_paths", "[\"" + dotSegment + "\"]"))).as(dotSegment)
                    .containsExactly("error: writablePaths: " + Rules.badWritablePath(dotSegment));
            assertThat(java(Service.worker("svc", "img").writablePaths(dotSegment), "stage")).as(dotSegment)
                    .containsExactly("error: writablePaths: " + Rules.badWritablePath(dotSegment));
        }
        assertThat(errors(worker, Map.of("writable_paths", "[\"/a.b\", \"/a_b\"]"))).containsExactly(
                "error: writablePaths: " + Rules.sameVolume("/a.b, /a_b"));
        assertThat(java(Service.worker("svc", "img").writablePaths("/a.b", "/a_b"), "stage")).containsExactly(
                "error: writablePaths: " + Rules.sameVolume("/a.b, /a_b"));
    }

    /** A null for an input with a default means the default, not a null the validations trip over. */
    @Test
    void nullMeansTheDefault() throws Exception {
        assertThat(errors(worker, Map.of("environment_variables", "null", "secrets", "null", "writable_paths", "null",
                "tags", "null"))).isEmpty();
        assertThat(errors(web, Map.of("public_subnet_ids", "null", "internal", "true"))).isEmpty();
        assertThat(errors(web, Map.of("certificate_arn", ""))).as("an empty ARN is named as given")
                .contains("error: certificateArn: " + Rules.badCertificate(""));
    }

    @Test
    void ownerCommandAndRunbookAsInJava() throws Exception {
        String longOwner = "o".repeat(Rules.DATADOG_TAG_MAX);
        assertThat(errors(worker, Map.of("owner", longOwner))).containsExactly(
                "error: owner: " + Rules.ownerTooLongForDatadog(MonitoredService.OWNER_TAG + longOwner, "206"));
        assertThat(java(Service.worker("svc", "img").owner(longOwner), "stage")).containsExactly(
                "error: owner: " + Rules.ownerTooLongForDatadog(MonitoredService.OWNER_TAG + longOwner, "206"));
        assertThat(errors(worker, Map.of("owner", "team!"))).containsExactly(
                "error: owner: 'team!': AWS allows only letters, digits, spaces and _.:/=+-@ in tag values");
        assertThat(errors(worker, Map.of("owner", "Platform Team"))).isEmpty();
        assertThat(errors(worker, Map.of("command", "[\" \", \"-c\"]"))).containsExactly(
                "error: command: " + Rules.BLANK_EXECUTABLE);
        assertThat(java(Service.worker("svc", "img").command(" ", "-c"), "stage")).containsExactly(
                "error: command: " + Rules.BLANK_EXECUTABLE);
        assertThat(errors(worker, Map.of("command", "[\"sh\", \"\"]"))).as("an empty argument is fine").isEmpty();
        for (String runbook : List.of("https://wiki.example.com/run book", "https:///runbook", "wiki.example.com")) {
            assertThat(errors(worker, Map.of("runbook_url", runbook))).as(runbook)
                    .containsExactly("error: runbook: " + Rules.badRunbook(runbook));
            assertThat(java(Service.worker("svc", "img").runbook(runbook), "stage")).as(runbook)
                    .containsExactly("error: runbook: " + Rules.badRunbook(runbook));
        }
        assertThat(errors(worker, Map.of("runbook_url", "HTTPS://WIKI.EXAMPLE.COM/Runbook?svc=a#alerts"))).isEmpty();
    }
}
