package dev.servicekit.alerting;

/**
 * How an environment's monitors notify and evaluate, as the service construct needs it.
 *
 * @param routing                who is paged and who is notified, at which priorities
 * @param evaluationDelaySeconds wait for AWS-integration metrics, which arrive 10-20 minutes late
 * @param datadogAppUrl          the Datadog web app for links, e.g. {@code https://app.datadoghq.com}
 * @param slo                    the availability objective of web services
 * @param synthetics             where and how often internet-facing web services are called from outside
 */
public record Alerting(AlertRouting routing, int evaluationDelaySeconds, String datadogAppUrl, SloTarget slo,
                       SyntheticsSettings synthetics) {

    /** The Datadog site, e.g. {@code datadoghq.com} or {@code us3.datadoghq.com}: the Agent's {@code DD_SITE}. */
    public String site() {
        return datadogAppUrl.replaceFirst("^https://", "").replaceFirst("/.*$", "").replaceFirst("^app\\.", "");
    }

    /** Sites whose web app is {@code app.<site>}; the others (us3, us5, ap1, ...) serve it at {@code <site>}. */
    private static final java.util.Set<String> APP_PREFIXED_SITES = java.util.Set.of("datadoghq.com", "datadoghq.eu",
            "ddog-gov.com");

    /**
     * The web app of the Datadog site whose API is {@code apiUrl}: {@code api.datadoghq.eu} serves its app
     * at {@code app.datadoghq.eu}, {@code api.us3.datadoghq.com} at {@code us3.datadoghq.com}.
     */
    public static String appUrlOf(String apiUrl) {
        String host = apiUrl.replaceFirst("^https://", "").replaceFirst("/.*$", "").replaceFirst("^api\\.", "");
        return "https://" + (APP_PREFIXED_SITES.contains(host) ? "app." + host : host);
    }
}
