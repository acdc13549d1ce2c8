package dev.servicekit.validation;

import dev.servicekit.support.TestEnvironments;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.rules.ConfigurationException;
import dev.servicekit.rules.Problem;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.loadbalancer.HealthCheck;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.MonitoringDefaults;
import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.environment.TaskDefaults;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule: bad input gets one message naming the environment, the service and the field. */
class CatalogValidatorTest {
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    private static final List<Environment> ENVIRONMENTS = List.of(TestEnvironments.stage(), TestEnvironments.prod());

    private static List<String> problems(Service... lines) {
        return problems(ENVIRONMENTS, lines);
    }

    private static List<String> problems(List<Environment> environments, Service... lines) {
        ConfigurationException e = catchThrowableOfType(
                () -> CatalogValidator.validate(Catalog.of(lines), environments), ConfigurationException.class);
        assertThat(e).as("validation should fail").isNotNull();
        assertThat(e.getMessage()).startsWith("servicekit: the configuration is invalid; nothing was synthesized.");
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aValidCatalogPasses() {
        CatalogValidator.validate(Catalog.of(Service.worker("ok", IMAGE), Service.web("web", IMAGE, 80).internal()),
                ENVIRONMENTS);
    }

    @Test
    void serviceNamesFollowOneRule() {
        assertThat(problems(Service.worker("Billing_Worker", IMAGE))).containsExactly(
                "catalog/Billing_Worker: name: 'Billing_Worker' must be lowercase letters, digits and inner hyphens, "
                        + "starting with a letter");
        assertThat(problems(Service.worker("network", IMAGE)))
                .containsExactly("catalog/network: name: 'network' is reserved for the environment's own resources");
    }

    @Test
    void duplicateServicesAreRejected() {
        assertThat(problems(Service.worker("twice", IMAGE), Service.web("twice", IMAGE, 80)))
                .containsExactly("catalog/twice: name: declared more than once; service names must be unique");
    }

    @Test
    void derivedNamesMustFitAwsLimits() {
        String name = "a-web-service-with-a-long-name";
        assertThat(problems(Service.web(name, IMAGE, 80))).contains(
                "stage/" + name + ": load balancer name: 'stage-" + name + "' is 36 characters; AWS limits load "
                        + "balancer names to 32",
                "stage/" + name + ": target group name: 'stage-" + name + "-80' is 39 characters; AWS limits "
                        + "target group names to 32",
                "prod/" + name + ": load balancer name: 'prod-" + name + "' is 35 characters; AWS limits load "
                        + "balancer names to 32");
        String worker = "w" + "x".repeat(60);
        assertThat(problems(Service.worker(worker, IMAGE))).contains(
                "stage/" + worker + ": execution role name: 'stage-" + worker + "-execution' is 77 characters; "
                        + "AWS limits IAM role names to 64");
        String longQueue = "q" + "x".repeat(75);
        assertThat(problems(Service.worker(longQueue, IMAGE)))
                .anyMatch(p -> p.startsWith("stage/" + longQueue + ": queue name: 'stage-" + longQueue
                        + "' is 82 characters; AWS limits SQS queue names to 80"));
    }

    @Test
    void fargateSizesMustExist() {
        assertThat(problems(Service.worker("w", IMAGE).size(Fargate.cpu(256).memoryMiB(4096)))).containsExactly(
                "catalog/w: memory: 4096 MiB does not fit Fargate cpu 256; allowed: [512, 1024, 2048]");
        assertThat(problems(Service.worker("w", IMAGE).prod(p -> p.size(Fargate.cpu(300).memoryMiB(1024))))).containsExactly(
                "prod/w: cpu: 300 is not a Fargate cpu size; allowed: [256, 512, 1024, 2048, 4096, 8192, 16384]");
        assertThat(problems(Service.worker("w", IMAGE).size(Fargate.cpu(1024).memoryMiB(9216)))).contains(
                "catalog/w: memory: 9216 MiB does not fit Fargate cpu 1024; allowed: 2048 to 8192 in steps of 1024");
    }

    @Test
    void countsMustBeOrdered() {
        assertThat(problems(Service.worker("w", IMAGE).prod(p -> p.counts(c -> c.min(3).desired(2).max(10))))).containsExactly(
                "prod/w: desiredCount: counts must satisfy min <= desired <= max; got 3 <= 2 <= 10");
        assertThat(problems(Service.worker("w", IMAGE).counts(c -> c.min(0).desired(0).max(0)))).contains(
                "catalog/w: maxCount: 0 must be at least 1");
        // The line set min and max; desired is each environment's own, so the problem is on min, said per environment.
        assertThat(problems(Service.worker("w", IMAGE).counts(c -> c.min(5).max(2)))).allMatch(p -> p.contains(
                "w: minCount: counts must satisfy min <= desired <= max; got 5 <= ") && p.endsWith(" <= 2 (desiredCount from "
                + "the environment; set it on the line too, e.g. .counts(c -> c.min(1).desired(2).max(4)))"));
        assertThat(problems(Service.worker("w", IMAGE).counts(c -> c.min(5)))).containsExactly(
                "stage/w: minCount: counts must satisfy min <= desired <= max; got 5 <= 1 <= 2 (desiredCount and "
                        + "maxCount from the environment; set them on the line too, e.g. .counts(c -> c.min(1).desired(2)"
                        + ".max(4)))",
                "prod/w: minCount: counts must satisfy min <= desired <= max; got 5 <= 2 <= 10 (desiredCount and "
                        + "maxCount from the environment; set them on the line too, e.g. .counts(c -> c.min(1).desired(2)"
                        + ".max(4)))");
    }

    @Test
    void portsMustBeValid() {
        assertThat(problems(Service.web("web", IMAGE, 70000))).contains("catalog/web: port: 70000 is outside 1-65535");
    }

    @Test
    void logRetentionMustBeACloudWatchValue() {
        assertThat(problems(Service.worker("w", IMAGE).stage(s -> s.logRetentionDays(10)))).containsExactly(
                "stage/w: logRetentionDays: 10 is not a CloudWatch retention; allowed: [0, 1, 3, 5, 7, 14, 30, 60, 90, "
                        + "120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    }

    @Test
    void queueSettingsMustBeInSqsRanges() {
        List<String> found = problems(Service.worker("w", IMAGE).queue(q -> q.visibilityTimeoutSeconds(50_000)
                .maxReceiveCount(0).receiveWaitSeconds(25).delaySeconds(901)));
        assertThat(found).contains(
                "catalog/w: queue.visibilityTimeoutSeconds: 50000 is outside 0-43200 s",
                "catalog/w: queue.maxReceiveCount: 0 is outside 1-1000",
                "catalog/w: queue.receiveWaitSeconds: 25 is outside 0-20 s",
                "catalog/w: queue.delaySeconds: 901 is outside 0-900 s");
        assertThat(problems(Service.worker("w", IMAGE).queue(q -> q.retentionSeconds(1_209_600)
                .deadLetterRetentionSeconds(86_400)))).contains(
                "catalog/w: queue.deadLetterRetentionSeconds: 86400 s is shorter than the queue's retention "
                        + "(1209600 s): SQS expires a dead letter by the time it was first sent, so it could be gone as "
                        + "it arrives");
        // Both at SQS's maximum: allowed (no longer dead-letter retention exists).
        CatalogValidator.validate(Catalog.of(Service.worker("w", IMAGE).queue(q -> q.retentionSeconds(1_209_600))),
                ENVIRONMENTS);
    }

    @Test
    void healthChecksMustBeInAlbRanges() {
        List<String> found = problems(Service.web("web", IMAGE, 80)
                .healthCheck(new HealthCheck("health", "ok", 4, 5, 1, 11, 4000)));
        assertThat(found).contains(
                "catalog/web: healthCheck.path: 'health' must start with / and be at most 1024 characters",
                "catalog/web: healthCheck.matcher: 'ok' is not a list of HTTP codes such as 200-399: codes from "
                        + "200-499, ranges ascending, separated by commas",
                "catalog/web: healthCheck.intervalSeconds: 4 is outside 5-300 s",
                "catalog/web: healthCheck.timeoutSeconds: 5 s must be less than the interval (4 s)",
                "catalog/web: healthCheck.healthyThreshold: 1 is outside 2-10",
                "catalog/web: healthCheck.unhealthyThreshold: 11 is outside 2-10",
                "catalog/web: healthCheck.deregistrationDelaySeconds: 4000 is outside 0-3600 s");
        for (String refused : List.of("200-599", "503", "399-200", "100")) {
            assertThat(problems(Service.web("web", IMAGE, 80).internal().healthCheck(HealthCheck.at("/").toBuilder().matcher(refused)
                    .build()))).as(refused).containsExactly("catalog/web: healthCheck.matcher: '" + refused
                    + "' is not a list of HTTP codes such as 200-399: codes from 200-499, ranges ascending, separated "
                    + "by commas");
        }
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80).internal()
                .healthCheck(HealthCheck.at("/").toBuilder().matcher("200-299,301,499").build())), ENVIRONMENTS);
    }

    @Test
    void webOnlyOptionsOnAWorkerAreRejected() {
        assertThat(problems(Service.worker("w", IMAGE).healthCheck("/x"))).containsExactly(
                "catalog/w: healthCheck: applies to web services only");
    }

    /** A wrong environment value is reported alone: not again in every name and limit derived from it. */
    @Test
    void aBadEnvironmentValueIsReportedAloneNotInEveryServiceDerivedFromIt() {
        Environment badPrefix = TestEnvironments.stage().toBuilder().prefix("tëam").build();
        Environment badRegion = TestEnvironments.prod().toBuilder().region("us-east-one").build();
        Service[] lines = {Service.worker("orders", IMAGE).bucket(), Service.web("shop", IMAGE, 80).internal(),
                Service.worker("billing", IMAGE)};
        List<String> found = problems(List.of(badPrefix, badRegion), lines);
        assertThat(found).allMatch(p -> p.startsWith("stage: prefix: ") || p.startsWith("prod: region: "), "only the "
                + "causes").anyMatch(p -> p.startsWith("stage: prefix: ")).anyMatch(p -> p.startsWith("prod: region: "));
        assertThat(found).doesNotHaveDuplicates();
        assertThat(problems(List.of(badPrefix, TestEnvironments.prod()), Service.worker("orders", IMAGE).queue(q -> q.maxReceiveCount(0))))
                .as("what the line alone says is checked whatever the environments").contains(
                        "catalog/orders: queue.maxReceiveCount: 0 is outside 1-1000");
    }

    @Test
    void aNameTooLongForItsPrefixSaysSo() {
        Environment prefixed = TestEnvironments.stage().toBuilder().prefix("platform-engineering").build();
        assertThat(problems(List.of(prefixed), Service.web("checkout", IMAGE, 80).internal())).contains(
                "stage/checkout: load balancer name: 'platform-engineering-stage-checkout' is 35 characters; AWS limits "
                        + "load balancer names to 32 ('platform-engineering-stage-', the environment's prefix and name, "
                        + "takes 27 of them; a shorter prefix or service name fits)");
    }

    @Test
    void plainHttpIsAllowedOnlyWhereThereIsAnInternetFacingListener() {
        assertThat(problems(Service.worker("w", IMAGE).prod(p -> p.allowPlainHttp())))
                .containsExactly("prod/w: allowPlainHttp: applies to internet-facing web services only");
        assertThat(problems(Service.web("web", IMAGE, 80).internal().prod(p -> p.allowPlainHttp())))
                .containsExactly("prod/web: allowPlainHttp: applies to internet-facing web services only");
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80).prod(p -> p.allowPlainHttp())), ENVIRONMENTS);
    }

    @Test
    void aSecretsParameterNameMustFitSsm() {
        // SSM counts the whole ARN: arn:aws-us-gov:ssm:us-east-1:123456789012:parameter takes 51 of 1011.
        String name = "S".repeat(952);
        assertThat(problems(Service.worker("w", IMAGE).secret(name))).containsExactly(
                "stage/w: secret." + name + ": '/stage/w/" + name + "' is 961 characters; AWS limits SSM parameter names to 960");
        CatalogValidator.validate(Catalog.of(Service.worker("w", IMAGE).secret("S".repeat(951))), ENVIRONMENTS);
    }

    @Test
    void secretsAndVariablesNeedValidNames() {
        assertThat(problems(Service.worker("w", IMAGE).secret("DB-URL").env("DB_URL", "x").secret("DB_URL")))
                .containsExactly("catalog/w: secret.DB-URL: is not a valid environment variable name",
                        "catalog/w: secret.DB_URL: is also a plain environment variable");
    }

    @Test
    void warningThresholdsMustComeBeforeCritical() {
        assertThat(problems(Service.worker("w", IMAGE).monitor(MonitorKind.QUEUE_BACKLOG, Thresholds.of(100, 500))))
                .contains("catalog/w: monitor queue_backlog.warning: 500 must be below the critical threshold 100 "
                        + "(this monitor fires above its thresholds)");
        assertThat(problems(Service.web("web", IMAGE, 80).monitor(MonitorKind.NO_HEALTHY_TARGETS, Thresholds.of(2, 1))))
                .contains("catalog/web: monitor no_healthy_targets.warning: 1 must be above the critical threshold 2 "
                        + "(this monitor fires below its thresholds)");
        assertThat(problems(Service.worker("w", IMAGE).prod(p -> p.monitor(MonitorKind.CPU, Thresholds.critical(-5)))))
                .containsExactly("prod/w: monitor cpu.critical: -5 must not be negative");
    }

    @Test
    void aNotificationHandleMustBeADatadogHandle() {
        assertThat(problems(Service.worker("w", IMAGE).prod(p -> p.notify("pagerduty-payments")))).containsExactly(
                "prod/w: notify: 'pagerduty-payments' is not a Datadog handle such as @slack-alerts");
        for (String paging : List.of("@pagerduty-payments", "@opsgenie", "@victorops-key", "@oncall-payments")) {
            assertThat(problems(Service.worker("w", IMAGE).notify(paging))).as(paging).containsExactly(
                    "catalog/w: notify: '" + paging + "' is a paging integration, but warnings and causes must not page: "
                            + "notify a chat or email handle such as @slack-alerts (symptoms page through page)");
        }
        Environment pagingStage = TestEnvironments.stage().toBuilder().monitoring(TestEnvironments.stage().monitoring().toBuilder()
                .routing(TestEnvironments.stage().monitoring().routing().withNotifyHandle("@pagerduty-ops"))
                .evaluationDelaySeconds(-1).build()).build();
        assertThat(problems(List.of(pagingStage), Service.worker("w", IMAGE))).containsExactly(
                "stage: notify: '@pagerduty-ops' is a paging integration, but warnings and causes must not page: "
                        + "notify a chat or email handle such as @slack-alerts (symptoms page through page)",
                "stage: evaluationDelaySeconds: -1 is outside 0-86400 s");
        CatalogValidator.validate(Catalog.of(Service.worker("w", IMAGE).notify("@slack-pagerduty-fans")), ENVIRONMENTS);
    }

    @Test
    void overridesForAnUnknownEnvironmentAreRejected() {
        assertThat(problems(Service.worker("w", IMAGE).in("production", o -> o.size(Fargate.cpu(512).memoryMiB(1024))))).containsExactly(
                "catalog/w: in.production: unknown environment; known: [stage, prod]");
    }

    @Test
    void aMonitorOverrideMustApplyToTheService() {
        assertThat(problems(Service.worker("w", IMAGE).monitor(MonitorKind.LATENCY, Thresholds.of(1, 5))))
                .containsExactly("catalog/w: monitor latency: applies to web services only");
        assertThat(problems(Service.web("web", IMAGE, 80).internal().withoutMonitor(MonitorKind.DEAD_LETTER_ARRIVALS)))
                .containsExactly("catalog/web: monitor dead_letter_arrivals: applies to services with a queue only");
        assertThat(problems(Service.web("web", IMAGE, 80).internal().withoutMonitor(MonitorKind.SYNTHETICS)))
                .containsExactly("catalog/web: monitor synthetics: applies to internet-facing web services only");
    }

    @Test
    void theQueueVariablesAreServicekitsOwn() {
        assertThat(problems(Service.worker("w", IMAGE).env("QUEUE_URL", "x").secret("QUEUE_NAME"))).containsExactly(
                "catalog/w: env.QUEUE_URL: is set by servicekit (the service's queue)",
                "catalog/w: secret.QUEUE_NAME: is set by servicekit (the service's queue)");
    }

    @Test
    void nullsAreReportedNotThrown() {
        assertThat(problems(Service.worker(null, IMAGE).owner(null))).containsExactly(
                "catalog/: name: must not be null",
                "catalog/: owner: must not be null");
        assertThat(problems(Service.worker("w", null).env("A", null))).containsExactly(
                "catalog/w: image: must not be null",
                "catalog/w: env.A: must not be null");
    }

    @Test
    void nullsAnywhereOnALineAreReportedNotThrown() {
        assertThat(problems(Service.worker("w", IMAGE).monitor(MonitorKind.CPU, null).withoutMonitor(null)
                .healthCheck((String) null).in(null, o -> { }).prod(null)
                .stage(o -> o.notify(null).certificateArn(null).monitor(MonitorKind.CPU, Thresholds.critical(null)))))
                .containsExactly(
                        "catalog/w: healthCheck: must not be null",
                        "catalog/w: in: must not be null",
                        "catalog/w: in.prod: must not be null",
                        "catalog/w: monitor cpu: must not be null",
                        "catalog/w: withoutMonitor: must not be null",
                        "catalog/w: in.stage.notify: must not be null",
                        "catalog/w: in.stage.certificateArn: must not be null",
                        "catalog/w: in.stage.monitor cpu.critical: must not be null");
    }

    @Test
    void queueVariablesAreFreeForAServiceWithoutAQueue() {
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80).internal().env("QUEUE_URL", "https://q")),
                ENVIRONMENTS);
    }

    @Test
    void anEnvironmentsOwnProblemIsReportedOnceNotPerService() {
        Environment stage = TestEnvironments.stage().toBuilder().tasks(new TaskDefaults(256, 512, 3, 2, 10)).build();
        assertThat(problems(List.of(stage, TestEnvironments.prod()), Service.worker("a", IMAGE), Service.worker("b", IMAGE)))
                .containsExactly("stage: desiredCount: counts must satisfy min <= desired <= max; got 3 <= 2 <= 10");
    }

    @Test
    void aDuplicateLineIsReportedOnceNotWithAllItsProblems() {
        assertThat(problems(Service.worker("twice", IMAGE), Service.worker("twice", IMAGE).size(Fargate.cpu(1).memoryMiB(1))))
                .containsExactly("catalog/twice: name: declared more than once; service names must be unique");
    }

    @Test
    void everyServiceNeedsAtLeastOneTask() {
        String message = "minCount: 0 must be at least 1: a web service cannot scale out from zero tasks, and a "
                + "worker at zero would leave up to 99 messages waiting (scaling out starts at 100 visible)";
        assertThat(problems(Service.web("web", IMAGE, 80).internal().counts(c -> c.min(0).desired(1).max(2))))
                .containsExactly("catalog/web: " + message);
        assertThat(problems(Service.worker("w", IMAGE).counts(c -> c.min(0).desired(1).max(2)))).containsExactly("catalog/w: " + message);
    }

    @Test
    void aMonitorThatFiresBelowZeroCanNeverFire() {
        assertThat(problems(Service.web("web", IMAGE, 80).internal()
                .monitor(MonitorKind.NO_HEALTHY_TARGETS, Thresholds.critical(0)))).containsExactly(
                "catalog/web: monitor no_healthy_targets.critical: 0 can never fire: this monitor fires below its "
                        + "critical threshold");
    }

    @Test
    void prodNeedsHttpsForAnInternetFacingWebServiceUnlessPlainHttpIsChosen() {
        assertThat(problems(Service.web("web", IMAGE, 80))).containsExactly(
                "prod/web: certificateArn: an internet-facing web service in prod needs a certificate "
                        + "(certificateArn in cdktf.json or on the line), or .prod(o -> o.allowPlainHttp()) to serve "
                        + "plain HTTP on purpose");
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80).prod(p -> p.allowPlainHttp())), ENVIRONMENTS);
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80)
                .prod(p -> p.certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/abc"))), ENVIRONMENTS);
        assertThat(problems(Service.web("web", IMAGE, 80).prod(p -> p.certificateArn("arn:aws:iam::1:x"))))
                .containsExactly("prod/web: certificateArn: 'arn:aws:iam::1:x' is not an ACM certificate ARN");
        assertThat(problems(Service.worker("w", IMAGE).stage(p -> p.certificateArn(
                "arn:aws:acm:us-east-1:123456789012:certificate/abc"))))
                .containsExactly("stage/w: certificateArn: applies to web services only");
    }

    @Test
    void derivedSecurityGroupNamesMustNotStartWithSg() {
        Environment stage = TestEnvironments.stage();
        Environment sg = stage.toBuilder().name("sg").build();
        assertThat(problems(List.of(sg), Service.worker("w", IMAGE))).containsExactly(
                "sg/w: task security group name prefix: 'sg-w-tasks-': AWS allows only letters, digits, spaces "
                        + "and ._-:/()#,@[]+=&;{}!$* (and no leading sg-) in security group name prefixes");
    }

    @Test
    void environmentsAreCheckedToo() {
        Environment moon = TestEnvironments.stage().toBuilder().region("moon-1").logRetentionDays(2)
                .state(new StateBackend.S3("Bad_Bucket", "k", "us-east-1"))
                .network(new NetworkConfig.Existing("abc", List.of("subnet-1"), List.of(), ""))
                .monitoring(TestEnvironments.stage().monitoring().toBuilder().routing(TestEnvironments.stage().monitoring().routing()
                        .withNotifyHandle("slack-alerts")).build())
                .tasks(new TaskDefaults(256, 512, 1, 1, 2)).build();
        assertThat(problems(List.of(moon), Service.worker("w", IMAGE))).containsExactlyInAnyOrder(
                "stage: region: 'moon-1' is not an AWS region",
                "stage: logRetentionDays: 2 is not a CloudWatch retention; allowed: [0, 1, 3, 5, 7, 14, 30, 60, 90, "
                        + "120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
                "stage: notify: 'slack-alerts' is not a Datadog handle such as @slack-alerts",
                "stage: vpcId: 'abc' is not a VPC ID such as vpc-0123456789abcdef0",
                "stage: publicSubnetIds: needs at least two distinct public subnets: a load balancer spans two zones",
                "stage: publicSubnetIds: 'subnet-1' is not a subnet ID such as subnet-0123456789abcdef0",
                "stage: clusterName: an adopted VPC needs an ECS cluster name",
                "stage: stateBucket: 'Bad_Bucket' is not an S3 bucket name");
    }

    @Test
    void moreLineRulesEachHaveTheirMessage() {
        assertThat(problems(Service.worker("w", IMAGE).queue(q -> q.retentionSeconds(30)
                .deadLetterRetentionSeconds(2_000_000)))).containsExactly(
                "catalog/w: queue.retentionSeconds: 30 is outside 60-1209600 s",
                "catalog/w: queue.deadLetterRetentionSeconds: 2000000 is outside 60-1209600 s");
        assertThat(problems(Service.worker("w", IMAGE).counts(c -> c.min(-1).desired(1).max(2)))).anyMatch(
                p -> p.startsWith("catalog/w: minCount: -1 must be at least 1"));
        assertThat(problems(Service.worker("w", IMAGE).monitor(MonitorKind.CPU, Thresholds.of(120, -1)))).contains(
                "catalog/w: monitor cpu.critical: 120 is a percentage above 100",
                "catalog/w: monitor cpu.warning: -1 must not be negative");
        assertThat(problems(Service.worker("w", IMAGE).runbook("wiki/w").secret("A").secret("A").env("1X", "y")
                .owner(" "))).containsExactly(
                "catalog/w: owner: must not be empty",
                "catalog/w: env.1X: is not a valid environment variable name",
                "catalog/w: secret.A: declared more than once",
                "catalog/w: runbook: 'wiki/w' must be an http(s) URL with a host and no spaces");
    }

    @Test
    void aLoadBalancerNameMustNotStartWithInternal() {
        Environment stage = TestEnvironments.stage();
        Environment internal = stage.toBuilder().name("internal").build();
        assertThat(problems(List.of(internal), Service.web("web", IMAGE, 80))).containsExactly(
                "internal/web: load balancer name: 'internal-web' must not start with 'internal-'");
    }

    @Test
    void moreEnvironmentRulesEachHaveTheirMessage() {
        Environment stage = TestEnvironments.stage();
        Environment odd = stage.toBuilder().name("Stage").network(new NetworkConfig.Managed("192.168.0.0/16", 7, 3,
                        List.of())).certificateArn("arn:aws:iam::1:x").prefix("Team_")
                .monitoring(new MonitoringDefaults("http://api.datadoghq.com/", new AlertRouting("@pager", 7, "@slack-x", 0),
                        900, stage.monitoring().thresholds(), SloTarget.of(100, "1d"), new SyntheticsSettings(List.of(), 10)))
                .build();
        assertThat(problems(List.of(odd), Service.worker("w", IMAGE))).containsExactlyInAnyOrder(
                "Stage: name: 'Stage' must be lowercase letters and digits, starting with a letter",
                "Stage: pagePriority: 7 is outside 1-5",
                "Stage: notifyPriority: 0 is outside 1-5",
                "Stage: slo.window: '1d' is not an SLO window; allowed: [7d, 30d, 90d]",
                "Stage: slo.target: 100 is not an SLO target: a percentage from 50 to below 100, e.g. 99.9 (not a "
                        + "fraction such as 0.999)",
                "Stage: synthetics.locations: needs at least one Datadog location, e.g. aws:us-east-1",
                "Stage: synthetics.tickSeconds: 10 is outside 30-604800 s",

                "Stage: datadogApiUrl: 'http://api.datadoghq.com/' is not a Datadog site's API such as "
                        + "https://api.datadoghq.eu/ (the api. host, no path)",
                "Stage: network.cidr: '192.168.0.0/16' must be a 10.x.0.0/16 block, x from 0 to 255",
                "Stage: network.zones: 7 is outside 2-6",
                "Stage: prefix: 'Team_' must be lowercase letters, digits and inner hyphens, starting with a letter",
                "Stage: certificateArn: 'arn:aws:iam::1:x' is not an ACM certificate ARN");
        String subnet = "subnet-0a1b2c3d4e5f60001";
        Environment adopted = stage.toBuilder().network(new NetworkConfig.Existing("vpc-1", List.of(subnet, "sub-2"),
                List.of("net-3"), "c")).build();
        assertThat(problems(List.of(adopted), Service.worker("w", IMAGE))).containsExactly(
                "stage: vpcId: 'vpc-1' is not a VPC ID such as vpc-0123456789abcdef0",
                "stage: privateSubnetIds: needs at least 2 distinct subnets, one per zone: tasks in one subnet all "
                        + "stop when its zone fails",
                "stage: publicSubnetIds: 'sub-2' is not a subnet ID such as subnet-0123456789abcdef0",
                "stage: privateSubnetIds: 'net-3' is not a subnet ID such as subnet-0123456789abcdef0");
        Environment oneZone = stage.toBuilder().network(new NetworkConfig.Existing("vpc-0a1b2c3d",
                List.of(subnet, subnet), List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d"), "c")).build();
        assertThat(problems(List.of(oneZone), Service.worker("w", IMAGE))).as("a subnet listed twice counts once")
                .containsExactly("stage: publicSubnetIds: needs at least two distinct public subnets: a load balancer "
                                + "spans two zones",
                        "stage: privateSubnetIds: needs at least 2 distinct subnets, one per zone: tasks in one subnet "
                                + "all stop when its zone fails");
        assertThat(problems(List.of(stage.toBuilder().tasks(new TaskDefaults(256, 4096, 1, 1, 2)).build()),
                Service.worker("w", IMAGE)))
                .containsExactly("stage: memory: 4096 MiB does not fit Fargate cpu 256; allowed: [512, 1024, 2048]");
    }

    @Test
    void monitorThresholdsFollowTheirScale() {
        assertThat(problems(Service.web("web", IMAGE, 80).prod(p -> p.allowPlainHttp())
                .monitor(MonitorKind.ERROR_RATE, Thresholds.of(Double.NaN, null))
                .monitor(MonitorKind.RUNNING_TASKS, Thresholds.of(50, 120))
                .monitor(MonitorKind.SLO_FAST_BURN, Thresholds.critical(2000))
                .prod(p -> p.monitor(MonitorKind.SYNTHETICS, Thresholds.critical(4)))
                .monitor(MonitorKind.SERVICE_REPORTING, Thresholds.critical(30)))).containsExactlyInAnyOrder(
                "catalog/web: monitor service_reporting.critical: 30 minutes is too short: at least 40, twice the "
                        + "window, or late data would look missing",
                "catalog/web: monitor running_tasks.warning: 120 is a percentage above 100",
                "catalog/web: monitor error_rate.critical: NaN is not a finite number",
                "prod/web: monitor slo_fast_burn.critical: 2000 is not a burn rate Datadog accepts for a 99.9 % SLO: above 0 "
                        + "and at most 1000 (1 / (1 - target))",
                "stage/web: monitor slo_fast_burn.critical: 2000 is not a burn rate Datadog accepts for a 99 % SLO: above 0 "
                        + "and at most 100 (1 / (1 - target))",
                "prod/web: monitor synthetics.critical: 4 locations cannot fail: the environment's synthetics tests run "
                        + "from 3");
        // The environment's burn rates exceed what the line's target allows: said on the target, with the way out.
        assertThat(problems(Service.web("web", IMAGE, 80).internal().slo(90, "30d"))).containsExactly(
                "stage/web: slo.target: a 90 % SLO allows burn rates up to 10, below the environment's slo_fast_burn "
                        + "(16.8): set .monitor(SLO_FAST_BURN, Thresholds.critical(n)) with n at most 10 on the line, "
                        + "or a higher target",
                "prod/web: slo.target: a 90 % SLO allows burn rates up to 10, below the environment's slo_fast_burn "
                        + "(14.4): set .monitor(SLO_FAST_BURN, Thresholds.critical(n)) with n at most 10 on the line, "
                        + "or a higher target");
        CatalogValidator.validate(Catalog.of(Service.web("web", IMAGE, 80).internal().slo(90, "30d")
                .monitor(MonitorKind.SLO_FAST_BURN, Thresholds.critical(10))), ENVIRONMENTS);
        assertThat(problems(Service.worker("w", IMAGE).slo(99.5, "30d").page("pagerduty"))).containsExactly(
                "catalog/w: page: 'pagerduty' is not a Datadog handle such as @slack-alerts",
                "catalog/w: slo: applies to web services only");
    }

    @Test
    void aPresetWithoutThresholdsForAMonitorIsAnError() {
        Environment stage = TestEnvironments.stage();
        java.util.Map<MonitorKind, Thresholds> fewer = new java.util.EnumMap<>(stage.monitoring().thresholds());
        fewer.remove(MonitorKind.LATENCY);
        Environment lacking = stage.toBuilder().monitoring(stage.monitoring().toBuilder().thresholds(fewer).build()).build();
        assertThat(problems(List.of(lacking), Service.worker("w", IMAGE))).containsExactly(
                "stage: monitor latency: the environment gives this monitor no thresholds");
    }

    @Test
    void everyProblemIsReportedInOneMessage() {
        assertThatThrownBy(() -> CatalogValidator.validate(Catalog.of(
                Service.worker("a", IMAGE).size(Fargate.cpu(256).memoryMiB(4096)), Service.web("b", IMAGE, 0)), ENVIRONMENTS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\n  - catalog/a: memory: 4096 MiB does not fit Fargate cpu 256")
                .hasMessageContaining("\n  - catalog/b: port: 0 is outside 1-65535");
    }
}
