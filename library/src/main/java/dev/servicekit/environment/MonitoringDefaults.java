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
 *                        whose page handle pages, a line without either is refused
 * @param datadogAgent    the Datadog Agent beside every service's tasks, if the environment runs it
 */
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

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some of an environment's alerting values; the others stay. */
    public static final class Builder {
        private String datadogApiUrl;
        private AlertRouting routing;
        private int evaluationDelaySeconds;
        private Map<MonitorKind, Thresholds> thresholds;
        private SloTarget slo;
        private SyntheticsSettings synthetics;
        private Optional<String> runbook;
        private Optional<DatadogAgent> datadogAgent;

        private Builder(MonitoringDefaults from) {
            datadogApiUrl = from.datadogApiUrl;
            routing = from.routing;
            evaluationDelaySeconds = from.evaluationDelaySeconds;
            thresholds = from.thresholds;
            slo = from.slo;
            synthetics = from.synthetics;
            runbook = from.runbook;
            datadogAgent = from.datadogAgent;
        }

        public Builder datadogApiUrl(String value) {
            datadogApiUrl = value;
            return this;
        }

        public Builder routing(AlertRouting value) {
            routing = value;
            return this;
        }

        public Builder evaluationDelaySeconds(int value) {
            evaluationDelaySeconds = value;
            return this;
        }

        public Builder thresholds(Map<MonitorKind, Thresholds> value) {
            thresholds = value;
            return this;
        }

        public Builder slo(SloTarget value) {
            slo = value;
            return this;
        }

        public Builder synthetics(SyntheticsSettings value) {
            synthetics = value;
            return this;
        }

        /** The runbook a paging line links when it gives none. */
        public Builder runbook(String url) {
            runbook = Optional.ofNullable(url);
            return this;
        }

        /** The Datadog Agent beside every service's tasks; null for none. */
        public Builder datadogAgent(DatadogAgent agent) {
            datadogAgent = Optional.ofNullable(agent);
            return this;
        }

        public MonitoringDefaults build() {
            return new MonitoringDefaults(datadogApiUrl, routing, evaluationDelaySeconds, thresholds, slo, synthetics,
                    runbook, datadogAgent);
        }
    }
}
