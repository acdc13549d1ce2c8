package dev.servicekit.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * servicekit's part of one Terraform configuration: its resources and data sources ({@link Block}),
 * outputs, locals, variables, {@code removed} and {@code moved} blocks, written as Terraform JSON in one pass.
 *
 * <p>Why not cdktf constructs: every construct, attribute and reference is a round trip to cdktf's Node
 * process (jsii), about 2 ms a resource. A stack's own elements (providers, backend) and a user's
 * constructs stay on cdktf; a stack merges this document into what cdktf wrote ({@link #mergeInto}). A block
 * that holds a value only cdktf can resolve (a user construct's attribute) is handed to cdktf instead
 * ({@link #handOverCdktfTokens}), so references between the two work both ways.
 */
public final class TerraformDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Map<String, Object> locals = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final Map<String, String> moved = new LinkedHashMap<>();
    private final Map<String, Object> terraform = new LinkedHashMap<>();
    private final Map<String, Object> providers = new LinkedHashMap<>();
    private final java.util.Set<String> handedOver = new java.util.HashSet<>();
    /** Each block's JSON once rendered: blocks are complete once the hand-over looks at them. */
    private final Map<Block, ObjectNode> rendered = new java.util.IdentityHashMap<>();
    private final java.util.Set<Block> needsCdktf = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final java.util.Set<Block> checked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * An output value.
     *
     * @param path where it comes from below its stack, e.g. {@code auth/queue_url}, for cdktf's output listing
     */
    public record Output(String name, Object value, String description, String path) {}

    /** Adds a block; two blocks at one address are an error, never a silent merge. */
    public Block add(Block block) {
        Block previous = blocks.putIfAbsent(block.address(), block);
        if (previous != null) {
            throw new IllegalStateException("two blocks share the address " + block.address());
        }
        return block;
    }

    /** The block at {@code address}, e.g. {@code aws_sqs_queue.auth_queue}. */
    public Optional<Block> block(String address) {
        return Optional.ofNullable(blocks.get(address));
    }

    public List<Block> blocks() {
        return List.copyOf(blocks.values());
    }

    public void output(Output output) {
        if (outputs.putIfAbsent(output.name(), output) != null) {
            throw new IllegalStateException("two outputs are named " + output.name());
        }
    }

    public void local(String name, Object value) {
        locals.put(name, value);
    }

    public void variable(Variable variable) {
        variables.put(variable.name(), variable);
    }

    /** Terraform forgets {@code address} without destroying it (a {@code removed} block, Terraform 1.7+). */
    public void release(String address) {
        removed.add(Objects.requireNonNull(address));
    }

    /**
     * Terraform moves what its state holds at {@code from} to {@code to} instead of destroying the one and creating
     * the other (a {@code moved} block, Terraform 1.1+); both are addresses of the same resource type.
     */
    public void move(String from, String to) {
        if (moved.putIfAbsent(Objects.requireNonNull(from), Objects.requireNonNull(to)) != null) {
            throw new IllegalStateException("two moves from " + from);
        }
    }

    /**
     * A provider's configuration, written as cdktf writes a provider construct's ({@code provider.<name>} a list of
     * one block): for a stack that needs no provider construct of cdktf's, one jsii object less each.
     */
    public void provider(String name, Map<String, Object> configuration) {
        providers.put(name, configuration);
    }

    /** A setting of the {@code terraform} block, e.g. {@code required_version}. */
    public void terraformSetting(String key, Object value) {
        terraform.put(key, value);
    }

    /**
     * Gives cdktf every block that holds a cdktf token (a user construct's attribute, which only cdktf can
     * resolve), as an override of the stack at its address; the others are merged after cdktf wrote.
     */
    public void handOverCdktfTokens(BiConsumer<String, Object> addOverride) {
        render();
        for (Block block : blocks.values()) {
            ObjectNode json = rendered(block);
            if (needsCdktf.contains(block)) {
                ObjectNode attributes = json.deepCopy();
                attributes.remove("//");
                addOverride.accept(block.kind().section() + "." + block.type() + "." + block.name(),
                        JSON.convertValue(attributes, Map.class));
                handedOver.add(block.address());
            }
        }
    }

    /** How many blocks {@link #handOverCdktfTokens} gave cdktf. */
    public int handedOver() {
        return handedOver.size();
    }

    /** This document as Terraform JSON on its own (a module): no cdktf metadata. */
    public ObjectNode toJson() {
        ObjectNode root = TerraformJson.NODES.objectNode();
        writeInto(root, Optional.empty());
        return root;
    }

    /**
     * Adds this document's sections to what cdktf wrote for {@code stack}. Fails when cdktf's part already has
     * one of this document's addresses (a user construct pinned to a servicekit address).
     */
    public void mergeInto(ObjectNode synthesized, String stack) {
        for (Block block : blocks.values()) {
            if (handedOver.contains(block.address())) {
                continue;
            }
            if (synthesized.path(block.kind().section()).path(block.type()).has(block.name())) {
                throw new IllegalStateException(stack + ": a construct of the app and servicekit's "
                        + block.address() + " share the address " + block.address());
            }
        }
        writeInto(synthesized, Optional.of(stack));
    }

    private void writeInto(ObjectNode root, Optional<String> stack) {
        for (Block block : blocks.values()) {
            if (handedOver.contains(block.address())) {
                continue;
            }
            ObjectNode json = stack.isPresent() ? rendered(block) : blockJson(block);
            if (stack.isPresent()) {
                metadata(json, block, stack.get());
            } else {
                json.remove("//");
            }
            section(section(root, block.kind().section()), block.type()).set(block.name(), json);
        }
        if (!outputs.isEmpty()) {
            ObjectNode section = section(root, "output");
            for (Output output : outputs.values()) {
                ObjectNode node = section.putObject(output.name());
                node.set("value", TerraformJson.of(output.value()));
                node.put("description", output.description());
                stack.ifPresent(s -> outputListing(root, s, output));
            }
        }
        if (!locals.isEmpty()) {
            ObjectNode section = section(root, "locals");
            locals.forEach((name, value) -> section.set(name, TerraformJson.of(value)));
        }
        if (!variables.isEmpty()) {
            ObjectNode section = section(root, "variable");
            variables.values().forEach(v -> section.set(v.name(), v.toJson()));
        }
        if (!removed.isEmpty()) {
            ArrayNode section = root.has("removed") ? (ArrayNode) root.get("removed") : root.putArray("removed");
            for (String address : removed) {
                ObjectNode block = section.addObject();
                block.put("from", address);
                block.putObject("lifecycle").put("destroy", false);
            }
        }
        if (!moved.isEmpty()) {
            ArrayNode section = root.has("moved") ? (ArrayNode) root.get("moved") : root.putArray("moved");
            moved.forEach((from, to) -> section.addObject().put("from", from).put("to", to));
        }
        if (!terraform.isEmpty()) {
            ObjectNode section = section(root, "terraform");
            terraform.forEach((key, value) -> section.set(key, TerraformJson.of(value)));
        }
        if (!providers.isEmpty()) {
            ObjectNode section = section(root, "provider");
            providers.forEach((name, configuration) -> section.putArray(name).add(TerraformJson.of(configuration)));
        }
    }

    /** cdktf lists a stack's outputs by construct path under {@code //.outputs}; the CLI shows them from there. */
    private static void outputListing(ObjectNode root, String stack, Output output) {
        ObjectNode node = section(section(section(root, "//"), "outputs"), stack);
        String[] parts = output.path().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            node = section(node, parts[i]);
        }
        node.put(parts[parts.length - 1], output.name());
    }

    /**
     * Renders every block's JSON and notes those only cdktf can resolve, once the document is complete: pure
     * Java, so that stacks can do it side by side before the hand-over, which calls into cdktf.
     */
    public void render() {
        for (Block block : blocks.values()) {
            if (checked.add(block) && TerraformJson.needsCdktf(rendered(block))) {
                needsCdktf.add(block);
            }
        }
    }

    private ObjectNode rendered(Block block) {
        return rendered.computeIfAbsent(block, this::blockJson);
    }

    /** cdktf's metadata of a block in a stack: its path, and what replacing it would lose. */
    private static void metadata(ObjectNode json, Block block, String stack) {
        ObjectNode metadata = TerraformJson.NODES.objectNode();
        metadata.put("path", stack + "/" + block.path());
        metadata.put("uniqueId", block.name());
        block.stateful().ifPresent(stateful -> {
            ObjectNode node = metadata.putObject("stateful");
            node.put("loss", stateful.loss());
            stateful.forcesReplacement().forEach(node.putArray("forcesReplacement")::add);
        });
        json.putObject("//").set("metadata", metadata);
    }

    private ObjectNode blockJson(Block block) {
        ObjectNode json = TerraformJson.NODES.objectNode();
        block.exists().count().ifPresent(count -> json.put("count", count));
        block.dependencies().ifPresent(dependencies -> {
            ArrayNode dependsOn = json.putArray("depends_on");
            dependencies.forEach(dependsOn::add);
        });
        block.attributes().forEach((name, value) -> {
            JsonNode node = TerraformJson.of(value);
            if (node != null) {
                json.set(name, node);
            }
        });
        block.overrides().forEach((path, value) -> override(json, path, value));
        return json;
    }

    /** cdktf's {@code addOverride}: a dotted path, numbers index lists, null deletes. */
    private static void override(ObjectNode json, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonNode node = json;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.isArray() ? node.path(Integer.parseInt(parts[i])) : node.path(parts[i]);
            if (!next.isContainerNode()) {
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("cannot override " + path + ": " + parts[i] + " is not there");
                }
                next = object.putObject(parts[i]);
            }
            node = next;
        }
        String last = parts[parts.length - 1];
        JsonNode replacement = TerraformJson.of(value);
        if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (replacement == null) {
                array.remove(index);
            } else if (index < array.size()) {
                array.set(index, replacement);
            } else {
                array.add(replacement);
            }
        } else if (replacement == null) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).set(last, replacement);
        }
    }

    private static ObjectNode section(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }
}
