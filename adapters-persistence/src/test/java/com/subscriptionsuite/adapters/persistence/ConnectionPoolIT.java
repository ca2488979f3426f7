package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.ServerBusy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's two promises (issue 9): a thread holds at most one connection at a time, so N threads
 * can never deadlock N connections; and an exhausted pool refuses after the configured wait with
 * {@link ServerBusy} instead of an internal error after 30 s.
 */
class ConnectionPoolIT {
    @TempDir
    Path dataDir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_unit_of_work_that_asks_for_a_second_connection_fails_at_once() {
        try (Database database = new Database(Database.h2File(dataDir), "sa", "")) {
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                try (Handle second = database.jdbi().open()) {
                    return second.createQuery("SELECT 1").mapTo(Integer.class).one();
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("second connection");

            assertThat(database.connectionsHeld()).as("both released").isZero();
            int joined = transactions.inTransaction(() -> database.jdbi().withHandle(
                    h -> h.createQuery("SELECT 2").mapTo(Integer.class).one()));
            assertThat(joined).as("a nested withHandle joins the unit").isEqualTo(2);
        }
    }

    @Test
    void keeps_statements_only_on_h2_urls_that_turn_h2s_statement_cache_and_result_reuse_off() {
        assertThat(Database.keepsPreparedStatements(Database.h2File(dataDir))).isTrue();
        assertThat(Database.keepsPreparedStatements(
                "jdbc:h2:file:/d/suite;optimize_reuse_results=false;WRITE_DELAY=0;QUERY_CACHE_SIZE=0")).isTrue();
        assertThat(Database.keepsPreparedStatements("jdbc:h2:file:/d/suite;QUERY_CACHE_SIZE=0")).isFalse();
        assertThat(Database.keepsPreparedStatements("jdbc:h2:file:/d/suite;QUERY_CACHE_SIZE=0;"
                + "OPTIMIZE_REUSE_RESULTS=TRUE")).isFalse();
        assertThat(Database.keepsPreparedStatements("jdbc:h2:file:/d/suite;QUERY_CACHE_SIZE=01;"
                + "OPTIMIZE_REUSE_RESULTS=FALSE")).isFalse();
        assertThat(Database.keepsPreparedStatements(
                "jdbc:postgresql://db/suite?QUERY_CACHE_SIZE=0;OPTIMIZE_REUSE_RESULTS=FALSE")).isFalse();
    }

    /** The pool's H2 connections keep their statements prepared (PreparedStatements), H2's own cache is off. */
    @Test
    void every_pooled_h2_connection_keeps_its_statements_prepared_and_h2_caches_none() throws Exception {
        try (Database database = new Database(Database.h2File(dataDir), "sa", "")) {
            database.jdbi().useHandle(h -> {
                java.sql.Connection connection = h.getConnection();
                String sql = "SELECT setting_value FROM information_schema.settings WHERE setting_name = ?";
                Object first;
                try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "QUERY_CACHE_SIZE");
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as("H2's statement cache").isEqualTo("0");
                    }
                    first = statement.unwrap(org.h2.jdbc.JdbcPreparedStatement.class);
                }
                try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                    assertThat(statement.unwrap(org.h2.jdbc.JdbcPreparedStatement.class)).as("prepared once")
                            .isSameAs(first);
                    statement.setString(1, "WRITE_DELAY");
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as("H2 writes nothing itself: the group commit does")
                                .isEqualTo("-1");
                    }
                }
                // as Jdbi prepares them (with result set type and concurrency), one statement after the other
                java.util.List<Object> prepared = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    database.jdbi().useHandle(inner -> inner.createQuery("SELECT 1")
                            .addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                                @Override
                                public void beforeExecution(java.sql.PreparedStatement statement,
                                        org.jdbi.v3.core.statement.StatementContext context)
                                        throws java.sql.SQLException {
                                    prepared.add(statement.unwrap(org.h2.jdbc.JdbcPreparedStatement.class));
                                }
                            }).mapTo(Integer.class).one());
                }
                assertThat(prepared).hasSize(2);
                assertThat(prepared.get(1)).as("Jdbi's statement prepared once").isSameAs(prepared.get(0));
                org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) connection
                        .unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
                assertThat(session.getDatabase().getOptimizeReuseResults())
                        .as("H2's reuse of a query's last result (not in information_schema.settings)").isFalse();
            });
        }
    }

    @Test
    void a_connection_closed_on_another_thread_frees_its_owner() throws Exception {
        try (Database database = new Database(Database.h2File(dataDir), "sa", "")) {
            Handle handle = database.jdbi().open();
            assertThat(database.connectionsHeld()).isEqualTo(1);

            threads.submit(handle::close).get(5, TimeUnit.SECONDS);

            assertThat(database.connectionsHeld()).isZero();
            int again = database.jdbi().withHandle(h -> h.createQuery("SELECT 3").mapTo(Integer.class).one());
            assertThat(again).isEqualTo(3);
        }
    }

    @Test
    @Timeout(20)
    void an_exhausted_pool_refuses_with_server_busy_after_the_configured_wait() throws Exception {
        PoolSettings pool = new PoolSettings(2, Duration.ofMillis(500));
        try (Database database = new Database(Database.h2File(dataDir), "sa", "", pool)) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> {
                    database.jdbi().useHandle(h -> {
                        h.createQuery("SELECT 1").mapTo(Integer.class).one();
                        holding.countDown();
                        release.await();
                    });
                    return null;
                });
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            Future<?> third = threads.submit(() -> database.jdbi().withHandle(h -> 1));
            assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ServerBusy.class)
                    .cause().satisfies(e -> assertThat(((ServerBusy) e).retryAfterSeconds()).isEqualTo(1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            assertThat(threads.submit(() -> database.jdbi().withHandle(h -> 1)).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void refuses_pool_settings_that_cannot_work() {
        assertThatThrownBy(() -> new PoolSettings(0, Duration.ofSeconds(1))).hasMessageContaining("size");
        assertThatThrownBy(() -> new PoolSettings(4, Duration.ofMillis(100))).hasMessageContaining("250 ms");
    }
}
