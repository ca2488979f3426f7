package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database file the build migrated (SchemaTemplate) is the database Flyway makes from the migrations, and
 * Flyway takes it over at the next start.
 */
class SchemaTemplateIT {
    @TempDir
    Path dir;

    @Test
    void the_template_holds_the_schema_and_the_history_flyway_makes_from_the_migrations() throws Exception {
        Path migrated = dir.resolve("migrated");
        try (Database database = new Database(Database.h2File(migrated), SchemaTemplate.USER, SchemaTemplate.PASSWORD)) {
            assertThat(database.productName()).startsWith("H2");
        }
        Path installed = dir.resolve("installed");
        assertThat(SchemaTemplate.install(installed)).isTrue();

        List<String> schema = schema(Database.h2File(migrated));
        assertThat(schema).as("the schema Flyway made").hasSizeGreaterThan(150)
                .anySatisfy(line -> assertThat(line).contains("\"voucher_code\""));
        assertThat(schema(Database.h2File(installed))).isEqualTo(schema);
        List<String> history = history(Database.h2File(migrated));
        assertThat(history).hasSizeGreaterThanOrEqualTo(18);
        assertThat(history(Database.h2File(installed))).isEqualTo(history);
    }

    @Test
    void a_restart_on_the_template_runs_flyway_which_applies_nothing_and_a_newer_migration_on_top() throws Exception {
        assertThat(SchemaTemplate.install(dir)).isTrue();
        try (Database database = Database.withoutMigrating(Database.h2File(dir), SchemaTemplate.USER,
                SchemaTemplate.PASSWORD, PoolSettings.defaults())) {
            assertThat(database.migrate()).as("migrations applied at the restart").isZero();
        }
        // the next release's migration: Flyway applies it to the template's database as to any other
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.writeString(next.resolve("V900__next_release.sql"), "CREATE TABLE next_release (id BIGINT PRIMARY KEY);");
        String url = Database.h2File(dir);
        int applied = Flyway.configure().dataSource(url, SchemaTemplate.USER, SchemaTemplate.PASSWORD)
                .locations("classpath:db/migration", "filesystem:" + next).load().migrate().migrationsExecuted;
        assertThat(applied).isEqualTo(1);
        try (Connection connection = DriverManager.getConnection(url, SchemaTemplate.USER, SchemaTemplate.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM next_release")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void leaves_an_existing_database_alone() throws Exception {
        try (Database database = new Database(Database.h2File(dir), SchemaTemplate.USER, SchemaTemplate.PASSWORD)) {
            database.jdbi().useHandle(h -> h.execute("CREATE TABLE kept_here (id INT)"));
        }
        byte[] before = Files.readAllBytes(Database.h2FilePath(dir));

        assertThat(SchemaTemplate.install(dir)).isFalse();

        assertThat(Files.readAllBytes(Database.h2FilePath(dir))).isEqualTo(before);
    }

    @Test
    void a_copy_cut_short_by_a_crash_is_made_again_and_its_leftover_removed() throws Exception {
        Files.createDirectories(dir);
        Path leftover = dir.resolve(Database.H2_FILE_NAME + ".mv.db.123.copying");
        Files.write(leftover, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Path another = dir.resolve(Database.H2_FILE_NAME + ".mv.db.456.copying"); // another process's, just begun
        Files.write(another, new byte[] {4, 5, 6});

        assertThat(SchemaTemplate.install(dir)).isTrue();

        assertThat(leftover).doesNotExist();
        assertThat(another).exists();
        assertThat(history(Database.h2File(dir))).hasSizeGreaterThanOrEqualTo(18);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(Database.H2_FILE_NAME + ".mv.db", another.getFileName().toString());
        }
    }

    @Test
    void never_replaces_a_database_that_another_process_made_while_it_copied() throws Exception {
        byte[][] theirs = new byte[1][];
        boolean made = SchemaTemplate.install(dir, () -> {
            // another process starting on the same new directory made its database meanwhile, and uses it
            try (Database database = new Database(Database.h2File(dir), SchemaTemplate.USER, SchemaTemplate.PASSWORD)) {
                database.jdbi().useHandle(h -> h.execute("CREATE TABLE theirs (id INT)"));
            }
            try {
                theirs[0] = Files.readAllBytes(Database.h2FilePath(dir));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(made).isFalse();
        assertThat(Files.readAllBytes(Database.h2FilePath(dir))).isEqualTo(theirs[0]);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(Database.H2_FILE_NAME + ".mv.db");
        }
    }

    /** The database's schema as H2 scripts it (users left out: H2 salts each password hash anew). */
    private static List<String> schema(String url) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, SchemaTemplate.USER, SchemaTemplate.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SCRIPT NODATA")) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (!line.startsWith("CREATE USER")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** Flyway's history as it validates it: version, description, type, script, checksum, success. */
    private static List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, SchemaTemplate.USER, SchemaTemplate.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet history = statement.executeQuery("SELECT \"version\", \"description\", \"type\", \"script\","
                        + " \"checksum\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (history.next()) {
                rows.add(history.getString(1) + "|" + history.getString(2) + "|" + history.getString(3) + "|"
                        + history.getString(4) + "|" + history.getString(5) + "|" + history.getBoolean(6));
            }
        }
        return rows;
    }
}
