package dev.servicekit.terraform;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformCount;
import com.hashicorp.cdktf.TerraformProvider;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an official provider's config struct (a jsii struct built in pure Java, e.g. {@code SqsQueueConfig})
 * into Terraform attributes, as the provider's generated {@code synthesizeAttributes} would, without loading
 * the provider's JavaScript: each property's jsii name in snake_case ({@code sqsManagedSseEnabled} is
 * {@code sqs_managed_sse_enabled}), nested structs as objects, lists of them as arrays, map keys as given.
 * The few names the generator did not derive that way are in {@link #IRREGULAR_NAMES};
 * {@code AwsAttributeNamesTest} checks the rule against every attribute of the provider's bundle.
 */
public final class StructAttributes {
    /** jsii property names whose Terraform name is not their snake_case (from the AWS provider's bundle). */
    static final Map<String, String> IRREGULAR_NAMES = Map.ofEntries(
            Map.entry("selfAttribute", "self"),
            Map.entry("equalTo", "equals"),
            Map.entry("lexv2Models", "lexv2models"),
            Map.entry("route53Domains", "route53domains"),
            Map.entry("route53Recoverycontrolconfig", "route53recoverycontrolconfig"),
            Map.entry("route53Recoveryreadiness", "route53recoveryreadiness"),
            Map.entry("route53Resolver", "route53resolver"),
            Map.entry("s3Api", "s3api"),
            Map.entry("s3Control", "s3control"),
            Map.entry("s3Outposts", "s3outposts"),
            Map.entry("s3UsEast1RegionalEndpoint", "s3_us_east_1_regional_endpoint"),
            Map.entry("saslScram512Auth", "sasl_scram_512_auth"),
            Map.entry("saslScram256Auth", "sasl_scram_256_auth"),
            Map.entry("rfc4180", "rfc_4180"),
            Map.entry("addressLine1", "address_line_1"),
            Map.entry("addressLine2", "address_line_2"),
            Map.entry("addressLine3", "address_line_3"));

    /** Meta-arguments every resource config carries; handled apart from the provider's attributes. */
    private static final String DEPENDS_ON = "dependsOn";
    private static final List<String> UNSUPPORTED_META = List.of("forEach", "connection", "provisioners");

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<Class<?>>> RESOURCE_CLASSES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> ATTRIBUTES = new ConcurrentHashMap<>();
    private static final String PROVIDERS_PACKAGE = "com.hashicorp.cdktf.providers.";

    private StructAttributes() {}

    /** The attributes of a struct, and the addresses its {@code dependsOn} names. */
    record Converted(Map<String, Object> attributes, Optional<List<ITerraformDependable>> dependsOn) {}

    static Converted of(Object config) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Optional<List<ITerraformDependable>> dependsOn = Optional.empty();
        for (Field field : fields(config.getClass())) {
            Object value = read(field, config);
            if (value == null) {
                continue;
            }
            String name = field.getName();
            if (name.equals(DEPENDS_ON)) {
                List<ITerraformDependable> dependencies = new ArrayList<>();
                ((List<?>) value).forEach(d -> dependencies.add((ITerraformDependable) d));
                dependsOn = Optional.of(dependencies);
            } else if (UNSUPPORTED_META.contains(name)) {
                throw new IllegalArgumentException(name + " is not supported on servicekit's blocks; use a cdktf "
                        + "construct of your own for it");
            } else if (value instanceof TerraformProvider provider) {
                attributes.put("provider", provider.getFqn());
            } else if (value instanceof TerraformCount) {
                throw new IllegalArgumentException("count iterators are not supported on servicekit's blocks");
            } else {
                attributes.put(terraformName(name), convert(value));
            }
        }
        return new Converted(attributes, dependsOn);
    }

    /**
     * A config struct's attributes as plain JSON values (strings, numbers, booleans, lists, maps), e.g. for a
     * provider's {@code synthesizeAttributes}.
     */
    public static Map<String, Object> plain(Object config) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(TerraformJson.of(of(config).attributes()), Map.class);
        return plain;
    }

    /** A jsii property name as Terraform names the attribute: {@code cidrIpv4} is {@code cidr_ipv4}. */
    public static String terraformName(String jsiiName) {
        String irregular = IRREGULAR_NAMES.get(jsiiName);
        if (irregular != null) {
            return irregular;
        }
        StringBuilder name = new StringBuilder(jsiiName.length() + 8);
        for (int i = 0; i < jsiiName.length(); i++) {
            char c = jsiiName.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Object convert(Object value) {
        if (value instanceof List<?> list && !(value instanceof Expression.ExpressionList)) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(convert(element)));
            return converted;
        }
        if (value instanceof Map<?, ?> map && !(value instanceof Expression.ExpressionMap)) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), convert(v)));
            return converted;
        }
        if (isStruct(value)) {
            return of(value).attributes();
        }
        return value;
    }

    /** A jsii struct built in Java: its class is the generated {@code Jsii$Proxy} of a config interface. */
    private static boolean isStruct(Object value) {
        return value.getClass().getName().endsWith("$Jsii$Proxy");
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            if (!isStructClass(t)) {
                throw new IllegalArgumentException(t.getName() + " is not a config struct built with its builder");
            }
            List<Field> fields = new ArrayList<>();
            for (Field field : t.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            return List.copyOf(fields);
        });
    }

    private static boolean isStructClass(Class<?> type) {
        return type.getName().endsWith("$Jsii$Proxy");
    }

    private static Object read(Field field, Object config) {
        try {
            return field.get(config);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /**
     * The Terraform type a config struct configures, from its package: {@code ...aws.sqs_queue.SqsQueueConfig}
     * configures {@code aws_sqs_queue}, {@code ...aws.data_aws_region.DataAwsRegionConfig} the data source
     * {@code aws_region}.
     */
    static String terraformType(Class<?> structClass, Block.Kind kind) {
        String packageName = structClass.getPackageName();
        if (!packageName.startsWith(PROVIDERS_PACKAGE)) {
            throw new IllegalArgumentException(structClass.getName() + " is not a provider's config struct");
        }
        String rest = packageName.substring(PROVIDERS_PACKAGE.length());
        String provider = rest.substring(0, rest.indexOf('.'));
        String element = rest.substring(rest.indexOf('.') + 1);
        if (kind == Block.Kind.DATA) {
            if (!element.startsWith("data_" + provider + "_")) {
                throw new IllegalArgumentException(structClass.getName() + " configures a resource, not a data source");
            }
            return element.substring("data_".length());
        }
        if (element.startsWith("data_" + provider + "_")) {
            throw new IllegalArgumentException(structClass.getName() + " configures a data source, not a resource");
        }
        return provider + "_" + element;
    }

    /**
     * The provider's class for the block a struct configures ({@code SqsQueue} for {@code SqsQueueConfig}),
     * loaded without initializing it, so that no JavaScript is loaded: its getters name the attributes a
     * reference may read.
     */
    static Optional<Class<?>> resourceClass(Class<?> proxyClass) {
        return RESOURCE_CLASSES.computeIfAbsent(proxyClass, p -> {
            Class<?> config = p.getInterfaces()[0];
            String name = config.getName().substring(0, config.getName().length() - "Config".length());
            try {
                return Optional.of(Class.forName(name, false, p.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Throws when the provider's class has no getter for {@code attribute} ({@code arn}: {@code getArn()}). */
    static void requireAttribute(Class<?> resourceClass, String attribute) {
        boolean exists = ATTRIBUTES.computeIfAbsent(resourceClass.getName() + "#" + attribute, key -> {
            String getter = "get" + jsiiName(attribute);
            for (var method : resourceClass.getMethods()) {
                if (method.getName().equals(getter) && method.getParameterCount() == 0) {
                    return true;
                }
            }
            return false;
        });
        if (!exists) {
            throw new IllegalArgumentException(resourceClass.getSimpleName() + " has no attribute '" + attribute + "'");
        }
    }

    /** {@code dns_name} as a getter's suffix: {@code DnsName}. */
    private static String jsiiName(String attribute) {
        StringBuilder name = new StringBuilder();
        for (String word : attribute.split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
