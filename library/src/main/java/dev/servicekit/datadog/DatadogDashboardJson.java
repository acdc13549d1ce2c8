package dev.servicekit.datadog;

import dev.servicekit.terraform.Block;

import java.util.Map;

/** A {@code datadog_dashboard_json}: the whole dashboard as one JSON string. Its {@code url} is known after apply. */
public final class DatadogDashboardJson {
    public static final String TYPE = "datadog_dashboard_json";

    private DatadogDashboardJson() {}

    /** @param dashboard the dashboard's JSON, possibly with Terraform references inside */
    public static Block block(String name, String dashboard) {
        return Block.resource(TYPE, name, Map.of("dashboard", dashboard));
    }
}
