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

    /** The web app of the Datadog site whose API is {@code apiUrl} (api.datadoghq.eu -> app.datadoghq.eu). */
    public static String appUrlOf(String apiUrl) {
        String app = apiUrl.replace("://api.", "://app.");
        return app.endsWith("/") ? app.substring(0, app.length() - 1) : app;
    }
}
