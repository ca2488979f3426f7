package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database opened without migrating (the server migrates on a thread of its own while it builds the
 * engine): the adapters' connections wait for {@link Database#migrate()}, so no adapter reads a schema
 * that is not there yet, and they fail with the migrations' failure if those failed; the H2 file keeps
 * writing every commit at once after the migrations (its write delay back at 0).
 */
class DatabaseWithoutMigratingIT {
    @TempDir
    Path dataDir;

    @Test
    void an_adapter_asking_before_the_migrations_gets_its_connection_once_they_are_done() throws Exception {
        try (Database database = Database.withoutMigrating(Database.h2File(dataDir), "sa", "",
                PoolSettings.defaults())) {
            CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> database.jdbi().withHandle(h ->
                    h.createQuery("select count(*) from tenant").mapTo(Integer.class).one()));
            database.migrate();
            assertThat(early.join()).isZero();
            String writeDelay = database.jdbi().withHandle(h -> h.createQuery(
                    "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                    .mapTo(String.class).one());
            assertThat(writeDelay).as("the migrations' relaxed delay gone: the group commit writes").isEqualTo("-1");
        }
    }

    @Test
    void a_failed_migration_is_what_the_adapters_get_instead_of_a_connection() throws SQLException {
        String url = Database.h2File(dataDir);
        try (Connection raw = DriverManager.getConnection(url, "sa", ""); Statement statement = raw.createStatement()) {
            statement.execute("create table tenant (something int)"); // V1 creates it: V1 fails
        }
        try (Database database = Database.withoutMigrating(url, "sa", "", PoolSettings.defaults())) {
            assertThatThrownBy(database::migrate).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> database.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class)
                    .one())).isInstanceOf(ConnectionException.class)
                    .satisfies(e -> assertThat(e.getCause()).hasMessage("the database's migrations failed")
                            .hasCauseInstanceOf(FlywayException.class));
        }
    }
}
