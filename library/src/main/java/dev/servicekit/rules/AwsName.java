package dev.servicekit.rules;

/**
 * A name servicekit derives for an AWS resource, with the rule AWS holds it to. Two derived names of one
 * environment with the same {@code rule} share AWS's namespace and must differ.
 *
 * @param field what the name is, for messages, e.g. {@code queue name}
 * @param value the name, e.g. {@code prod-auth}
 */
public record AwsName(String field, String value, AwsLimits.TextRule rule) {}
