package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZuoraSettingsTest {
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SUITE_ZUORA_BASE_URL", "https://rest.test.eu.zuora.com/");
        env.put("SUITE_ZUORA_CLIENT_ID", "client-1");
        env.put("SUITE_ZUORA_CLIENT_SECRET", "s3cr3t-value");
        return env;
    }

    @Test
    void reads_the_required_settings_and_defaults_the_rest() {
        ZuoraSettings s = ZuoraSettings.fromEnvironment(env()).get();

        assertThat(s.baseUrl()).isEqualTo("https://rest.test.eu.zuora.com");
        assertThat(s.version()).isEqualTo(ZuoraSettings.DEFAULT_VERSION);
        assertThat(s.maxConcurrent()).isEqualTo(10);
        assertThat(s.entityId()).isNull();
        assertThat(s.readTimeout()).isEqualTo(ZuoraSettings.DEFAULT_READ_TIMEOUT);
    }

    @Test
    void reads_the_optional_settings() {
        Map<String, String> env = env();
        env.put("SUITE_ZUORA_VERSION", "211.0");
        env.put("SUITE_ZUORA_ENTITY_ID", "8a8a");
        env.put("SUITE_ZUORA_CONNECT_TIMEOUT_MS", "1500");
        env.put("SUITE_ZUORA_READ_TIMEOUT_MS", "9000");
        env.put("SUITE_ZUORA_MAX_CONCURRENT", "4");

        ZuoraSettings s = ZuoraSettings.fromEnvironment(env).get();

        assertThat(s.version()).isEqualTo("211.0");
        assertThat(s.entityId()).isEqualTo("8a8a");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMillis(9000));
        assertThat(s.maxConcurrent()).isEqualTo(4);
    }

    @Test
    void names_every_problem_by_its_variable() {
        Map<String, String> env = new HashMap<>();
        env.put("SUITE_ZUORA_BASE_URL", "ftp://x");
        env.put("SUITE_ZUORA_READ_TIMEOUT_MS", "soon");
        env.put("SUITE_ZUORA_MAX_CONCURRENT", "0");
        env.put("SUITE_ZUORA_VERSION", "latest");

        var problems = ZuoraSettings.fromEnvironment(env).getLeft();

        assertThat(String.join("\n", problems)).contains("SUITE_ZUORA_BASE_URL", "SUITE_ZUORA_CLIENT_ID",
                "SUITE_ZUORA_CLIENT_SECRET", "SUITE_ZUORA_READ_TIMEOUT_MS", "SUITE_ZUORA_VERSION");
    }

    @Test
    void refuses_a_concurrency_below_one() {
        assertThatThrownBy(() -> ZuoraSettings.of("https://x.example", "id", "secret").withMaxConcurrent(0))
                .hasMessageContaining("SUITE_ZUORA_MAX_CONCURRENT");
    }

    @Test
    void never_shows_the_secret() {
        ZuoraSettings s = ZuoraSettings.fromEnvironment(env()).get();

        assertThat(s.toString()).doesNotContain("s3cr3t-value").contains("client-1");
        assertThat(new ZuoraClient(s).toString()).doesNotContain("s3cr3t-value");
    }
}
