package dev.servicekit.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Terraform will do to each resource when a configuration changes from {@code before} to {@code after},
 * worked out offline from the two Terraform JSON configurations and the providers' replace-forcing attributes
 * ({@link ReplaceForcing}), as Terraform plans it:
 * <ul>
 *   <li>a resource only in {@code after} is created; one only in {@code before} is destroyed, or forgotten where a
 *       {@code removed} block says {@code destroy = false}, or found at its new address through a {@code moved}
 *       block;</li>
 *   <li>a resource whose configured value of a replace-forcing attribute changes, or whose such attribute refers
 *       to a resource being created or replaced (whose identity is unknown until apply), or whose rule source
 *       changes kind, or whose {@code replace_triggered_by} names a resource being replaced, is replaced; one
 *       with any other change is updated in place;</li>
 *   <li>a replacement is create-before-destroy where the resource says so, and where a create-before-destroy
 *       replacement depends on it (Terraform forces it then: docs/destroying.md, "Forced Create Before
 *       Destroy"); else the old one is destroyed first, and before that every resource depending on it that is
 *       replaced destroy-first too;</li>
 *   <li>a replacement of a resource with {@code prevent_destroy} makes Terraform refuse the whole plan.</li>
 * </ul>
 * It reads the configurations, not a state: values known only after apply (IDs, ARNs) count as changed when
 * their resource is created or replaced, as Terraform's plan shows them unknown.
 */
public final class PlanPreview {
    /** What Terraform does to one resource; the symbol is Terraform's own in a plan. */
    public enum Action {
        CREATE("+"), UPDATE("~"), REPLACE_CREATE_FIRST("+/-"), REPLACE_DESTROY_FIRST("-/+"), DESTROY("-"),
        FORGET("forget"), MOVE("moved");

        private final String symbol;

        Action(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean replaces() {
            return this == REPLACE_CREATE_FIRST || this == REPLACE_DESTROY_FIRST;
        }
    }

    /**
     * One resource's change.
     *
     * @param address its address after the change (before, for one destroyed or forgotten)
     * @param from    its address before, where a moved block moves it
     * @param reasons the attributes that changed; for a replacement, what forces it
     */
    public record Change(String address, Optional<String> from, Action action, List<String> reasons) {
        public String type() {
            return address.substring(0, address.indexOf('.'));
        }

        public String name() {
            return address.substring(address.indexOf('.') + 1);
        }
    }

    /**
     * The plan: every resource that changes, by address, and why Terraform would refuse it (empty when it would
     * not).
     */
    public record Plan(List<Change> changes, List<String> refusals) {
        public Optional<Change> change(String address) {
            return changes.stream().filter(c -> c.address().equals(address)).findFirst();
        }
    }

    private static final Set<String> META = Set.of("//", "lifecycle", "depends_on", "count", "for_each", "provider",
            "provisioner", "connection");
    /** A resource reference in code: {@code aws_sqs_queue.auth_queue.arn}, with an index where counted. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.-])([a-z][a-z0-9]*_[a-z0-9_]+\\.[A-Za-z_][A-Za-z0-9_-]*)(?:\\[\\d+\\])?(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");

    private final Map<String, JsonNode> before;
    private final Map<String, JsonNode> after;
    private final Map<String, String> moves;
    private final Map<String, String> movedFrom = new HashMap<>();
    private final Set<String> released = new TreeSet<>();
    private final Map<String, Action> actions = new TreeMap<>();
    private final Map<String, List<String>> reasons = new HashMap<>();
    private final Map<String, Set<String>> dependencies = new HashMap<>();

    private PlanPreview(JsonNode beforeConfig, JsonNode afterConfig) {
        before = resources(beforeConfig);
        after = resources(afterConfig);
        moves = ReplacementCheck.moves(afterConfig);
        moves.forEach((from, to) -> movedFrom.put(to, from));
        for (JsonNode removed : afterConfig.path("removed")) {
            if (!removed.path("lifecycle").path("destroy").asBoolean(true)) {
                released.add(removed.path("from").asText());
            }
        }
        after.forEach((address, block) -> dependencies.put(address, dependencies(block)));
    }

    /** What Terraform plans when the configuration changes from {@code before} to {@code after}. */
    public static Plan of(JsonNode before, JsonNode after) {
        return new PlanPreview(before, after).plan();
    }

    private Plan plan() {
        for (String address : after.keySet()) {
            if (prior(address) == null) {
                actions.put(address, Action.CREATE);
            }
        }
        // Replacement spreads through references to what is replaced: again until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String address : after.keySet()) {
                if (prior(address) == null) {
                    continue;
                }
                Action action = compare(address);
                if (action != actions.get(address)) {
                    actions.put(address, action);
                    changed = true;
                }
            }
        }
        Set<String> createFirst = createFirst();
        List<Change> changes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Action> entry : actions.entrySet()) {
            String address = entry.getKey();
            Action action = entry.getValue();
            if (action == null) {
                continue;
            }
            if (action.replaces()) {
                action = createFirst.contains(address) ? Action.REPLACE_CREATE_FIRST : Action.REPLACE_DESTROY_FIRST;
                if (after.get(address).path("lifecycle").path("prevent_destroy").asBoolean(false)) {
                    refusals.add(address + " has prevent_destroy and would be replaced ("
                            + String.join(", ", reasons.getOrDefault(address, List.of())) + ")");
                }
            }
            changes.add(new Change(address, Optional.ofNullable(movedFrom.get(address)).filter(before::containsKey),
                    action, reasons.getOrDefault(address, List.of())));
        }
        for (String address : before.keySet()) {
            if (!after.containsKey(address) && !moves.containsKey(address)) {
                changes.add(new Change(address, Optional.empty(), released.contains(address) ? Action.FORGET
                        : Action.DESTROY, List.of()));
            }
        }
        changes.sort(java.util.Comparator.comparing(Change::address));
        return new Plan(List.copyOf(changes), List.copyOf(refusals));
    }

    /** The resource's configuration before the change: at its address, or at the one it moves from. */
    private JsonNode prior(String address) {
        JsonNode prior = before.get(address);
        if (prior == null && movedFrom.containsKey(address)) {
            prior = before.get(movedFrom.get(address));
        }
        return prior;
    }

    /** A resource's action from its two configurations and the actions of what it refers to; null when none. */
    private Action compare(String address) {
        String type = address.substring(0, address.indexOf('.'));
        JsonNode was = normalized(prior(address));
        JsonNode is = after.get(address);
        Set<String> ignored = new TreeSet<>();
        is.path("lifecycle").path("ignore_changes").forEach(attribute -> ignored.add(attribute.asText()));
        Set<String> keys = new TreeSet<>();
        was.fieldNames().forEachRemaining(keys::add);
        is.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(META);
        keys.removeAll(ignored);
        List<String> changedAttributes = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (String key : keys) {
            if (!was.path(key).equals(is.path(key))) {
                changedAttributes.add(key);
            } else if (refersToNew(is.path(key))) {
                changedAttributes.add(key);
                unknown.add(key);
            }
        }
        List<String> forcing = new ArrayList<>();
        ReplaceForcing.Entry entry = ReplaceForcing.of(type);
        for (String path : entry.attributes()) {
            String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (changedAttributes.contains(top) && (unknown.contains(top) || !at(was, path).equals(at(is, path)))) {
                forcing.add(path);
            }
        }
        if (ReplaceForcing.isRule(type) && !sourceKind(was).equals(sourceKind(is))) {
            forcing.add("source kind: " + sourceKind(was) + " -> " + sourceKind(is));
        }
        for (JsonNode trigger : is.path("lifecycle").path("replace_triggered_by")) {
            Matcher reference = REFERENCE.matcher(trigger.asText());
            if (reference.lookingAt()) {
                Action target = actions.get(reference.group(1));
                boolean fires = reference.group(2) == null ? target != null && target != Action.MOVE
                        : target != null && (target.replaces() || target == Action.CREATE);
                if (fires) {
                    forcing.add("replace_triggered_by " + trigger.asText());
                }
            }
        }
        if (!forcing.isEmpty()) {
            reasons.put(address, forcing);
            return Action.REPLACE_DESTROY_FIRST;
        }
        reasons.put(address, changedAttributes);
        if (!changedAttributes.isEmpty()) {
            return Action.UPDATE;
        }
        return movedFrom.containsKey(address) && before.containsKey(movedFrom.get(address)) ? Action.MOVE : null;
    }

    /** Whether a value refers to a resource whose identity is unknown until apply: being created or replaced. */
    private boolean refersToNew(JsonNode value) {
        for (String[] reference : references(value)) {
            Action action = actions.get(reference[0]);
            if (action == Action.CREATE || (action != null && action.replaces())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The replacements that create first: those that say create_before_destroy, and every replaced resource a
     * create-first replacement depends on (Terraform forces it, or its graph would have a cycle).
     */
    private Set<String> createFirst() {
        Set<String> createFirst = new TreeSet<>();
        actions.forEach((address, action) -> {
            if (action != null && action.replaces()
                    && after.get(address).path("lifecycle").path("create_before_destroy").asBoolean(false)) {
                createFirst.add(address);
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String address : new ArrayList<>(createFirst)) {
                for (String dependency : dependencies.getOrDefault(address, Set.of())) {
                    Action action = actions.get(dependency);
                    if (action != null && action.replaces() && createFirst.add(dependency)) {
                        grew = true;
                    }
                }
            }
        }
        return createFirst;
    }

    /** What a resource depends on: its references and its depends_on. */
    private static Set<String> dependencies(JsonNode block) {
        Set<String> dependencies = new LinkedHashSet<>();
        ObjectNode attributes = block.deepCopy();
        attributes.remove("depends_on");
        attributes.remove("lifecycle");
        for (String[] reference : references(attributes)) {
            dependencies.add(reference[0]);
        }
        block.path("depends_on").forEach(d -> dependencies.add(d.asText()));
        return dependencies;
    }

    /** Every resource reference in code in a value, as {address, attribute or null}. */
    private static List<String[]> references(JsonNode value) {
        List<String[]> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(JsonNode node, List<String[]> found) {
        if (node.isTextual()) {
            for (String expression : ReferenceCheck.expressions(node.asText())) {
                Matcher m = REFERENCE.matcher(expression);
                while (m.find()) {
                    found.add(new String[] {m.group(1), m.group(2)});
                }
            }
        } else {
            node.elements().forEachRemaining(child -> collect(child, found));
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(name -> collect(TextNode.valueOf(name), found));
            }
        }
    }

    /** A block of before with moved addresses written as after writes them. */
    private JsonNode normalized(JsonNode block) {
        if (moves.isEmpty()) {
            return block;
        }
        return rewrite(block.deepCopy());
    }

    private JsonNode rewrite(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> move : moves.entrySet()) {
                text = text.equals(move.getKey()) ? move.getValue()
                        : text.replace(move.getKey() + ".", move.getValue() + ".");
            }
            return TextNode.valueOf(text);
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            object.fields().forEachRemaining(field -> fields.put(field.getKey(), rewrite(field.getValue())));
            object.removeAll();
            fields.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i)));
            }
        }
        return node;
    }

    /** Which of a rule's source attributes it sets. */
    private static String sourceKind(JsonNode rule) {
        return ReplaceForcing.RULE_SOURCES.stream().filter(rule::has).findFirst().orElse("none");
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.isArray() && current.size() == 1 ? current.get(0).path(part) : current.path(part);
        }
        return current;
    }

    private static Map<String, JsonNode> resources(JsonNode config) {
        Map<String, JsonNode> resources = new TreeMap<>();
        config.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(
                block -> resources.put(type.getKey() + "." + block.getKey(), block.getValue())));
        return resources;
    }
}
