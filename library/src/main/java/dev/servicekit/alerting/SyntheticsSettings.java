package dev.servicekit.alerting;

import java.util.List;

/**
 * Where and how often an environment's synthetics tests call each internet-facing web service.
 *
 * @param locations   Datadog managed locations, e.g. {@code aws:us-east-1}; see the
 *                    {@code datadog_synthetics_locations} data source for a site's list
 * @param tickSeconds seconds between runs, 30 to 604800
 */
public record SyntheticsSettings(List<String> locations, Number tickSeconds) {
    public SyntheticsSettings {
        // A module's locations are an input: a list that stands for an expression stays as it is.
        locations = locations instanceof dev.servicekit.terraform.Expression.ExpressionList ? locations
                : locations == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(locations));
    }
}
