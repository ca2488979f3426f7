package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.ServerBusy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's per-connection limits on PostgreSQL: a unit that waits for a row another holds gives up
 * after {@code lock_timeout}, a statement that runs too long is stopped at {@code statement_timeout},
 * both answered as {@link ServerBusy} (503 server_busy) with the unit rolled back, as is the victim of a
 * deadlock; migrations ran without them.
 */
class DatabaseTimeoutsPostgresIT {
    private Database database;
    private Handles handles;

    @BeforeEach
    void open() {
        database = new Database(TestPostgres.shared().freshSchemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD,
                new PoolSettings(4, Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(700)));
        handles = new Handles(database.jdbi());
        handles.with(h -> {
            h.execute("CREATE TABLE hot_row (id INT PRIMARY KEY, n INT NOT NULL)");
            h.execute("INSERT INTO hot_row VALUES (1, 0)");
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void every_connection_has_the_configured_limits() {
        String lock = handles.with(h -> h.createQuery("SHOW lock_timeout").mapTo(String.class).one());
        String statement = handles.with(h -> h.createQuery("SHOW statement_timeout").mapTo(String.class).one());
        assertThat(lock).isEqualTo("300ms");
        assertThat(statement).isEqualTo("700ms");
    }

    @Test
    void there_is_no_storage_to_compact_on_postgresql() {
        assertThat(database.compactStorage(Duration.ofSeconds(1))).isEqualTo(StorageCompaction.NOTHING);
    }

    @Test
    void the_migrations_connections_have_the_limits_lifted() throws Exception {
        try (java.sql.Connection connection = database.forMigrations().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"lock_timeout", "statement_timeout"}) {
                try (java.sql.ResultSet shown = statement.executeQuery("SHOW " + setting)) {
                    assertThat(shown.next()).isTrue();
                    assertThat(shown.getString(1)).as(setting).isEqualTo("0");
                }
            }
        }
    }

    @Test
    void a_unit_waiting_for_a_held_row_gives_up_after_the_lock_timeout_as_server_busy() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> handles.with(h -> {
            h.createQuery("SELECT n FROM hot_row WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> handles.with(h -> (Object) h.execute("UPDATE hot_row SET n = n + 1 WHERE id = 1")))
                    .isInstanceOf(ServerBusy.class).hasMessageContaining("lock timeout");
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
        int n = handles.with(h -> h.createQuery("SELECT n FROM hot_row").mapTo(Integer.class).one());
        assertThat(n).as("the refused unit changed nothing").isZero();
    }

    @Test
    void the_victim_of_a_deadlock_is_server_busy_rolled_back_and_the_other_unit_commits() throws Exception {
        // a lock timeout longer than PostgreSQL's deadlock_timeout (1 s), so the deadlock detector decides
        try (Database patient = new Database(TestPostgres.shared().freshSchemaUrl(), TestPostgres.USER,
                TestPostgres.PASSWORD, new PoolSettings(4, Duration.ofSeconds(2), Duration.ofSeconds(8),
                        Duration.ofSeconds(15)))) {
            Handles units = new Handles(patient.jdbi());
            units.with(h -> {
                h.execute("CREATE TABLE pair (id INT PRIMARY KEY, n INT NOT NULL)");
                h.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
                return null;
            });
            CountDownLatch bothLocked = new CountDownLatch(2);
            // two threads of their own: CompletableFuture's default pool may have one thread on two cores (JDK 25
            // does), and the units must run at once to cross
            java.util.concurrent.ExecutorService twoThreads = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.function.IntFunction<CompletableFuture<Void>> crossing = first -> CompletableFuture.runAsync(
                    () -> units.with(h -> {
                        h.execute("UPDATE pair SET n = n + 1 WHERE id = ?", first);
                        bothLocked.countDown();
                        try {
                            bothLocked.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        h.execute("UPDATE pair SET n = n + 1 WHERE id = ?", 3 - first);
                        return null;
                    }), twoThreads);
            CompletableFuture<Void> one = crossing.apply(1);
            CompletableFuture<Void> two = crossing.apply(2);
            java.util.List<Throwable> failures = new java.util.ArrayList<>();
            for (CompletableFuture<Void> unit : java.util.List.of(one, two)) {
                try {
                    unit.get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            twoThreads.shutdown();

            assertThat(failures).singleElement().isInstanceOf(ServerBusy.class)
                    .satisfies(f -> assertThat(Handles.sqlState(f)).isEqualTo("40P01"));
            int total = units.with(h -> h.createQuery("SELECT SUM(n) FROM pair").mapTo(Integer.class).one());
            assertThat(total).as("the winner's two updates, none of the victim's").isEqualTo(2);
        }
    }

    @Test
    void a_statement_past_the_statement_timeout_is_stopped_as_server_busy() {
        assertThatThrownBy(() -> handles.with(h -> (Object) h.execute("SELECT pg_sleep(3)")))
                .isInstanceOf(ServerBusy.class).hasMessageContaining("statement");
    }
}
