package dev.servicekit.monitoring;

import dev.servicekit.terraform.JsonEncode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import dev.servicekit.catalog.Catalog;
import dev.servicekit.datadog.DatadogDashboardJson;
import software.constructs.Construct;

import java.util.Comparator;
import java.util.List;

/**
 * The environment's overview dashboard: the state of every monitor, the queues backing up, and a link to
 * each service's dashboard. The only resource that changes when a service is added.
 */
public final class OverviewDashboard extends Construct {
    public OverviewDashboard(Construct scope, String environment, String datadogAppUrl,
                             List<ServiceDashboards.Entry> services) {
        super(scope, "overview");
        List<ServiceDashboards.Entry> sorted = services.stream()
                .sorted(Comparator.comparing(ServiceDashboards.Entry::name)).toList();
        DatadogDashboardJson dashboard = new DatadogDashboardJson(this, "dashboard",
                JsonEncode.of(ServiceDashboards.overview(environment, Catalog.MANAGED_BY, sorted)));
        dashboard.overrideLogicalId("overview_dashboard");
        new TerraformOutput(this, "url", TerraformOutputConfig.builder()
                .value(datadogAppUrl + dashboard.url())
                .description("The " + environment + " overview dashboard")
                .build())
                .overrideLogicalId("overview_dashboard_url");
    }
}
