package dev.servicekit.catalog;

import dev.servicekit.rules.AwsName;

import java.util.List;

/**
 * Something a catalog line adds to a service beyond what its kind gives it, such as {@link Bucket}: its
 * options in the catalog, its resources in a part of its own ({@code dev.servicekit.parts.ServiceParts}
 * maps each add-on to its part).
 */
public interface AddOn {
    /** The option's name on a catalog line, for messages and a generated module's input, e.g. {@code bucket}. */
    String option();

    /** What the add-on gives a service, in one sentence, e.g. for a generated module's input. */
    String summary();

    /** The AWS names the add-on derives in an environment, checked against AWS's rules before synthesis. */
    List<AwsName> names(String awsEnvironment, String service);

    /** The container variables the add-on sets (a line may not set them too), e.g. {@code BUCKET_NAME}. */
    default List<String> variables() {
        return List.of();
    }

    /**
     * What is wrong with the add-on's own options, by field (relative to the option, e.g.
     * {@code noncurrentVersionDays}); empty when nothing is. Messages come from {@code Rules} and {@code AwsLimits}.
     */
    default java.util.Map<String, String> problems() {
        return java.util.Map.of();
    }
}
