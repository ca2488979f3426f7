package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start migrates on a thread of its own while it builds the engine (docs/benchmarks.md "Startup"):
 * a failed migration fails the start with the migration's own failure, not with the engine's build
 * that waited for it; a good start's first answers are ready and served.
 */
class StartupIT {
    @TempDir
    Path dataDir;

    @Test
    void a_failed_migration_fails_the_start_with_its_own_failure() throws SQLException {
        String url = Database.h2File(dataDir);
        try (Connection raw = DriverManager.getConnection(url, "sa", ""); Statement statement = raw.createStatement()) {
            statement.execute("create table tenant (something int)"); // a schema Flyway did not make: it refuses
        }
        assertThatThrownBy(() -> ServerHarness.start(ServerHarness.env(dataDir)))
                .isInstanceOf(FlywayException.class).hasMessageContaining("schema history");
    }

    @Test
    void the_first_answer_of_a_fresh_start_is_ready() {
        try (Server server = ServerHarness.start(ServerHarness.env(dataDir))) {
            var ready = ServerHarness.get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            assertThat(ServerHarness.get(server, "/page/1").statusCode()).isEqualTo(200);
        }
    }
}
