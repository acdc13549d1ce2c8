package dev.servicekit.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.environment.Environment;
import dev.servicekit.snapshot.PlanPreview;
import dev.servicekit.snapshot.PlanPreview.Action;
import dev.servicekit.snapshot.PlanPreview.Change;
import dev.servicekit.snapshot.ReplaceForcing;
import dev.servicekit.support.TestEnvironments;
import dev.servicekit.support.Synthesized;
import dev.servicekit.support.TarReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day-two table's promises, checked on the plans it is made of: a change the table calls safe replaces
 * nothing the running tasks use destroy-first and revokes no security group rule before its group's replacement
 * exists; the changes servicekit promises are safe are; and the replace-forcing attributes the plans rest on cover
 * every resource type servicekit writes and are attributes of the provider version the stacks pin.
 */
class DayTwoTableTest {
    private static Map<DayTwoTable.Scenario, List<DayTwoTable.Outcome>> outcomes;

    @BeforeAll
    static void plan() {
        outcomes = DayTwoTable.outcomes();
    }

    @Test
    void everyChangeServicekitPromisesIsSafeKeepsTheTasksServingInStageAndProd() {
        List<String> broken = new ArrayList<>();
        outcomes.forEach((scenario, each) -> {
            for (DayTwoTable.Outcome outcome : each) {
                if (scenario.promisedSafe() && !(outcome.verdict() instanceof DayTwoTable.Verdict.Serving)) {
                    broken.add(outcome.environment() + ", " + scenario.change() + ": " + outcome.verdict().text());
                }
            }
        });
        assertThat(outcomes.keySet().stream().filter(DayTwoTable.Scenario::promisedSafe)).hasSizeGreaterThan(15);
        assertThat(broken).isEmpty();
    }

    /**
     * Independent of the verdict's rules: in every plan the table calls safe, each replacement of a resource the
     * tasks use creates first, and each rule on a replaced security group is replaced create-first with it.
     */
    @Test
    void aChangeTheTableCallsSafeReplacesNothingDestroyFirstAndNoRuleBeforeItsGroup() {
        List<String> broken = new ArrayList<>();
        int safe = 0;
        for (Map.Entry<DayTwoTable.Scenario, List<DayTwoTable.Outcome>> entry : outcomes.entrySet()) {
            DayTwoTable.Scenario scenario = entry.getKey();
            for (DayTwoTable.Outcome outcome : entry.getValue()) {
                if (!(outcome.verdict() instanceof DayTwoTable.Verdict.Serving)) {
                    continue;
                }
                safe++;
                String where = outcome.environment() + ", " + scenario.change() + ": ";
                PlanPreview.Plan plan = outcome.plan();
                Set<String> replacedGroups = new TreeSet<>();
                for (Change change : plan.changes()) {
                    if (change.action() == Action.REPLACE_DESTROY_FIRST && DayTwoTable.servesTasks(change.type())) {
                        broken.add(where + change.address() + " is replaced destroy-first");
                    }
                    if (change.type().equals("aws_security_group") && change.action().replaces()) {
                        replacedGroups.add(change.address());
                    }
                }
                JsonNode after = configuration(scenario.after(), outcome.environment());
                for (String type : List.of("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
                    after.path("resource").path(type).fields().forEachRemaining(rule -> {
                        String address = type + "." + rule.getKey();
                        String text = rule.getValue().toString();
                        for (String group : replacedGroups) {
                            if (text.contains(group + ".id")) {
                                Action action = plan.change(address).map(Change::action).orElse(null);
                                if (action != Action.REPLACE_CREATE_FIRST && action != Action.CREATE) {
                                    broken.add(where + address + " on replaced " + group + ": " + action);
                                }
                            }
                        }
                    });
                }
            }
        }
        assertThat(safe).as("outcomes the table calls safe").isGreaterThan(30);
        assertThat(broken).isEmpty();
    }

    @Test
    void theTableCoversEveryChangeTheIssueNamesInStageAndProd() {
        List<String> changes = outcomes.keySet().stream().map(DayTwoTable.Scenario::change).toList();
        for (String named : List.of("port", "healthCheck", ".size", ".counts", ".image", "add an `.egress",
                "remove an `.egress", "`.ingress", "remove an `.ingress", "add a `.secret", "remove a `.secret",
                "add `.bucket", "remove `.bucket", "add a `.taskPolicy", "remove a `.taskPolicy", ".internal()",
                "`prefix`", "certificate", "logRetentionDays", "vpcId", ".retire()", "remove a line", "rename a line",
                ".renamedFrom")) {
            assertThat(changes).as(named).anyMatch(change -> change.contains(named));
        }
        outcomes.values().forEach(each -> assertThat(each).extracting(DayTwoTable.Outcome::environment)
                .containsExactly("stage", "prod"));
        String table = DayTwoTable.table();
        assertThat(table.lines().count()).isEqualTo(outcomes.size() + 2);
    }

    /** Every resource type of the table's configurations, the stacks and the modules has its attributes read. */
    @Test
    void replaceForcingAttributesAreKnownForEveryResourceTypeServicekitWrites() throws IOException {
        Set<String> types = new TreeSet<>();
        outcomes.forEach((scenario, each) -> {
            for (DayTwoTable.Outcome outcome : each) {
                configuration(scenario.before(), outcome.environment()).path("resource").fieldNames()
                        .forEachRemaining(types::add);
                configuration(scenario.after(), outcome.environment()).path("resource").fieldNames()
                        .forEachRemaining(types::add);
            }
        });
        ObjectMapper json = new ObjectMapper();
        for (Path root : List.of(Path.of("stacks"), Path.of("modules"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tf.json")).toList()) {
                    json.readTree(file.toFile()).path("resource").fieldNames().forEachRemaining(types::add);
                }
            }
        }
        assertThat(types).contains("aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_lb",
                "datadog_monitor");
        assertThat(types).allSatisfy(type -> assertThat(ReplaceForcing.entries()).containsKey(type));
    }

    /**
     * The replacement warning's attributes (what a part says forces its stateful resource's replacement) are
     * replace-forcing attributes of the table: the two never disagree about what replaces a queue or a bucket.
     */
    @Test
    void theReplacementWarningsAttributesAreReplaceForcing() {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        Synthesized synthesized = Synthesized.of(Catalog.of(DayTwoTable.shop(), DayTwoTable.mailer().bucket()),
                TestEnvironments.context());
        for (String environment : List.of("stage", "prod")) {
            JsonNode config = synthesized.written(environment);
            for (Map.Entry<String, JsonNode> type : iterable(config.path("resource").fields())) {
                for (Map.Entry<String, JsonNode> block : iterable(type.getValue().fields())) {
                    JsonNode stateful = block.getValue().path("//").path("metadata").path("stateful");
                    for (JsonNode attribute : stateful.path("forcesReplacement")) {
                        checked++;
                        if (!ReplaceForcing.of(type.getKey()).attributes().contains(attribute.asText())) {
                            unknown.add(type.getKey() + "." + attribute.asText());
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(new TreeSet<>(unknown)).isEmpty();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    private static final String BUNDLE = "com/hashicorp/cdktf/providers/aws/provider-aws@18.0.3.jsii.tgz";
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+([a-z0-9_]+): ", Pattern.MULTILINE);

    /**
     * The attributes were read from the provider's source at other commits than 5.23.1's: each must be an
     * attribute (each step of a nested one a block or attribute) of the 5.23.1 schema that the cdktf bindings
     * the stacks are built with were generated from.
     */
    @Test
    void everyReplaceForcingAttributeIsInTheSchemaOfTheProviderVersionTheStacksPin() throws IOException {
        Map<String, Set<String>> schema = new HashMap<>();
        try (InputStream bundle = getClass().getClassLoader().getResourceAsStream(BUNDLE)) {
            assertThat(bundle).as(BUNDLE).isNotNull();
            TarReader tar = new TarReader(new GZIPInputStream(bundle, 1 << 16));
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                Matcher directory = Pattern.compile("package/lib/([a-z0-9-]+)/index\\.js").matcher(entry.name());
                if (!directory.matches()) {
                    continue;
                }
                Set<String> names = new TreeSet<>();
                Matcher m = ATTRIBUTE.matcher(new String(entry.content(), StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
                schema.put("aws_" + directory.group(1).replace('-', '_'), names);
            }
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (ReplaceForcing.Entry entry : ReplaceForcing.entries().values()) {
            if (!entry.type().startsWith("aws_")) {
                continue;
            }
            Set<String> names = schema.get(entry.type());
            assertThat(names).as(entry.type() + " in the bindings").isNotNull();
            for (String attribute : entry.attributes()) {
                checked++;
                for (String step : attribute.split("\\.")) {
                    if (!names.contains(step)) {
                        missing.add(entry.type() + "." + attribute);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(missing).isEmpty();
    }

    private static JsonNode configuration(DayTwoTable.Variant variant, String environment) {
        Environment base = DayTwoTable.environments().stream().filter(e -> e.name().equals(environment)).findFirst()
                .orElseThrow();
        return DayTwoTable.configuration(variant, base);
    }
}
