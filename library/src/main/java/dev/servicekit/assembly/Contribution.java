package dev.servicekit.assembly;

import dev.servicekit.terraform.Condition;

/**
 * Something a part gives the others, where {@code when} holds: always in a stack; in a generated module, where
 * the part itself exists only when an input says so (an add-on), only then.
 */
public record Contribution<T>(T value, Condition when) {}
