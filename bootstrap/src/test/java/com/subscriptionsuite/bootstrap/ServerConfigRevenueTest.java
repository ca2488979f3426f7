package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The revenue feed's settings: CSV files by default, Zuora Revenue with all six SUITE_REVENUE_* settings. */
class ServerConfigRevenueTest {
    static final Map<String, String> ZUORA_REVENUE = Map.of("SUITE_REVENUE_BASE_URL", "https://acme.revprooncloud.com/",
            "SUITE_REVENUE_USER", "api", "SUITE_REVENUE_PASSWORD", "pa55-word-never-logged", "SUITE_REVENUE_ROLE",
            "API Role", "SUITE_REVENUE_CLIENT_NAME", "Default", "SUITE_REVENUE_TEMPLATE", "Suite Sales Orders");

    @Test
    void without_zuora_revenue_batches_go_to_csv_files_every_minute_1000_lines_each() {
        ServerConfig.Revenue r = ServerConfig.fromEnvironment(Map.of()).revenue();
        assertThat(r.zuora()).isNull();
        assertThat(r.batchSize()).isEqualTo(1000);
        assertThat(r.intervalSeconds()).isEqualTo(60);
        assertThat(r.leaseSeconds()).isEqualTo(300);
    }

    @Test
    void reads_the_zuora_revenue_settings_and_never_shows_the_password() {
        ServerConfig c = ServerConfig.fromEnvironment(ZUORA_REVENUE);
        assertThat(c.revenue().zuora().baseUrl()).isEqualTo("https://acme.revprooncloud.com");
        assertThat(c.revenue().zuora().template()).isEqualTo("Suite Sales Orders");
        assertThat(c.toString()).contains("zuora revenue").doesNotContain("pa55-word-never-logged");
    }

    @Test
    void a_partial_zuora_revenue_configuration_is_a_start_up_error_naming_each_missing_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_REVENUE_BASE_URL", "ftp://x",
                "SUITE_REVENUE_PASSWORD", "secret-value")))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class)
                .hasMessageContaining("SUITE_REVENUE_BASE_URL must be an http(s) URL")
                .hasMessageContaining("SUITE_REVENUE_USER is required")
                .hasMessageContaining("SUITE_REVENUE_ROLE is required")
                .hasMessageContaining("SUITE_REVENUE_CLIENT_NAME is required")
                .hasMessageContaining("SUITE_REVENUE_TEMPLATE is required")
                .message().doesNotContain("secret-value");
    }

    @Test
    void malformed_batch_settings_are_start_up_errors() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_REVENUE_BATCH_SIZE", "20001",
                "SUITE_REVENUE_INTERVAL_SECONDS", "often", "SUITE_REVENUE_LEASE_SECONDS", "5")))
                .hasMessageContaining("SUITE_REVENUE_BATCH_SIZE must be between 1 and 20000")
                .hasMessageContaining("SUITE_REVENUE_INTERVAL_SECONDS must be a whole number")
                .hasMessageContaining("SUITE_REVENUE_LEASE_SECONDS must be between 30 and 86400");
    }

    @Test
    void the_lease_must_outlast_an_upload() {
        Map<String, String> env = new java.util.HashMap<>(ZUORA_REVENUE);
        env.put("SUITE_REVENUE_LEASE_SECONDS", "60");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(env))
                .hasMessageContaining("SUITE_REVENUE_LEASE_SECONDS must be longer than an upload may take");
    }
}
