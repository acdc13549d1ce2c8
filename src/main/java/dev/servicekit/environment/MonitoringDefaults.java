package dev.servicekit.environment;

import dev.servicekit.monitoring.MonitorKind;
import dev.servicekit.monitoring.Thresholds;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How an environment alerts: where notifications go, how urgent they are, and the thresholds every
 * service's monitors start from.
 *
 * @param datadogApiUrl   the Datadog site's API, e.g. {@code https://api.datadoghq.com/}
 * @param notifyHandle        the handle every monitor notifies, e.g. {@code @slack-alerts-stage}
 * @param priority        monitor priority, 1 (highest) to 5
 * @param evaluationDelaySeconds how long monitors wait for AWS-integration metrics, which arrive late
 * @param thresholds      the thresholds of every monitor kind
 */
public record MonitoringDefaults(String datadogApiUrl, String notifyHandle, int priority, int evaluationDelaySeconds,
                                 Map<MonitorKind, Thresholds> thresholds) {
    public MonitoringDefaults {
        EnumMap<MonitorKind, Thresholds> sorted = new EnumMap<>(MonitorKind.class);
        sorted.putAll(thresholds);
        thresholds = Collections.unmodifiableMap(sorted);
    }

    public MonitoringDefaults withNotify(String handle) {
        return new MonitoringDefaults(datadogApiUrl, handle, priority, evaluationDelaySeconds, thresholds);
    }

    public MonitoringDefaults withDatadogApiUrl(String url) {
        return new MonitoringDefaults(url, notifyHandle, priority, evaluationDelaySeconds, thresholds);
    }
}
