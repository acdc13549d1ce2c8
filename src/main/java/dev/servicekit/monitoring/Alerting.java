package dev.servicekit.monitoring;

/**
 * How an environment's monitors notify, as the service construct needs it.
 *
 * @param notifyHandle           e.g. {@code @pagerduty-servicekit-prod}
 * @param priority               1 (highest) to 5
 * @param evaluationDelaySeconds wait for AWS-integration metrics, which arrive 10-20 minutes late
 * @param datadogAppUrl          the Datadog web app for links, e.g. {@code https://app.datadoghq.com}
 */
public record Alerting(String notifyHandle, Number priority, int evaluationDelaySeconds, String datadogAppUrl) {

    public Alerting withNotifyHandle(String handle) {
        return new Alerting(handle, priority, evaluationDelaySeconds, datadogAppUrl);
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
