package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start migrates on a thread of its own while it builds the engine (docs/benchmarks.md "Startup"):
 * a failed migration fails the start with the migration's own failure, not with the engine's build
 * that waited for it; a good start's first answers are ready and served. A first start of the embedded default
 * takes the database the build migrated (SchemaTemplate) and runs no migration.
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
    void a_fresh_start_takes_the_builds_migrated_database_and_a_restart_lets_flyway_check_it() throws SQLException {
        Instant before = Instant.now();
        try (Server server = ServerHarness.start(ServerHarness.env(dataDir))) {
            assertThat(ServerHarness.get(server, "/health/ready").statusCode()).isEqualTo(200);
        }
        // the history came with the file: Flyway wrote it when the build made the template, before this test began
        assertThat(installedOn(dataDir)).hasSizeGreaterThanOrEqualTo(18).allSatisfy(at -> assertThat(at).isBefore(before));
        try (Server server = ServerHarness.start(ServerHarness.env(dataDir))) {
            assertThat(ServerHarness.get(server, "/page/1").statusCode()).isEqualTo(200);
        }
        assertThat(installedOn(dataDir)).hasSizeGreaterThanOrEqualTo(18).allSatisfy(at -> assertThat(at).isBefore(before));
    }

    private static List<Instant> installedOn(Path dataDir) throws SQLException {
        List<Instant> at = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection(Database.h2File(dataDir), "sa", "");
                Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"installed_on\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                at.add(rows.getTimestamp(1).toInstant());
            }
        }
        return at;
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
