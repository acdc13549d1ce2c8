package dev.servicekit.environment;

import dev.servicekit.alerting.AlertRouting;
import dev.servicekit.alerting.MonitorKind;
import dev.servicekit.alerting.SloTarget;
import dev.servicekit.alerting.SyntheticsSettings;
import dev.servicekit.alerting.Thresholds;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import lombok.Builder;
import lombok.experimental.Tolerate;

/**
 * How an environment alerts: where pages and notifications go and how urgent they are, the thresholds every
 * service's monitors start from, the web services' SLO and synthetics tests.
 *
 * @param datadogApiUrl   the Datadog site's API, e.g. {@code https://api.datadoghq.com/}
 * @param routing         who is paged (symptoms in alert) and who is notified (warnings and causes)
 * @param evaluationDelaySeconds how long monitors wait for AWS-integration metrics, which arrive late
 * @param thresholds      the thresholds of every monitor kind; a kind without thresholds is an error at synth
 * @param slo             web services' availability objective
 * @param synthetics      where and how often internet-facing web services are called from outside
 * @param runbook         the runbook a line that pages links when it gives none of its own: in an environment
 *                        whose page handle pages, a line without either is refused; default none
 * @param datadogAgent    the Datadog Agent beside every service's tasks, if the environment runs it; default
 *                        none
 */
@Builder(toBuilder = true, builderClassName = "Builder", builderMethodName = "")
public record MonitoringDefaults(String datadogApiUrl, AlertRouting routing, int evaluationDelaySeconds,
                                 Map<MonitorKind, Thresholds> thresholds, SloTarget slo,
                                 SyntheticsSettings synthetics, Optional<String> runbook,
                                 Optional<DatadogAgent> datadogAgent) {
    /** Without a default runbook or the Agent. */
    public MonitoringDefaults(String datadogApiUrl, AlertRouting routing, int evaluationDelaySeconds,
                              Map<MonitorKind, Thresholds> thresholds, SloTarget slo, SyntheticsSettings synthetics) {
        this(datadogApiUrl, routing, evaluationDelaySeconds, thresholds, slo, synthetics, Optional.empty(),
                Optional.empty());
    }

    public MonitoringDefaults {
        runbook = runbook == null ? Optional.empty() : runbook;
        datadogAgent = datadogAgent == null ? Optional.empty() : datadogAgent;
        if (thresholds != null) {
            EnumMap<MonitorKind, Thresholds> sorted = new EnumMap<>(MonitorKind.class);
            thresholds.forEach((kind, value) -> {
                if (kind != null) {
                    sorted.put(kind, value);
                }
            });
            thresholds = Collections.unmodifiableMap(sorted);
        }
    }

    /**
     * Changes some of an environment's alerting values; the others stay. Lombok generates a setter per
     * component, named after it, and {@code build()}; the two below also take the value itself rather than an
     * Optional ({@code @Tolerate}: Lombok still generates the Optional one, which {@code toBuilder()} uses).
     * There is no {@code builder()}: alerting values start from a preset's.
     */
    public static final class Builder {
        /** The runbook a paging line links when it gives none; null for none. */
        @Tolerate
        public Builder runbook(String url) {
            return runbook(Optional.ofNullable(url));
        }

        /** The Datadog Agent beside every service's tasks; null for none. */
        @Tolerate
        public Builder datadogAgent(DatadogAgent agent) {
            return datadogAgent(Optional.ofNullable(agent));
        }
    }
}
