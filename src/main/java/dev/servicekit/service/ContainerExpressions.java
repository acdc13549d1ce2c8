package dev.servicekit.service;

/**
 * A container's command, extra environment variables and secrets as Terraform expressions, for a
 * generated module whose inputs are lists and maps that Java cannot iterate. Each value is a reference
 * token (a variable or a local holding a {@code for} expression).
 *
 * @param command     the command list, or null for the image's own
 * @param environment extra {@code {name, value}} entries, appended to the queue's
 * @param secrets     {@code {name, valueFrom}} entries
 */
public record ContainerExpressions(Object command, Object environment, Object secrets) {}
