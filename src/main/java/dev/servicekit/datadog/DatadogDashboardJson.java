package dev.servicekit.datadog;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

import java.util.Map;

/** A {@code datadog_dashboard_json}: the whole dashboard as one JSON string. */
public final class DatadogDashboardJson extends TerraformResource {
    public static final String TYPE = "datadog_dashboard_json";

    private final String dashboard;

    /** @param dashboard the dashboard's JSON, possibly with Terraform references inside */
    public DatadogDashboardJson(Construct scope, String id, String dashboard) {
        super(scope, id, DatadogProvider.resourceConfig(TYPE));
        this.dashboard = dashboard;
    }

    /** The dashboard's path on the Datadog site, known after apply. */
    public String url() {
        return getStringAttribute("url");
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        return Map.of("dashboard", dashboard);
    }
}
