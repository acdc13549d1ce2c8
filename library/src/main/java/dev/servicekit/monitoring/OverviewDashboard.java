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
 * each service's dashboard. In a stack holding every service, the only resource that changes when a service is
 * added; in a platform stack ({@link #declareByName}), not even that.
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
        output(document, environment, datadogAppUrl, dashboard);
    }

    /**
     * The same dashboard for a platform stack, whose services live in stacks of their own: it finds their queues
     * by name and their dashboards by title, so that adding a service leaves it, and its stack, unchanged.
     *
     * @param awsEnvironment the start of every AWS name of the environment ({@code acme-prod})
     */
    public static void declareByName(TerraformDocument document, String environment, String awsEnvironment,
                                     String datadogAppUrl) {
        String search = datadogAppUrl + "/dashboard/lists?q=" + java.net.URLEncoder.encode("[" + environment + "]",
                java.nio.charset.StandardCharsets.UTF_8);
        Block dashboard = document.add(DatadogDashboardJson.block("overview_dashboard",
                Hcl.jsonencode(ServiceDashboards.overviewByName(environment, Catalog.MANAGED_BY, awsEnvironment, search)))
                .path("overview/dashboard"));
        output(document, environment, datadogAppUrl, dashboard);
    }

    private static void output(TerraformDocument document, String environment, String datadogAppUrl, Block dashboard) {
        document.output(new TerraformDocument.Output("overview_dashboard_url", datadogAppUrl + dashboard.ref("url"),
                "The " + environment + " overview dashboard", "overview/url"));
    }
}
