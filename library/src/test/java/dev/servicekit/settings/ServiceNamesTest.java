package dev.servicekit.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNamesTest {
    /** ECS volume names take letters, digits, _ and - only: the path's slashes and dots must not reach them. */
    @Test
    void writableVolumeNamesKeepToEcsCharacters() {
        assertThat(ServiceNames.writableVolume("/var/cache/nginx")).isEqualTo("writable-var-cache-nginx");
        assertThat(ServiceNames.writableVolume("/home/app/.cache")).isEqualTo("writable-home-app-_cache");
        assertThat(ServiceNames.writableVolumeTemplate("p"))
                .isEqualTo("writable-${replace(replace(trim(p, \"/\"), \"/\", \"-\"), \".\", \"_\")}");
    }
}
