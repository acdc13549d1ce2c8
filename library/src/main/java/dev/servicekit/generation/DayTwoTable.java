package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.catalog.Fargate;
import dev.servicekit.catalog.IamStatement;
import dev.servicekit.catalog.NetworkRule;
import dev.servicekit.catalog.Service;
import dev.servicekit.environment.Environment;
import dev.servicekit.environment.StateBackend;
import dev.servicekit.environment.NetworkConfig;
import dev.servicekit.snapshot.PlanPreview;
import dev.servicekit.snapshot.PlanPreview.Action;
import dev.servicekit.snapshot.PlanPreview.Change;
import dev.servicekit.snapshot.ReplaceForcing;
import dev.servicekit.stack.StackDocument;
import dev.servicekit.stack.StackPlan;
import dev.servicekit.validation.CatalogValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The day-two table: for each change a team makes to a deployed catalog, what Terraform will do to each resource
 * in stage and prod ({@link PlanPreview}, from the two synthesized configurations and the providers'
 * replace-forcing attributes), and whether the running tasks keep serving. The verdicts are derived from those
 * plans by the rules of {@link #verdict}, never written by hand. Run: {@code npm run generate-readme}.
 */
public final class DayTwoTable {
    static final String SHOP_IMAGE = "public.ecr.aws/nginx/nginx:1.27";
    static final String MAILER_IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
    static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

    /** A catalog and what changes in its environments (a cdktf.json key), on one side of a change. */
    public record Variant(Catalog catalog, UnaryOperator<Environment> environment) {}

    /**
     * One change a team makes.
     *
     * @param promisedSafe the change is one servicekit promises applies without cutting running tasks off: a
     *                     test fails when its plan says otherwise
     */
    public record Scenario(String change, Variant before, Variant after, boolean promisedSafe) {}

    /** What happens to the running tasks, from a plan. */
    public sealed interface Verdict {
        String text();

        /** The tasks keep serving throughout. */
        record Serving(List<String> notes) implements Verdict {
            public String text() {
                return notes.isEmpty() ? "yes" : "yes; " + String.join("; ", notes);
            }
        }

        /** Something the tasks use is missing or re-pointed for a while. */
        record Interrupted(List<String> reasons) implements Verdict {
            public String text() {
                return "**no**: " + String.join("; ", reasons);
            }
        }

        /** Terraform refuses the plan: nothing changes. */
        record Refused(String reason) implements Verdict {
            public String text() {
                return "yes: Terraform refuses the plan, nothing changes (" + reason + ")";
            }
        }

        /** AWS refuses part of the apply, after other parts applied. */
        record FailsHalfWay(List<String> reasons) implements Verdict {
            public String text() {
                return "**fails half-way**: " + String.join("; ", reasons);
            }
        }

        /** The change removes or stops the service on purpose. */
        record Stops(String what) implements Verdict {
            public String text() {
                return "— " + what;
            }
        }
    }

    /** One scenario in one environment. */
    public record Outcome(String environment, PlanPreview.Plan plan, Verdict verdict) {}

    private DayTwoTable() {}

    static Service shop() {
        return Service.web("shop", SHOP_IMAGE, 8080).owner("storefront").prod(p -> p.allowPlainHttp());
    }

    static Service mailer() {
        return Service.worker("mailer", MAILER_IMAGE).owner("growth");
    }

    private static Variant catalog(Service... lines) {
        return new Variant(Catalog.of(lines), UnaryOperator.identity());
    }

    private static Variant withEnvironment(UnaryOperator<Environment> change, Service... lines) {
        return new Variant(Catalog.of(lines), change);
    }

    private static final NetworkRule SCRAPE = NetworkRule.tcp(9100).securityGroup("sg-0123456789abcdef0")
            .describedAs("Prometheus scrapes");
    private static final NetworkRule POSTGRES = NetworkRule.tcp(5432).cidr("10.40.0.0/16").describedAs("Postgres");
    private static final String NIGHTLY = "cron(0 3 * * ? *)";
    private static final IamStatement READ_TABLE = IamStatement.allow("dynamodb:GetItem")
            .on("arn:aws:dynamodb:us-east-1:123456789012:table/orders");

    /** The changes the table covers, each from a catalog of a web service (shop) and a worker (mailer). */
    public static List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("add a service", catalog(shop()), catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("`.image(...)`: a new image tag", catalog(shop(), mailer()),
                catalog(shop(), Service.worker("mailer", "public.ecr.aws/docker/library/busybox:1.37").owner("growth")),
                true));
        scenarios.add(new Scenario("`.size(...)`", catalog(shop(), mailer()),
                catalog(shop(), mailer().size(Fargate.cpu(1024).memoryMiB(2048))), true));
        scenarios.add(new Scenario("`.counts(...)`", catalog(shop(), mailer()),
                catalog(shop(), mailer().counts(c -> c.max(20))), true));
        scenarios.add(new Scenario("`.healthCheck(\"/healthz\")`", catalog(shop(), mailer()),
                catalog(shop().healthCheck("/healthz"), mailer()), true));
        scenarios.add(new Scenario("the web service's port", catalog(shop(), mailer()),
                catalog(Service.web("shop", SHOP_IMAGE, 9090).owner("storefront").prod(p -> p.allowPlainHttp()),
                        mailer()), false));
        scenarios.add(new Scenario("the first `.ingress(...)` of a worker", catalog(shop(), mailer()),
                catalog(shop(), mailer().ingress(SCRAPE)), true));
        scenarios.add(new Scenario("another `.ingress(...)` of a web service", catalog(shop(), mailer()),
                catalog(shop().ingress(SCRAPE), mailer()), true));
        scenarios.add(new Scenario("remove an `.ingress(...)`", catalog(shop(), mailer().ingress(SCRAPE)),
                catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("add an `.egress(...)`", catalog(shop(), mailer()),
                catalog(shop().egress(POSTGRES), mailer()), true));
        scenarios.add(new Scenario("remove an `.egress(...)`", catalog(shop().egress(POSTGRES), mailer()),
                catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("add a `.secret(...)`", catalog(shop(), mailer()),
                catalog(shop(), mailer().secret("SMTP_PASSWORD")), true));
        scenarios.add(new Scenario("remove a `.secret(...)`", catalog(shop(), mailer().secret("SMTP_PASSWORD")),
                catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("add `.bucket()`", catalog(shop(), mailer()), catalog(shop(), mailer().bucket()),
                true));
        scenarios.add(new Scenario("remove `.bucket()`", catalog(shop(), mailer().bucket()), catalog(shop(), mailer()),
                false));
        scenarios.add(new Scenario("add a `.schedule(...)`", catalog(shop(), mailer()),
                catalog(shop(), mailer().schedule(NIGHTLY, "{\"job\":\"digest\"}")), true));
        scenarios.add(new Scenario("change a `.schedule(...)`'s expression or message",
                catalog(shop(), mailer().schedule(NIGHTLY, "{\"job\":\"digest\"}")),
                catalog(shop(), mailer().schedule("rate(6 hours)", "{\"job\":\"digest\",\"full\":true}")), true));
        scenarios.add(new Scenario("remove a `.schedule(...)`",
                catalog(shop(), mailer().schedule(NIGHTLY, "{\"job\":\"digest\"}")), catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("add a `.taskPolicy(...)`", catalog(shop(), mailer()),
                catalog(shop(), mailer().taskPolicy(READ_TABLE)), true));
        scenarios.add(new Scenario("remove a `.taskPolicy(...)`", catalog(shop(), mailer().taskPolicy(READ_TABLE)),
                catalog(shop(), mailer()), true));
        scenarios.add(new Scenario("`.withQueue()` on a web service", catalog(shop(), mailer()),
                catalog(shop().withQueue(), mailer()), true));
        scenarios.add(new Scenario("`.internal()`", catalog(shop(), mailer()),
                catalog(Service.web("shop", SHOP_IMAGE, 8080).owner("storefront").internal(), mailer()), false));
        scenarios.add(new Scenario("a certificate (HTTPS)", catalog(shop(), mailer()),
                catalog(Service.web("shop", SHOP_IMAGE, 8080).owner("storefront")
                        .stage(o -> o.certificateArn(CERTIFICATE)).prod(o -> o.certificateArn(CERTIFICATE)), mailer()),
                true));
        scenarios.add(new Scenario("cdktf.json `logRetentionDays`", catalog(shop(), mailer()),
                withEnvironment(env -> env.toBuilder().logRetentionDays(env.logRetentionDays() == 14 ? 30 : 180).build(),
                        shop(), mailer()), true));
        scenarios.add(new Scenario("cdktf.json `prefix`", catalog(shop(), mailer()),
                withEnvironment(env -> env.toBuilder().prefix("acme").build(), shop(), mailer()), false));
        scenarios.add(new Scenario("cdktf.json `vpcId`: adopt a VPC", catalog(shop(), mailer()),
                withEnvironment(env -> env.toBuilder().network(new NetworkConfig.Existing("vpc-0123456789abcdef0",
                        List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                        List.of("subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"), "platform")).build(),
                        shop(), mailer()), false));
        scenarios.add(new Scenario("`.retire()`", catalog(shop(), mailer()), catalog(shop(), mailer().retire()), false));
        scenarios.add(new Scenario("remove a line", catalog(shop(), mailer()), catalog(shop()), false));
        scenarios.add(new Scenario("rename a line", catalog(shop(), mailer()),
                catalog(shop(), Service.worker("notifier", MAILER_IMAGE).owner("growth")), false));
        scenarios.add(new Scenario("rename a line with `.renamedFrom(\"mailer\")`", catalog(shop(), mailer()),
                catalog(shop(), Service.worker("notifier", MAILER_IMAGE).owner("growth").renamedFrom("mailer")), true));
        return scenarios;
    }

    /**
     * Stage and prod as the table assumes them: the presets, with the alert handles, prod's default runbook and
     * its state kept as a team's cdktf.json names them (none of which moves a resource).
     */
    public static List<Environment> environments() {
        Environment stage = Environment.stage().toBuilder().alerts("@slack-team-stage", "@slack-team-stage").build();
        Environment prod = Environment.prod().toBuilder().alerts("@pagerduty-team", "@slack-team")
                .state(StateBackend.Local.ON_PURPOSE).build();
        return List.of(stage, prod.toBuilder().monitoring(prod.monitoring().toBuilder()
                .runbook("https://runbooks.example.com/team").build()).build());
    }

    /** A variant's Terraform configuration in an environment, as servicekit writes it (pure Java). */
    public static JsonNode configuration(Variant variant, Environment base) {
        Environment environment = variant.environment().apply(base);
        CatalogValidator.validate(variant.catalog(), environments().stream()
                .map(e -> e.name().equals(environment.name()) ? environment : e).toList());
        // The environment layout: one stack holding every line.
        StackDocument document = new StackDocument(environment, StackPlan.of(environment, variant.catalog()).platform());
        document.assemble(name -> {
            throw new IllegalStateException("the day-two scenarios have no customizers");
        });
        return document.document().toJson();
    }

    /** Each scenario's outcome in stage and in prod. */
    public static Map<Scenario, List<Outcome>> outcomes() {
        Map<Scenario, List<Outcome>> outcomes = new LinkedHashMap<>();
        for (Scenario scenario : scenarios()) {
            List<Outcome> each = new ArrayList<>();
            for (Environment environment : environments()) {
                JsonNode before = configuration(scenario.before(), environment);
                JsonNode after = configuration(scenario.after(), environment);
                PlanPreview.Plan plan = PlanPreview.of(before, after);
                each.add(new Outcome(environment.name(), plan, verdict(plan, before, after)));
            }
            outcomes.put(scenario, each);
        }
        return outcomes;
    }

    /**
     * Resource types the running tasks need while they serve: replacing one destroy-first leaves them without it
     * for a while. Not among them: a task definition (a running task keeps its deregistered, INACTIVE revision:
     * "Existing tasks and services that reference an INACTIVE task definition continue to run without
     * disruption", ECS API reference, DeregisterTaskDefinition), scaling, alarms, and Datadog's resources.
     */
    static boolean servesTasks(String type) {
        return type.startsWith("aws_") && !Set.of("aws_ecs_task_definition", "aws_appautoscaling_target",
                "aws_appautoscaling_policy", "aws_cloudwatch_metric_alarm").contains(type);
    }

    /** The types that hold data: their destruction or replacement loses it. */
    static final Map<String, String> HOLDS = Map.of("aws_sqs_queue", "messages", "aws_cloudwatch_log_group", "logs",
            "aws_s3_bucket", "objects");

    /**
     * A name AWS keeps unique (in a region, or per load balancer): a replacement that creates first under the same
     * name is refused ("DuplicateTargetGroupName", ...).
     */
    static final Map<String, String> UNIQUE_NAMES = Map.of("aws_lb_target_group", "name", "aws_lb", "name",
            "aws_sqs_queue", "name", "aws_cloudwatch_log_group", "name", "aws_iam_role", "name",
            "aws_ecs_service", "name", "aws_s3_bucket", "bucket");

    /**
     * What happens to the running tasks, from a plan and the two configurations:
     * <ol>
     *   <li>a plan Terraform refuses (a replacement of a resource with prevent_destroy) changes nothing;</li>
     *   <li>AWS refuses, half-way through the apply: a create-first replacement under a name AWS keeps unique,
     *       the destruction of a load balancer with deletion protection, or of a bucket without force_destroy
     *       that holds objects;</li>
     *   <li>the tasks are cut off: a resource they need replaced destroy-first (a security group rule is then
     *       revoked before its group's replacement exists), destroyed while a resource of its kind and part is
     *       created under another address (created anew, not moved), a rule or listener re-pointed in place at a
     *       replaced or new peer (the old tasks lose it before new ones run);</li>
     *   <li>the service is removed or stops (its ECS service destroyed, none created): on purpose;</li>
     *   <li>else they keep serving; data that goes (a queue's messages, logs, objects) is said.</li>
     * </ol>
     */
    static Verdict verdict(PlanPreview.Plan plan, JsonNode before, JsonNode after) {
        if (!plan.refusals().isEmpty()) {
            return new Verdict.Refused(plan.refusals().get(0).replaceFirst(" \\(.*", ""));
        }
        List<String> fails = new ArrayList<>();
        Map<String, List<String>> cuts = new LinkedHashMap<>();
        Set<String> lost = new TreeSet<>();
        Set<String> replaced = new TreeSet<>();
        Set<String> created = new TreeSet<>();
        Set<String> createdParts = new TreeSet<>();
        for (Change change : plan.changes()) {
            if (change.action().replaces()) {
                replaced.add(change.address());
            }
            if (change.action() == Action.CREATE) {
                created.add(change.address());
                createdParts.add(change.type() + "." + part(change.name()));
            }
        }
        for (Change change : plan.changes()) {
            String type = change.type();
            JsonNode was = resource(before, change.from().orElse(change.address()));
            JsonNode is = resource(after, change.address());
            switch (change.action()) {
                case REPLACE_CREATE_FIRST -> {
                    String name = UNIQUE_NAMES.get(type);
                    if (name != null && was.path(name).equals(is.path(name))) {
                        fails.add("AWS refuses a second " + type + " named " + is.path(name).asText() + " ("
                                + change.address() + " is replaced create-first under the same name)");
                    }
                }
                case REPLACE_DESTROY_FIRST -> {
                    if (servesTasks(type)) {
                        cut(cuts, "is destroyed before its replacement exists|are destroyed before their replacements exist", change.address());
                    }
                    if (type.equals("aws_lb") && was.path("enable_deletion_protection").asBoolean(false)) {
                        fails.add("`" + change.address() + "` has deletion protection, which AWS holds to");
                    }
                }
                case DESTROY -> {
                    if (servesTasks(type) && createdParts.contains(type + "." + part(change.name()))) {
                        cut(cuts, "is destroyed and created anew at another address|are destroyed and created anew at other addresses", change.address());
                    }
                    if (type.equals("aws_lb") && was.path("enable_deletion_protection").asBoolean(false)) {
                        fails.add("`" + change.address() + "` has deletion protection, which AWS holds to");
                    }
                    if (type.equals("aws_s3_bucket") && !was.path("force_destroy").asBoolean(false)) {
                        fails.add("S3 refuses to delete `" + change.address() + "` while it holds objects "
                                + "(no force_destroy)");
                    }
                }
                case UPDATE -> {
                    if (ReplaceForcing.isRule(type) && change.reasons().contains("referenced_security_group_id")
                            && refersTo(is.path("referenced_security_group_id"), replaced, created)) {
                        cut(cuts, "is re-pointed in place at a new group before the old tasks are gone|are re-pointed in place at new groups before the old tasks are gone", change.address());
                    }
                    if (type.equals("aws_lb_listener") && change.reasons().contains("default_action")
                            && refersTo(is.path("default_action"), replaced, created)) {
                        cut(cuts, "forwards to a new target group before tasks are registered in it|forward to new "
                                + "target groups before tasks are registered in them", change.address());
                    }
                }
                default -> {
                }
            }
            if ((change.action() == Action.DESTROY || change.action().replaces()) && HOLDS.containsKey(type)) {
                lost.add(HOLDS.get(type));
            }
        }
        if (!fails.isEmpty()) {
            return new Verdict.FailsHalfWay(fails);
        }
        List<String> notes = new ArrayList<>();
        if (!lost.isEmpty()) {
            notes.add("lost: " + String.join(", ", lost));
        }
        boolean serviceGone = plan.changes().stream().anyMatch(c -> c.type().equals("aws_ecs_service")
                && c.action() == Action.DESTROY) && plan.changes().stream().noneMatch(c -> c.type().equals("aws_ecs_service")
                && c.action() == Action.CREATE);
        if (serviceGone) {
            boolean kept = plan.changes().stream().anyMatch(c -> c.action() == Action.FORGET);
            return new Verdict.Stops((kept ? "the service stops; its data stays in AWS, outside Terraform"
                    : "the service is removed") + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        }
        if (!cuts.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            cuts.forEach((what, addresses) -> {
                List<String> sorted = addresses.stream().sorted(java.util.Comparator.comparingInt(
                        (String a) -> rank(a.substring(0, a.indexOf('.')))).thenComparing(a -> a)).toList();
                reasons.add(sorted.stream().limit(3).map(a -> "`" + a + "`").collect(java.util.stream.Collectors.joining(", "))
                        + (sorted.size() > 3 ? " and " + (sorted.size() - 3) + " more" : "") + " "
                        + what.split("\\|")[sorted.size() == 1 ? 0 : 1]);
            });
            reasons.addAll(notes);
            return new Verdict.Interrupted(reasons);
        }
        return new Verdict.Serving(notes);
    }

    private static void cut(Map<String, List<String>> cuts, String what, String address) {
        cuts.computeIfAbsent(what, w -> new ArrayList<>()).add(address);
    }

    /** Whether a value refers to one of these addresses. */
    private static boolean refersTo(JsonNode value, Set<String> replaced, Set<String> created) {
        String text = value.toString();
        return replaced.stream().anyMatch(a -> text.contains(a + ".")) || created.stream().anyMatch(a -> text.contains(a + "."));
    }

    /** The part of an address after its service's name: {@code queue} of {@code mailer_queue}. */
    static String part(String name) {
        return name.contains("_") ? name.substring(name.indexOf('_') + 1) : name;
    }

    private static JsonNode resource(JsonNode config, String address) {
        int dot = address.indexOf('.');
        return config.path("resource").path(address.substring(0, dot)).path(address.substring(dot + 1));
    }

    /** The README's table. */
    public static String table() {
        StringBuilder table = new StringBuilder(
                "| change | Terraform's plan in stage | in prod | running tasks keep serving |\n|---|---|---|---|\n");
        for (Map.Entry<Scenario, List<Outcome>> entry : outcomes().entrySet()) {
            Outcome stage = entry.getValue().get(0);
            Outcome prod = entry.getValue().get(1);
            String stagePlan = plan(stage.plan());
            String prodPlan = plan(prod.plan());
            String verdict = stage.verdict().text().equals(prod.verdict().text()) ? stage.verdict().text()
                    : "stage: " + stage.verdict().text() + "<br>prod: " + prod.verdict().text();
            table.append("| ").append(entry.getKey().change()).append(" | ").append(stagePlan).append(" | ")
                    .append(prodPlan.equals(stagePlan) ? "the same" : prodPlan).append(" | ").append(verdict)
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Resources a reader looks for first in a plan's cell. */
    private static final List<String> FIRST = List.of("aws_ecs_service", "aws_lb", "aws_lb_target_group",
            "aws_lb_listener", "aws_security_group", "aws_sqs_queue", "aws_s3_bucket", "aws_cloudwatch_log_group",
            "aws_ecs_task_definition", "aws_iam_role", "aws_iam_role_policy");
    private static final int SHOWN = 6;

    /** A plan in one cell: per action (Terraform's symbols), the resources by the part of their address. */
    static String plan(PlanPreview.Plan plan) {
        Map<Action, List<Change>> byAction = new LinkedHashMap<>();
        for (Action action : List.of(Action.REPLACE_DESTROY_FIRST, Action.REPLACE_CREATE_FIRST, Action.UPDATE,
                Action.CREATE, Action.DESTROY, Action.FORGET, Action.MOVE)) {
            List<Change> changes = plan.changes().stream().filter(c -> c.action() == action)
                    .sorted(java.util.Comparator.comparingInt((Change c) -> rank(c.type())).thenComparing(Change::address))
                    .toList();
            if (!changes.isEmpty()) {
                byAction.put(action, changes);
            }
        }
        if (byAction.isEmpty()) {
            return "nothing";
        }
        List<String> cells = new ArrayList<>();
        byAction.forEach((action, changes) -> {
            List<String> names = changes.stream().limit(SHOWN).map(c -> "`" + c.name() + "`").toList();
            cells.add("`" + action.symbol() + "` " + (changes.size() > SHOWN ? changes.size() + ": " : "")
                    + String.join(", ", names) + (changes.size() > SHOWN ? ", …" : ""));
        });
        if (!plan.refusals().isEmpty()) {
            cells.add("refused: " + plan.refusals().get(0).replaceFirst(" \\(.*", ""));
        }
        return String.join("<br>", cells);
    }

    private static int rank(String type) {
        int index = FIRST.indexOf(type);
        return index < 0 ? FIRST.size() : index;
    }

    /** The README's list of replace-forcing attributes, with where each was read. */
    public static String replaceForcingTable() {
        StringBuilder table = new StringBuilder("| resource type | replace-forcing attributes | read from |\n|---|---|---|\n");
        for (ReplaceForcing.Entry entry : ReplaceForcing.entries().values()) {
            table.append("| `").append(entry.type()).append("` | ")
                    .append(entry.attributes().isEmpty()
                            ? "none" + entry.note().map(n -> " (" + n + ")").orElse("")
                            : String.join(", ", entry.attributes().stream().map(a -> "`" + a + "`").toList())
                                    + entry.note().map(n -> " " + n).orElse(""))
                    .append(" | ")
                    .append(entry.source().cite()).append(" |\n");
        }
        return table.toString();
    }

    /** The scenarios a test holds to their promise. */
    public static Optional<Scenario> scenario(String change) {
        return scenarios().stream().filter(s -> s.change().equals(change)).findFirst();
    }
}
