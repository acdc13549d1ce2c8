package dev.servicekit;

import dev.servicekit.rules.Rules;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import dev.servicekit.bucket.Bucket;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopicConfig;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.validation.CatalogValidator;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.environment.TaskDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input a user would write, through the public API and cdktf.json, each rejected by {@link Servicekit#run}
 * with one message naming where (the environment or the catalog, and the service), the field and what is
 * wrong; exit 1; no stack trace; the previous output left as it was.
 */
class BadInputTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";

    /** cdktf.json with stage and prod, prod with the runbook a paging line needs. */
    private static final String PROD_RUNBOOK = "{\"context\": {\"servicekit\": {\"stage\": {}, \"prod\": {\"runbook\": "
            + "\"https://runbooks.example.com/prod\"}}}}";

    @TempDir
    Path project;

    /**
     * Runs a catalog in the given environments (cdktf.json's when none) and returns what it printed. Environments
     * from cdktf.json get the handles and state a team's names; those built in Java have theirs.
     */
    private String rejected(Catalog catalog, String cdktfJson, Environment... environments) throws Exception {
        return rejectedAsWritten(catalog, environments.length == 0 ? TestEnvironments.cdktfJson(cdktfJson) : cdktfJson,
                environments);
    }

    /** As {@link #rejected(Catalog, String, Environment...)}, with cdktf.json exactly as given. */
    private String rejectedAsWritten(Catalog catalog, String cdktfJson, Environment... environments) throws Exception {
        Files.writeString(project.resolve("cdktf.json"), cdktfJson);
        Path previous = project.resolve("cdktf.out/stacks/prod");
        Files.createDirectories(previous);
        Files.writeString(previous.resolve("cdk.tf.json"), "previous");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Servicekit.run(catalog, Arrays.asList(environments), Map.of(), project,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(message).isEqualTo(Servicekit.INVALID_CONFIGURATION);
        assertThat(message).startsWith("servicekit: the configuration is invalid; nothing was synthesized.")
                .doesNotContainPattern("(?m)^\\S*(Exception|Error)\\b").doesNotContain("\tat ");
        assertThat(Files.readString(previous.resolve("cdk.tf.json"))).as("the previous output").isEqualTo("previous");
        return message;
    }

    private String rejected(Service... lines) throws Exception {
        return rejected(Catalog.of(lines), PROD_RUNBOOK);
    }

    /** servicekit never invents where alerts go, and never puts prod's state on one machine without being told. */
    @Test
    void environmentsWithoutTheirHandlesAndProdStateOnOneMachineByDefault() throws Exception {
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        String message = rejectedAsWritten(one, "{\"context\": {\"servicekit\": {\"stage\": {}, \"prod\": {}}}}");
        assertThat(message.lines().filter(line -> line.startsWith("  - "))).containsExactlyInAnyOrder(
                "  - stage: notify: " + Rules.handleNotSet("notify", "stage"),
                "  - stage: page: " + Rules.handleNotSet("page", "stage"),
                "  - prod: notify: " + Rules.handleNotSet("notify", "prod"),
                "  - prod: page: " + Rules.handleNotSet("page", "prod"),
                "  - prod: stateBucket: " + Rules.localProdState("prod", "terraform.prod.tfstate"));
        assertThat(message).contains("set \"page\" for prod in cdktf.json (context.servicekit.prod, or "
                + "context.servicekitDefaults for every environment)");

        // A team that names only prod's handles would have sent every stage alert nowhere.
        assertThat(rejectedAsWritten(one, "{\"context\": {\"servicekit\": {\"stage\": {}, \"prod\": {\"page\": "
                + "\"@pagerduty-team\", \"notify\": \"@slack-team\", \"stateBucket\": \"team-state\"}}}}"))
                .contains("  - stage: notify: not set").contains("  - stage: page: not set").doesNotContain("prod:");
        // Local prod state on purpose is accepted; contradicting a bucket is not.
        assertThat(rejectedAsWritten(one, "{\"context\": {\"servicekitDefaults\": {\"page\": \"@slack-team\", "
                + "\"notify\": \"@slack-team\"}, \"servicekit\": {\"prod\": {\"localState\": true, \"stateBucket\": "
                + "\"team-state\"}}}}")).contains("  - cdktf.json: context.servicekit.prod.localState: contradicts stateBucket");
        Files.writeString(project.resolve("cdktf.json"), "{\"context\": {\"servicekitDefaults\": {\"page\": \"@slack-team\", "
                + "\"notify\": \"@slack-team\"}, \"servicekit\": {\"stage\": {}, \"prod\": {\"localState\": true}}}}");
        assertThat(Servicekit.run(one, List.of(), Map.of(), project, System.err)).isEqualTo(Servicekit.OK);
    }

    /** One mistake, one problem, on the key the user wrote. */
    @Test
    void aCountOutOfRangeIsReportedOnceOnTheCountTheUserSet() throws Exception {
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"maxCount\": 0}}}}")
                .lines().filter(line -> line.startsWith("  - "))).containsExactly("  - prod: maxCount: " + Rules.atLeastOne("0"));
        // prod's preset has minCount 2: a maxCount of 1 is out of order, and it is the count cdktf.json set.
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"maxCount\": 1}}}}")
                .lines().filter(line -> line.startsWith("  - "))).singleElement().asString().startsWith("  - prod: maxCount: ");
    }

    @Test
    void thresholdsThatAreNotFiniteOrArePercentagesAbove100() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).monitor(MonitorKind.CPU, Thresholds.critical(Double.NaN))))
                .contains("catalog/w: monitor cpu.critical: NaN is not a finite number");
        assertThat(rejected(Service.worker("w", IMAGE).monitor(MonitorKind.QUEUE_BACKLOG,
                Thresholds.critical(Double.POSITIVE_INFINITY))))
                .contains("catalog/w: monitor queue_backlog.critical: Infinity is not a finite number");
        for (MonitorKind kind : MonitorKind.values()) {
            if (kind.scale() != MonitorKind.Scale.PERCENTAGE) {
                continue;
            }
            Service line = Service.web("s", IMAGE, 80).withQueue().internal().monitor(kind, Thresholds.critical(150));
            assertThat(rejected(line)).as(kind.name()).contains("catalog/s: monitor " + kind.key()
                    + ".critical: 150 is a percentage above 100");
        }
        assertThat(rejected(Service.worker("w", IMAGE).monitor(MonitorKind.RUNNING_TASKS, Thresholds.of(80, 101))))
                .as("running tasks as a share of desired").contains("catalog/w: monitor running_tasks.warning: 101 is a "
                        + "percentage above 100");
        assertThat(rejected(Catalog.of(Service.worker("w", IMAGE)), """
                {"context": {"servicekit": {"prod": {"monitors": {"memory": {"critical": 120}}}}}}"""))
                .contains("prod: monitor memory.critical: 120 is a percentage above 100");
    }

    @Test
    void cdktfJsonValuesOfTheWrongType() throws Exception {
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{\"context\": {\"servicekit\": 5}}"))
                .contains("cdktf.json: context.servicekit: expected an object with one object per environment");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": \"big\"}}}"))
                .contains("cdktf.json: context.servicekit.prod:");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"region\": 5, \"excludeZoneIds\": "
                + "\"use1-az3\", \"loadBalancerLogs\": \"off\"}}}}"))
                .contains("cdktf.json: context.servicekit.prod.region:", "cdktf.json: context.servicekit.prod.excludeZoneIds:",
                        "cdktf.json: context.servicekit.prod.loadBalancerLogs:");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"monitors\": {\"cpu\": {\"critical\": "
                + "\"high\"}}}}}}")).contains("cdktf.json: context.servicekit.prod.monitors.cpu.critical:");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"maxCount\": 4294967298}}}}"))
                .as("a number beyond an int is not read modulo 2^32")
                .contains("cdktf.json: context.servicekit.prod.maxCount: expected a whole number, got the number 4294967298");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {}}}")).contains("cdktf.json: context.servicekit: "
                + "names no environment");
    }

    @Test
    void anOutputDirectoryThatIsTheProjectIsRefusedBeforeAnythingMoves() throws Exception {
        Files.writeString(project.resolve("Infrastructure.java"), "the team's code");
        for (String output : new String[] {".", "", "..", "./"}) {
            assertThat(rejected(Catalog.of(Service.worker("w", IMAGE)), "{\"output\": \"" + output + "\"}"))
                    .as(output).contains("output: '" + output + "' is the project's directory or holds it");
            assertThat(project.resolve("Infrastructure.java")).exists();
        }
    }

    @Test
    void aCustomizerThatFailsIsNamedWithWhatItThrew() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).customize(service -> {
            throw new IllegalStateException("no topic configured");
        }))).contains("stage/w: customize: threw IllegalStateException: no topic configured (at "
                + "dev.servicekit.BadInputTest.lambda$aCustomizerThatFailsIsNamedWithWhatItThrew$");
        assertThat(rejected(Service.worker("w", IMAGE).customize(service ->
                service.resource("aws_sqs_queue", "queue").addOverride("tags.owner", new Object()))))
                .contains("stage/w: customize: threw IllegalArgumentException: addOverride(\"tags.owner\", ...): a "
                        + "Object has no Terraform JSON; give a string, number, boolean, list, map or null");
        assertThat(rejected(Service.worker("w", IMAGE).customize(service -> {
            new SnsTopic(service.scope(), "events", SnsTopicConfig.builder().build());
            new SnsTopic(service.scope(), "events", SnsTopicConfig.builder().build());
        }))).as("cdktf's own error, without its Node.js stack").contains("stage/w: customize: threw JsiiError: ")
                .contains("events").doesNotContain("    at ");
    }

    @Test
    void cdktfJsonValuesThatAwsOrDatadogWouldRefuseAtPlanOrApply() throws Exception {
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"stage\": {\"datadogApiUrl\": "
                + "\"https://api.datadoghq.eu/api/\", \"cidr\": \"10.300.0.0/16\", \"stateBucket\": \"acme..state\", "
                + "\"synthetics\": {\"locations\": [\"us-east-1\", \"aws:us-east-1\", \"aws:us-east-1\"]}}, "
                + "\"prod\": {\"datadogApiUrl\": \"https://app.datadoghq.eu\", \"stateBucket\": \"192.168.1.1\"}}}}"))
                .contains("stage: datadogApiUrl: 'https://api.datadoghq.eu/api/' is not a Datadog site's API",
                        "stage: network.cidr: '10.300.0.0/16' must be a 10.x.0.0/16 block, x from 0 to 255",
                        "stage: stateBucket: 'acme..state' is not an S3 bucket name",
                        "stage: synthetics.locations: 'us-east-1' is not a Synthetics location such as aws:us-east-1",
                        "stage: synthetics.locations: 'aws:us-east-1' is listed more than once",
                        "prod: datadogApiUrl: 'https://app.datadoghq.eu' is not a Datadog site's API",
                        "prod: stateBucket: '192.168.1.1' is not an S3 bucket name");
    }

    @Test
    void stageAndProdKeepTheirOwnPresets() throws Exception {
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"preset\": \"stage\"}}}}"))
                .contains("cdktf.json: context.servicekit.prod.preset: 'stage': prod is its own preset");
        assertThat(rejected(one, "{\"context\": {\"servicekitDefaults\": {\"preset\": \"stage\"}, \"servicekit\": "
                + "{\"prod\": {}, \"dev\": {}}}}")).contains("cdktf.json: context.servicekitDefaults.preset: cannot be a "
                + "default");
    }

    @Test
    void nullsAnywhereGetOneMessageNeverANullPointerException() throws Exception {
        assertThat(rejected(Catalog.of((Service) null), "{}")).contains("catalog: line 1: must not be null");
        assertThat(rejected(Service.worker(null, null))).contains("name: must not be null", "image: must not be null");
        assertThat(rejected(Service.worker("w", IMAGE).env(null, "x").env("K", null).secret(null).owner(null)
                .command((String) null).monitor(null, null).runbook(null).in(null, null)))
                .contains("catalog/w: env: must not be null", "catalog/w: env.K: must not be null",
                        "catalog/w: secret: must not be null", "catalog/w: owner: must not be null",
                        "catalog/w: command: must not be null", "catalog/w: monitor: must not be null",
                        "catalog/w: runbook: must not be null", "catalog/w: in: must not be null");
        assertThat(rejected(Service.worker("w", IMAGE).taskPolicy(IamStatement.allow((String) null).on("arn:aws:s3:::b"))))
                .contains("catalog/w: taskPolicies[1].actions[1]: must not be null");
        assertThat(rejected(Service.worker("w", IMAGE).taskPolicy(new IamStatement(null, null))))
                .contains("catalog/w: taskPolicies[1].actions: must not be null",
                        "catalog/w: taskPolicies[1].resources: must not be null");
        assertThat(rejected(Service.web("s", IMAGE, 80).internal()
                .healthCheck(new HealthCheck(null, null, 15, 5, 2, 3, 10))))
                .contains("catalog/s: healthCheck.path: must not be null", "catalog/s: healthCheck.matcher: must not be null");
        assertThat(rejected(Service.worker("w", IMAGE).egress(NetworkRule.tcp(443).cidr("10.0.0.0/8").describedAs(null))))
                .contains("catalog/w: egress[1].description: must not be null");
        assertThat(rejected(Service.worker("w", IMAGE).size(null).counts(null).queue(null).customize(null).bucket(null)
                .writablePaths((String) null).healthCheck((String) null)))
                .contains("catalog/w: size: must not be null", "catalog/w: counts: must not be null",
                        "catalog/w: queue: must not be null", "catalog/w: customize: must not be null",
                        "catalog/w: bucket: must not be null", "catalog/w: writablePaths: must not be null");
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{}", TestEnvironments.prod().toBuilder().region(null).network(null).build()))
                .contains("prod: region: must not be null", "prod: network: must not be null");
        assertThat(rejected(one, "{}", TestEnvironments.stage().toBuilder()
                .network(new NetworkConfig.Managed(null, 2, 0, null)).build()))
                .contains("stage: network.cidr: must not be null", "stage: network.excludedZoneIds: must not be null");
        assertThat(rejected(one, "{}", TestEnvironments.stage().toBuilder().name(null).build()))
                .contains("environment: name: must not be null");
        assertThat(rejected(one, "{}", TestEnvironments.stage().toBuilder()
                .state(new StateBackend.S3(null, "k", "us-east-1")).build()))
                .contains("stage: state.bucket: must not be null");
    }

    @Test
    void awsNamesThatCollideOnceDerived() throws Exception {
        assertThat(rejected(Service.worker("a", IMAGE), Service.worker("a-dlq", IMAGE)))
                .contains("stage/a-dlq: queue name: 'stage-a-dlq' is also the dead-letter queue name of service a; AWS "
                        + "would refuse the second");
        assertThat(rejected(Service.worker("vpc-flow-logs", IMAGE)))
                .contains("prod/vpc-flow-logs: log group name: '/prod/vpc-flow-logs' is also the VPC flow log group name "
                        + "of the environment prod");
        assertThat(rejected(Service.worker("lb-logs", IMAGE).bucket()))
                .contains("stage/lb-logs: bucket name (its last 12 digits are the account ID): "
                        + "'stage-lb-logs-000000000000' is also the load balancer log bucket name");
        assertThat(rejected(Service.worker("environment", IMAGE)))
                .contains("catalog/environment: name: 'environment' is reserved for the environment's own resources");
    }

    @Test
    void imageReferencesThatAreNotReferences() throws Exception {
        for (String image : List.of("nginx latest", "nginx:1.27:2", "Nginx:1.27", "nginx@sha256:abc", "nginx:",
                "nginx@sha256:" + "A".repeat(64), "nginx@sha512:" + "a".repeat(128), "nginx@md5:" + "a".repeat(32),
                "nginx:" + "x".repeat(129), "public.ecr.aws//nginx", "nginx:-1")) {
            assertThat(rejected(Service.worker("w", image))).as(image)
                    .contains("catalog/w: image: '" + image + "' is not an image reference");
        }
    }

    @Test
    void anImagePinnedByItsDigestIsAccepted() {
        CatalogValidator.validate(Catalog.of(Service.worker("w", "public.ecr.aws/docker/library/busybox:1.36@sha256:"
                + "a".repeat(64))), List.of(TestEnvironments.stage()));
    }

    @Test
    void tagValuesAwsWouldRefuse() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).owner("team!")))
                .contains("catalog/w: owner: 'team!': AWS allows only letters, digits, spaces and _.:/=+-@ in tag values");
        assertThat(rejected(Service.worker("w", IMAGE).owner("t".repeat(257))))
                .contains("characters; AWS limits tag values to 256");
    }

    @Test
    void certificatesOfAnotherRegionAndRegionsThatDoNotExist() throws Exception {
        assertThat(rejected(Service.web("s", IMAGE, 80).prod(p -> p.certificateArn(CERTIFICATE))))
                .contains("prod/s: certificateArn: '" + CERTIFICATE + "' is in another region than the environment's "
                        + "(us-east-1)");
        Catalog one = Catalog.of(Service.worker("w", IMAGE));
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"certificateArn\": \"" + CERTIFICATE
                + "\"}}}}")).contains("prod: certificateArn: '" + CERTIFICATE + "' is in another region");
        assertThat(rejected(one, "{\"context\": {\"servicekit\": {\"prod\": {\"region\": \"us-east-9\", "
                + "\"stateBucket\": \"acme-state\", \"stateRegion\": \"moon-1\"}}}}"))
                .contains("prod: region: 'us-east-9' is not an AWS region", "prod: stateRegion: 'moon-1' is not an AWS region");
    }

    @Test
    void countsBeyondWhatEcsRuns() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).counts(c -> c.max(6000))))
                .contains("catalog/w: maxCount: 6000 is more than ECS runs for one service (5000)");
        assertThat(rejected(Catalog.of(Service.worker("w", IMAGE)), "{}", TestEnvironments.prod().toBuilder()
                .tasks(new TaskDefaults(512, 1024, 2, 2, 10_000)).build()))
                .contains("prod: maxCount: 10000 is more than ECS runs for one service (5000)");
    }

    @Test
    void twoEnvironmentsOfOneName() throws Exception {
        assertThat(rejected(Catalog.of(Service.worker("w", IMAGE)), "{}", TestEnvironments.stage(),
                TestEnvironments.stage().toBuilder().region("eu-west-1").build()))
                .contains("stage: name: two environments are named stage; each needs a name of its own");
    }

    @Test
    void aVariableDeclaredTwiceOnOneLine() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).env("LOG_LEVEL", "info").env("LOG_LEVEL", "debug")))
                .contains("catalog/w: env.LOG_LEVEL: declared more than once");
    }

    @Test
    void aCatalogWithNoServices() throws Exception {
        assertThat(rejected(Catalog.of(), "{}")).contains("catalog: services: has no services: synthesizing it would "
                + "destroy every service of every environment");
    }

    @Test
    void aBucketWhoseOptionsAwsWouldRefuse() throws Exception {
        assertThat(rejected(Service.worker("w", IMAGE).bucket(Bucket.keepingOldVersionsFor(-1))))
                .contains("catalog/w: bucket.noncurrentVersionDays: -1 is outside 1-36500 days");
        assertThat(rejected(Service.worker("w", IMAGE).bucket().env("BUCKET_NAME", "mine").secret("QUEUE_URL")))
                .contains("catalog/w: env.BUCKET_NAME: is set by servicekit (the service's bucket)",
                        "catalog/w: secret.QUEUE_URL: is set by servicekit (the service's queue)");
        assertThat(rejected(Service.worker("w", IMAGE).bucket().secret("BUCKET_NAME")))
                .as("ECS refuses a secret named like an environment variable")
                .contains("catalog/w: secret.BUCKET_NAME: is set by servicekit (the service's bucket)");
    }
}
