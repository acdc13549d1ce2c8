package dev.servicekit.catalog;

import dev.servicekit.rules.AwsName;

import java.util.List;

/**
 * Something a catalog line adds to a service beyond what its kind gives it, such as {@link Bucket}: its
 * options in the catalog, its resources in a part of its own ({@code dev.servicekit.parts.ServiceParts}
 * maps each add-on to its part).
 *
 * <p>A new add-on, as {@link Bucket} did it:
 * <ol>
 *   <li>a record here implementing this interface: its options with their defaults, names, variables, problems;</li>
 *   <li>an option on {@link Service} that calls {@code addOn(...)} (a second call is reported as given twice);</li>
 *   <li>a part in {@code dev.servicekit.parts} that declares its resources, grants the task role its access
 *       ({@code taskRole().allow}), sets its variables and outputs, marks stateful resources, and honours
 *       {@code exists} (the generated modules' switch); one line in {@code ServiceParts} maps the add-on to it;</li>
 *   <li>its AWS limits in {@code AwsLimits}, and a rule per new resource type in
 *       {@code dev.servicekit.snapshot.AwsTextCheck} (the check of synthesized output fails until it exists);</li>
 *   <li>a README row. The modules gain an input, its validation and the counts by themselves
 *       ({@code npm run generate-modules}).</li>
 * </ol>
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
