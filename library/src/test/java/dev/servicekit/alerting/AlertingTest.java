package dev.servicekit.alerting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Links in monitor messages point at the web app of the environment's Datadog site. */
class AlertingTest {
    @Test
    void eachSiteHasItsWebApp() {
        assertThat(Alerting.appUrlOf("https://api.datadoghq.com/")).isEqualTo("https://app.datadoghq.com");
        assertThat(Alerting.appUrlOf("https://api.datadoghq.eu/")).isEqualTo("https://app.datadoghq.eu");
        assertThat(Alerting.appUrlOf("https://api.us3.datadoghq.com/")).isEqualTo("https://us3.datadoghq.com");
        assertThat(Alerting.appUrlOf("https://api.us5.datadoghq.com")).isEqualTo("https://us5.datadoghq.com");
        assertThat(Alerting.appUrlOf("https://api.ap1.datadoghq.com/")).isEqualTo("https://ap1.datadoghq.com");
        assertThat(Alerting.appUrlOf("https://api.ddog-gov.com/")).isEqualTo("https://app.ddog-gov.com");
    }
}
