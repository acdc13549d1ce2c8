package dev.servicekit.terraform;

import com.hashicorp.cdktf.ITerraformDependable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource or data source, resolved in Java: its attributes come from the provider's typed config
 * struct (for AWS, e.g. {@code SqsQueueConfig}) or from a schema-checked binding (Datadog), and its
 * references to other blocks are Terraform expressions. A stack holds thousands of these; none of them is a
 * jsii object, so building them costs no round trip to the Node process (see {@link TerraformDocument}).
 *
 * <p>It is still {@link ITerraformDependable}: a user's own cdktf construct may depend on it.
 */
public final class Block implements ITerraformDependable {
    /** Where a block sits in Terraform JSON. */
    public enum Kind {
        RESOURCE("resource"), DATA("data");

        private final String section;

        Kind(String section) {
            this.section = section;
        }

        public String section() {
            return section;
        }
    }

    private final Kind kind;
    private final String type;
    private final String name;
    private final Optional<Class<?>> resourceClass;
    private final Map<String, Object> attributes;
    private final List<String> dependsOn = new ArrayList<>();
    /** cdktf writes {@code depends_on} when a config sets it, even empty; so does servicekit. */
    private boolean dependsOnDeclared;
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private Condition exists = Condition.ALWAYS;
    private String path;
    private Optional<Stateful> stateful = Optional.empty();
    private Optional<Block> owner = Optional.empty();

    private Block(Kind kind, String type, String name, Optional<Class<?>> resourceClass, Map<String, Object> attributes) {
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.name = Objects.requireNonNull(name);
        this.resourceClass = resourceClass;
        this.attributes = new LinkedHashMap<>(attributes);
        this.path = name;
    }

    /**
     * A resource from an official provider's config struct, e.g. {@code SqsQueueConfig.builder()...build()}:
     * its Terraform type comes from the struct's package ({@code aws_sqs_queue}), its attributes from the
     * struct's properties, and its meta-arguments ({@code lifecycle}, {@code depends_on}, {@code count}) from
     * the struct's own.
     */
    public static Block resource(String name, Object config) {
        return fromStruct(Kind.RESOURCE, name, config);
    }

    /** A data source from an official provider's config struct, e.g. {@code DataAwsRegionConfig}. */
    public static Block data(String name, Object config) {
        return fromStruct(Kind.DATA, name, config);
    }

    /** A resource of a binding servicekit writes itself (Datadog's), with attributes named as in its schema. */
    public static Block resource(String type, String name, Map<String, Object> attributes) {
        return new Block(Kind.RESOURCE, type, name, Optional.empty(), attributes);
    }

    private static Block fromStruct(Kind kind, String name, Object config) {
        StructAttributes.Converted converted = StructAttributes.of(config);
        Block block = new Block(kind, StructAttributes.terraformType(config.getClass(), kind), name,
                StructAttributes.resourceClass(config.getClass()), converted.attributes());
        converted.dependsOn().ifPresent(dependencies -> {
            block.dependsOnDeclared = true;
            dependencies.forEach(block::dependsOn);
        });
        return block;
    }

    public Kind kind() {
        return kind;
    }

    /** The Terraform type, e.g. {@code aws_sqs_queue}. */
    public String type() {
        return type;
    }

    /** The block's name in its type, e.g. {@code auth_queue}. */
    public String name() {
        return name;
    }

    /** {@code aws_sqs_queue.auth_queue}, or {@code data.aws_region.current}. */
    public String address() {
        return (kind == Kind.DATA ? "data." : "") + type + "." + name;
    }

    @Override
    public String getFqn() {
        return address();
    }

    /**
     * An attribute of this block as an interpolation, e.g. {@code ${aws_sqs_queue.auth_queue.arn}}; for a
     * block that exists only under a condition, of its one instance. For AWS blocks the attribute must be
     * one the provider's resource class exposes ({@code arn} for {@code SqsQueue.getArn()}).
     */
    public String ref(String attribute) {
        return expression(attribute).toString();
    }

    /** {@link #ref} as an expression, to use inside other expressions. */
    public Expression expression(String attribute) {
        resourceClass.ifPresent(c -> StructAttributes.requireAttribute(c, attribute));
        return Expression.reference(address() + (exists.always() ? "" : "[0]"), attribute);
    }

    /**
     * An attribute of this block as a bare reference, e.g. {@code aws_security_group.auth_tasks.id}, where
     * Terraform expects a reference rather than an expression ({@code lifecycle.replace_triggered_by}, whose
     * JSON strings Terraform parses as references without {@code ${}}).
     */
    public String reference(String attribute) {
        return expression(attribute).hcl();
    }

    /** This block exists only when {@code condition} holds: a {@code count} of 0 or 1 where Terraform decides. */
    public Block existsWhen(Condition condition) {
        exists = Objects.requireNonNull(condition);
        return this;
    }

    public Condition exists() {
        return exists;
    }

    /** Terraform creates this block only after {@code dependency}. */
    public Block dependsOn(ITerraformDependable dependency) {
        dependsOnDeclared = true;
        dependsOn.add(dependency instanceof Block block ? block.address() : dependency.getFqn());
        return this;
    }

    /** The addresses this block depends on; empty when it declares none. */
    public Optional<List<String>> dependencies() {
        return dependsOnDeclared ? Optional.of(List.copyOf(dependsOn)) : Optional.empty();
    }

    /**
     * Sets an attribute at a dotted path, as cdktf's {@code addOverride} does: {@code lifecycle.prevent_destroy},
     * {@code network_configuration.assign_public_ip}; a null value deletes it. The escape hatch for what the
     * typed configuration does not offer.
     */
    public Block addOverride(String attributePath, Object value) {
        Objects.requireNonNull(attributePath, "attributePath");
        try {
            TerraformJson.of(value);
        } catch (IllegalArgumentException e) {
            // Said here, where the caller wrote it, rather than when the stack is written.
            throw new IllegalArgumentException("addOverride(\"" + attributePath + "\", ...): a "
                    + value.getClass().getSimpleName() + " has no Terraform JSON; give a string, number, boolean, "
                    + "list, map or null");
        }
        overrides.put(attributePath, value);
        return this;
    }

    Map<String, Object> overrides() {
        return overrides;
    }

    /** The attributes as written, before overrides: snake_case keys, Java values and expressions. */
    public Map<String, Object> attributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    /** Where the block comes from, below its stack, e.g. {@code auth/queue/dlq}: cdktf's metadata path. */
    public String path() {
        return path;
    }

    public Block path(String value) {
        path = Objects.requireNonNull(value);
        return this;
    }

    /** Marks the block stateful: its metadata says what replacing it would lose. */
    public Block stateful(Stateful value) {
        stateful = Optional.of(value);
        return this;
    }

    public Optional<Stateful> stateful() {
        return stateful;
    }

    /**
     * Marks the block a setting of {@code resource} (a bucket's encryption, a queue's policy): where that
     * resource leaves Terraform's management without being destroyed, this block leaves with it, so the
     * resource keeps its settings.
     */
    public Block partOf(Block resource) {
        owner = Optional.of(resource);
        return this;
    }

    /** The resource this block is a setting of, if it is one. */
    public Optional<Block> owner() {
        return owner;
    }

    @Override
    public String toString() {
        return address();
    }
}
