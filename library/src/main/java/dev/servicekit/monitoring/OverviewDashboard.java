package dev.servicekit.monitoring;

import dev.servicekit.catalog.Catalog;
import dev.servicekit.datadog.DatadogDashboardJson;
import dev.servicekit.terraform.Block;
import dev.servicekit.terraform.Hcl;
import dev.servicekit.terraform.TerraformDocument;

import java.util.Comparator;
import java.util.List;

/**
 * The environment's overview dashboard: the state of every monitor, the queues backing up, and a link to
 * each service's dashboard. The only resource that changes when a service is added.
 */
public final class OverviewDashboard {
    private OverviewDashboard() {}

    /** Adds the dashboard ({@code overview_dashboard}) and its URL ({@code overview_dashboard_url}) to a stack. */
    public static void declare(TerraformDocument document, String environment, String datadogAppUrl,
                               List<ServiceDashboards.Entry> services) {
        List<ServiceDashboards.Entry> sorted = services.stream()
                .sorted(Comparator.comparing(ServiceDashboards.Entry::name)).toList();
        Block dashboard = document.add(DatadogDashboardJson.block("overview_dashboard",
                Hcl.jsonencode(ServiceDashboards.overview(environment, Catalog.MANAGED_BY, sorted)))
                .path("overview/dashboard"));
        document.output(new TerraformDocument.Output("overview_dashboard_url", datadogAppUrl + dashboard.ref("url"),
                "The " + environment + " overview dashboard", "overview/url"));
    }
}
