package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SerialCommits}: every end of a transaction on an H2 file waits for the file's one lock; statements
 * inside a transaction and reads in auto-commit mode do not. The lock is held here by the test itself
 * (standing for another connection's commit), and what must wait is shown to wait until it is released.
 */
class SerialCommitsTest {
    @TempDir
    Path dir;

    private String url;
    private ReentrantLock lock;
    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() throws SQLException {
        url = Database.h2File(dir);
        lock = SerialCommits.lockOf(url);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 0)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        other.shutdownNow();
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
        for (Connection c : connections) {
            c.close();
        }
    }

    private Connection connection() throws SQLException {
        Connection c = SerialCommits.serial(DriverManager.getConnection(url, "sa", ""), url);
        connections.add(c);
        return c;
    }

    /** Runs {@code end} on another thread while this one holds the lock: it must wait until the lock is free. */
    private void waitsForTheLock(SqlWork end) throws Exception {
        lock.lock();
        CompletableFuture<Void> ending = CompletableFuture.runAsync(() -> {
            try {
                end.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, other);
        try {
            while (!lock.hasQueuedThreads() && !ending.isDone()) {
                Thread.onSpinWait();
            }
            assertThat(ending).as("ended while another end held the lock").isNotDone();
            assertThat(lock.hasQueuedThreads()).isTrue();
        } finally {
            lock.unlock();
        }
        ending.get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on another thread while this one holds the lock: it must not need it. */
    private void goesOnWithoutTheLock(SqlWork work) throws Exception {
        lock.lock();
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    work.run();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, other).get(10, TimeUnit.SECONDS);
            assertThat(lock.hasQueuedThreads()).isFalse();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    @Test
    void a_commit_waits_for_the_lock_and_the_statements_before_it_do_not() throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        goesOnWithoutTheLock(() -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = ?")) {
                p.setInt(1, 1);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        });
        waitsForTheLock(c::commit);
        assertThat(value(connection())).isEqualTo(1);
    }

    @Test
    void a_rollback_waits_for_the_lock_and_a_rollback_to_a_savepoint_does_not() throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE t SET v = 5");
        }
        goesOnWithoutTheLock(() -> {
            java.sql.Savepoint savepoint = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE t SET v = 6");
            }
            c.rollback(savepoint);
        });
        waitsForTheLock(c::rollback);
        assertThat(value(connection())).isZero();
    }

    @Test
    void turning_auto_commit_back_on_and_closing_with_a_transaction_open_wait_for_the_lock() throws Exception {
        Connection committing = connection();
        committing.setAutoCommit(false);
        try (Statement s = committing.createStatement()) {
            s.executeUpdate("UPDATE t SET v = 7");
        }
        waitsForTheLock(() -> committing.setAutoCommit(true));
        assertThat(value(connection())).isEqualTo(7);

        Connection closing = connection();
        closing.setAutoCommit(false);
        try (Statement s = closing.createStatement()) {
            s.executeUpdate("UPDATE t SET v = 8");
        }
        waitsForTheLock(closing::close);
        assertThat(value(connection())).as("closed with its transaction open: rolled back").isEqualTo(7);
    }

    @Test
    void a_write_in_auto_commit_mode_waits_for_the_lock_and_a_read_does_not() throws Exception {
        Connection c = connection();
        waitsForTheLock(() -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, 0)")) {
                p.setInt(1, 2);
                p.executeUpdate();
            }
        });
        waitsForTheLock(() -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM t WHERE id = 2");
            }
        });
        goesOnWithoutTheLock(() -> assertThat(value(c)).isZero());
        goesOnWithoutTheLock(() -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM t").close();
            }
        });
    }

    /**
     * An auto-commit write runs in a transaction of its own and only its end takes the lock: while it waits
     * for a row lock, the transaction holding that row can commit. Were the whole statement under the lock,
     * the holder's commit would wait for the statement and the statement for the holder, until H2's lock
     * timeout (20 s here) failed the statement.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_write_in_auto_commit_mode_waiting_for_a_row_lock_lets_the_row_s_holder_commit() throws Exception {
        Connection holder = connection();
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.executeUpdate("UPDATE t SET v = 1 WHERE id = 1");
        }
        Connection waiter = SerialCommits.serial(DriverManager.getConnection(url + ";LOCK_TIMEOUT=20000", "sa", ""),
                url);
        connections.add(waiter);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try (PreparedStatement p = waiter.prepareStatement("UPDATE t SET v = v + 10 WHERE id = ?")) {
                p.setInt(1, 1);
                return p.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, other);
        Connection watching = DriverManager.getConnection(url, "sa", "");
        connections.add(watching);
        while (blocked(watching) == 0) {
            assertThat(waiting).as("the auto-commit write waits for the row").isNotDone();
            Thread.onSpinWait();
        }
        holder.commit();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(waiter.getAutoCommit()).isTrue();
        assertThat(value(connection())).isEqualTo(11);
    }

    @Test
    void a_failing_write_in_auto_commit_mode_is_rolled_back_and_leaves_auto_commit_on_and_the_lock_free()
            throws SQLException {
        Connection c = connection();
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO t VALUES (1, 99)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        }
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(lock.isLocked()).isFalse();
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO t VALUES (2, 5)")).isEqualTo(1);
        }
        try (Statement s = connection().createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT COUNT(*), SUM(v) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(5);
        }
    }

    private static int blocked(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void only_plain_selects_count_as_reads() {
        assertThat(SerialCommits.onlyReads("  select * from t where id = ?")).isTrue();
        assertThat(SerialCommits.onlyReads("SELECT * FROM t FOR UPDATE")).isFalse();
        assertThat(SerialCommits.onlyReads("SELECT NEXT VALUE FOR s")).isFalse();
        assertThat(SerialCommits.onlyReads("select nextval('s')")).isFalse();
        assertThat(SerialCommits.onlyReads("UPDATE t SET v = 1")).isFalse();
        assertThat(SerialCommits.onlyReads("WITH x AS (SELECT 1) SELECT * FROM x")).isFalse();
        assertThat(SerialCommits.changesRows(" delete from t")).isTrue();
        assertThat(SerialCommits.changesRows("MERGE INTO t KEY (id) VALUES (1, 1)")).isTrue();
        assertThat(SerialCommits.changesRows("CREATE TABLE u (id INT)")).isFalse();
        assertThat(SerialCommits.changesRows("SET WRITE_DELAY 0")).isFalse();
    }

    @Test
    void every_url_of_one_file_shares_one_lock_and_another_file_has_its_own() {
        assertThat(SerialCommits.lockOf(url + ";LOCK_TIMEOUT=100")).isSameAs(lock);
        assertThat(SerialCommits.lockOf(Database.h2File(dir.resolve("other")))).isNotSameAs(lock);
    }

    /**
     * A file written one small commit at a time keeps chunks that are almost empty (each holds a few pages still
     * live); the compaction rewrites those pages, each step under the lock, until the chunks are half full, and
     * keeps every row.
     */
    @Test
    void the_compaction_waits_for_the_lock_makes_the_chunks_half_full_and_keeps_every_row() throws Exception {
        Connection c = connection();
        try (Statement s = c.createStatement()) {
            // H2 rewrites and frees only chunks older than its retention time (45 s by default)
            s.execute("SET RETENTION_TIME 0");
            s.execute("CREATE TABLE wide (id INT PRIMARY KEY, v INT, pad VARCHAR(200))");
            s.execute("INSERT INTO wide SELECT \"X\", 0, REPEAT('x', 150) FROM SYSTEM_RANGE(1, 4000)");
        }
        java.util.Random random = new java.util.Random(7);
        try (PreparedStatement p = c.prepareStatement("UPDATE wide SET v = v + 1 WHERE id = ?")) {
            for (int i = 0; i < 3000; i++) {
                p.setInt(1, 1 + random.nextInt(4000));
                p.executeUpdate(); // its own commit, its own chunk
            }
        }
        java.util.concurrent.atomic.AtomicReference<StorageCompaction> compaction =
                new java.util.concurrent.atomic.AtomicReference<>();
        waitsForTheLock(() -> compaction.set(SerialCommits.compact(c, lock, 50, 256 * 1024,
                java.time.Duration.ofSeconds(20))));
        assertThat(compaction.get().fillRateBefore()).as("chunks' fill rate before").isLessThan(50);
        assertThat(compaction.get().steps()).isPositive();
        assertThat(compaction.get().fillRateAfter()).as("after %s", compaction.get()).isGreaterThanOrEqualTo(50);
        try (Statement s = connection().createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(v) FROM wide")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4000);
            assertThat(rs.getInt(2)).isEqualTo(3000);
        }
    }

    private static int value(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT v FROM t WHERE id = 1");
                java.sql.ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
