package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's health, request ids, request log and shutdown (docs/observability.md). */
class ObservabilityServerIT {
    @TempDir
    Path dataDir;

    @Test
    void is_ready_with_its_database_migrated_and_a_tenant_defined() {
        try (Server server = start(env(dataDir))) {
            var ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"not_ready\":[]}");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void is_live_but_not_ready_without_any_tenant() {
        try (Server server = start(env(dataDir, "SUITE_DEMO_TENANT", "false"))) {
            var ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"check\":\"tenants\"")
                    .doesNotContain("\"check\":\"database\"");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
        }
    }
}
