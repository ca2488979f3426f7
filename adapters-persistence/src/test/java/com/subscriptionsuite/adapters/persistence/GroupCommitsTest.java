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
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GroupCommits}: what changes H2's maps (a statement that may write, an end of a transaction) is in the
 * file's gate, and waits while the file is written (the gate shut); plain reads do not. A write waits until the
 * gate is empty, and meanwhile holds back only transactions that changed nothing yet. The gate is shut or
 * entered here by the test itself (standing for a write or for a statement in progress). A commit returns only
 * after a write, and one write covers the commits ended before it.
 */
class GroupCommitsTest {
    @TempDir
    Path dir;

    private String url;
    private GroupCommits.H2File file;
    private GroupCommits.Gate gate;
    private boolean shutByTest;
    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final ExecutorService third = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() throws SQLException {
        url = Database.h2File(dir);
        file = GroupCommits.fileOf(url);
        gate = file.gate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 0)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        other.shutdownNow();
        third.shutdownNow();
        if (shutByTest) {
            gate.open();
        }
        for (Connection c : connections) {
            c.close();
        }
    }

    private Connection connection() throws SQLException {
        Connection c = GroupCommits.open(url, "sa", "");
        connections.add(c);
        return c;
    }

    /** Runs {@code work} on another thread while the gate is shut: it must wait until the gate opens. */
    private void waitsWhileWritten(SqlWork work) throws Exception {
        gate.shut();
        shutByTest = true;
        CompletableFuture<Void> working = async(work, other);
        try {
            while (gate.waitingToEnter() == 0 && !working.isDone()) {
                Thread.onSpinWait();
            }
            assertThat(working).as("went on while the file was written").isNotDone();
        } finally {
            shutByTest = false;
            gate.open();
        }
        working.get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on another thread while the gate is shut: it must not need the gate. */
    private void goesOnWhileWritten(SqlWork work) throws Exception {
        gate.shut();
        shutByTest = true;
        try {
            async(work, other).get(10, TimeUnit.SECONDS);
            assertThat(gate.waitingToEnter()).isZero();
        } finally {
            shutByTest = false;
            gate.open();
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private static CompletableFuture<Void> async(SqlWork work, ExecutorService on) {
        return CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, on);
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void a_statement_that_writes_and_a_commit_wait_while_the_file_is_written_and_a_read_does_not() throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        waitsWhileWritten(() -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = ?")) {
                p.setInt(1, 1);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        });
        goesOnWhileWritten(() -> assertThat(value(c)).isEqualTo(1));
        waitsWhileWritten(c::commit);
        assertThat(value(connection())).isEqualTo(1);
        assertThat(gate.inside()).isZero();
    }

    @Test
    void a_rollback_and_a_rollback_to_a_savepoint_wait_while_the_file_is_written() throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        update(c, "UPDATE t SET v = 5");
        java.sql.Savepoint savepoint = c.setSavepoint();
        update(c, "UPDATE t SET v = 6");
        waitsWhileWritten(() -> c.rollback(savepoint));
        goesOnWhileWritten(() -> assertThat(value(c)).isEqualTo(5));
        waitsWhileWritten(c::rollback);
        assertThat(value(connection())).isZero();
    }

    @Test
    void turning_auto_commit_back_on_and_closing_with_a_transaction_open_wait_while_the_file_is_written()
            throws Exception {
        Connection committing = connection();
        committing.setAutoCommit(false);
        update(committing, "UPDATE t SET v = 7");
        waitsWhileWritten(() -> committing.setAutoCommit(true));
        assertThat(value(connection())).isEqualTo(7);

        Connection closing = connection();
        closing.setAutoCommit(false);
        update(closing, "UPDATE t SET v = 8");
        waitsWhileWritten(closing::close);
        assertThat(value(connection())).as("closed with its transaction open: rolled back").isEqualTo(7);
    }

    @Test
    void a_write_in_auto_commit_mode_waits_while_the_file_is_written_and_a_read_does_not() throws Exception {
        Connection c = connection();
        waitsWhileWritten(() -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, 0)")) {
                p.setInt(1, 2);
                p.executeUpdate();
            }
        });
        waitsWhileWritten(() -> update(c, "DELETE FROM t WHERE id = 2"));
        goesOnWhileWritten(() -> assertThat(value(c)).isZero());
        goesOnWhileWritten(() -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM t").close();
            }
        });
    }

    /** Interrupted while it waits for a write, a statement fails as JDBC fails, with the interrupt kept. */
    @Test
    void a_statement_interrupted_while_the_file_is_written_fails_with_an_sql_exception_and_keeps_the_interrupt()
            throws Exception {
        Connection c = connection();
        c.setAutoCommit(false);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        gate.shut();
        shutByTest = true;
        Thread statement = new Thread(() -> {
            try {
                update(c, "UPDATE t SET v = 9");
            } catch (Throwable e) {
                failure.set(e);
                interrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        try {
            statement.start();
            while (gate.waitingToEnter() == 0) {
                Thread.onSpinWait();
            }
            statement.interrupt();
            statement.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            shutByTest = false;
            gate.open();
        }
        assertThat(failure.get()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("HY008"));
        assertThat(interrupted).isTrue();
        assertThat(gate.inside()).isZero();
        assertThat(gate.waitingToEnter()).isZero();
    }

    /** DDL and settings run with the gate shut: they wait until no statement is in it. */
    @Test
    void ddl_waits_until_no_statement_is_in_the_gate() throws Exception {
        Connection c = connection();
        gate.enter(false); // a statement in progress
        CompletableFuture<Void> creating;
        try {
            creating = async(() -> update(c, "CREATE TABLE u (id INT)"), other);
            while (!gate.waitedFor()) {
                assertThat(creating).isNotDone();
                Thread.onSpinWait();
            }
            assertThat(creating).isNotDone();
        } finally {
            gate.exit();
        }
        creating.get(10, TimeUnit.SECONDS);
    }

    /**
     * An auto-commit write runs in a transaction of its own: while it waits in the gate for a row lock, the
     * transaction holding that row can commit (its end goes into the gate too), even with a write waiting for
     * the gate to empty. Were either held back, the holder's commit would wait for the statement and the
     * statement for the holder, until H2's lock timeout (20 s here) failed the statement.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_write_waiting_for_a_row_lock_lets_the_row_s_holder_commit_while_a_write_of_the_file_waits()
            throws Exception {
        Connection holder = connection();
        holder.setAutoCommit(false);
        update(holder, "UPDATE t SET v = 1 WHERE id = 1");
        Connection waiter = GroupCommits.open(url + ";LOCK_TIMEOUT=20000", "sa", "");
        connections.add(waiter);
        // opened before the statement waits in the gate: opening a connection waits for the gate to empty
        Connection another = connection();
        another.setAutoCommit(false);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try (PreparedStatement p = waiter.prepareStatement("UPDATE t SET v = v + 10 WHERE id = ?")) {
                p.setInt(1, 1);
                return p.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, other);
        // outside the group commit, and without the URL's WRITE_DELAY=0, which would hand the writes back to H2
        Connection watching = DriverManager.getConnection(url.replace(";WRITE_DELAY=0", ""), "sa", "");
        connections.add(watching);
        while (blocked(watching) == 0) {
            assertThat(waiting).as("the auto-commit write waits for the row").isNotDone();
            Thread.onSpinWait();
        }
        try (PreparedStatement p = another.prepareStatement("INSERT INTO t VALUES (?, 0)")) {
            p.setInt(1, 3);
            p.executeUpdate();
        }
        CompletableFuture<Void> writing = async(another::commit, third);
        while (!gate.waitedFor()) {
            assertThat(writing).as("its write waits for the statement in the gate").isNotDone();
            Thread.onSpinWait();
        }
        holder.commit();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        writing.get(10, TimeUnit.SECONDS);
        assertThat(waiter.getAutoCommit()).isTrue();
        assertThat(value(connection())).isEqualTo(11);
    }

    @Test
    void a_failing_write_in_auto_commit_mode_is_rolled_back_and_leaves_auto_commit_on_and_the_gate_empty()
            throws SQLException {
        Connection c = connection();
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO t VALUES (1, 99)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        }
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(gate.inside()).isZero();
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
        assertThat(GroupCommits.onlyReads("  select * from t where id = ?")).isTrue();
        assertThat(GroupCommits.onlyReads("SELECT * FROM t FOR UPDATE")).isFalse();
        assertThat(GroupCommits.onlyReads("SELECT NEXT VALUE FOR s")).isFalse();
        assertThat(GroupCommits.onlyReads("select nextval('s')")).isFalse();
        assertThat(GroupCommits.onlyReads("UPDATE t SET v = 1")).isFalse();
        assertThat(GroupCommits.onlyReads("WITH x AS (SELECT 1) SELECT * FROM x")).isFalse();
        assertThat(GroupCommits.changesRows(" delete from t")).isTrue();
        assertThat(GroupCommits.changesRows("MERGE INTO t KEY (id) VALUES (1, 1)")).isTrue();
        assertThat(GroupCommits.changesRows("CREATE TABLE u (id INT)")).isFalse();
        assertThat(GroupCommits.changesRows("SET WRITE_DELAY 0")).isFalse();
    }

    @Test
    void every_url_of_one_file_shares_one_group_commit_and_another_file_has_its_own() {
        assertThat(GroupCommits.fileOf(url + ";LOCK_TIMEOUT=100")).isSameAs(file);
        assertThat(GroupCommits.fileOf(Database.h2File(dir.resolve("other")))).isNotSameAs(file);
    }

    /**
     * A commit marks its transaction (others see it) while a statement is in the gate, and returns only after
     * the write, which waits until the gate is empty.
     */
    @Test
    void a_commit_is_seen_once_ended_and_returns_after_the_write_that_waits_for_the_gate_to_empty()
            throws Exception {
        Connection c = connection();
        Connection reader = connection();
        c.setAutoCommit(false);
        update(c, "UPDATE t SET v = 3");
        long writes = file.writes();
        gate.enter(false); // a statement in progress
        CompletableFuture<Void> committing;
        try {
            committing = async(c::commit, other);
            while (!gate.waitedFor()) {
                assertThat(committing).as("the commit waits for its write").isNotDone();
                Thread.onSpinWait();
            }
            assertThat(value(reader)).as("ended: seen by others").isEqualTo(3);
            assertThat(file.writes()).isEqualTo(writes);
            assertThat(committing).isNotDone();
        } finally {
            gate.exit();
        }
        committing.get(10, TimeUnit.SECONDS);
        assertThat(file.writes()).isEqualTo(writes + 1);
    }

    /**
     * Inside {@code durableOnReturn} a commit does not wait for the file: the work's commits are seen by others at
     * once, and one write covers them all when the work returns (and not before).
     */
    @Test
    void commits_inside_durable_on_return_are_written_once_when_the_work_returns() throws Exception {
        Connection c = connection();
        Connection reader = connection();
        long before = file.writes();
        int seen = GroupCommits.durableOnReturn(() -> {
            try {
                c.setAutoCommit(false);
                update(c, "UPDATE t SET v = 1");
                c.commit();
                update(c, "INSERT INTO t VALUES (2, 0)");
                c.commit();
                c.setAutoCommit(true);
                update(c, "UPDATE t SET v = 3 WHERE id = 1"); // in auto-commit mode: a transaction of its own
                assertThat(file.writes()).as("no write while the work runs").isEqualTo(before);
                return value(reader);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen).as("committed: seen by others before the write").isEqualTo(3);
        assertThat(file.writes()).as("one write for the work's three commits").isEqualTo(before + 1);
        // and the write covers them: nothing is left unsaved
        assertThat(storeOf(reader).hasUnsavedChanges()).isFalse();
    }

    /** A nested call joins the outer work: only the outer one's return writes. */
    @Test
    void a_nested_durable_on_return_joins_the_outer_one() throws Exception {
        Connection c = connection();
        long before = file.writes();
        GroupCommits.durableOnReturn(() -> {
            GroupCommits.durableOnReturn(() -> {
                try {
                    update(c, "UPDATE t SET v = 4");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            assertThat(file.writes()).as("the inner work returned: not written yet").isEqualTo(before);
            return null;
        });
        assertThat(file.writes()).isEqualTo(before + 1);
    }

    /** Work that throws after committing still has its commits written before the exception leaves it. */
    @Test
    void work_that_throws_after_committing_is_written_before_the_exception_leaves_it() throws Exception {
        Connection c = connection();
        long before = file.writes();
        assertThatThrownBy(() -> GroupCommits.durableOnReturn(() -> {
            try {
                update(c, "UPDATE t SET v = 5");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalArgumentException("refused after the commit");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused after the commit");
        assertThat(file.writes()).isEqualTo(before + 1);
        assertThat(storeOf(c).hasUnsavedChanges()).isFalse();
    }

    /**
     * Before a remote call: everything any thread committed so far is written, also another thread's commit made
     * inside its durable-on-return work that has not returned yet; that work's return then writes nothing more.
     */
    @Test
    void writing_everything_committed_covers_another_thread_s_deferred_commits() throws Exception {
        Connection c = connection();
        long before = file.writes();
        java.util.concurrent.CountDownLatch committed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch writtenMeanwhile = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Void> work = async(() -> GroupCommits.durableOnReturn(() -> {
            try {
                update(c, "UPDATE t SET v = 6");
                committed.countDown();
                assertThat(writtenMeanwhile.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }), other);
        assertThat(committed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(file.writes()).as("deferred: not written yet").isEqualTo(before);
        GroupCommits.writeEverythingCommitted();
        assertThat(file.writes()).isEqualTo(before + 1);
        assertThat(storeOf(c).hasUnsavedChanges()).isFalse();
        writtenMeanwhile.countDown();
        work.get(10, TimeUnit.SECONDS);
        assertThat(file.writes()).as("its return found its commit written").isEqualTo(before + 1);
        GroupCommits.writeEverythingCommitted();
        assertThat(file.writes()).as("nothing ended since: no write").isEqualTo(before + 1);
    }

    private static MVStore storeOf(Connection c) throws SQLException {
        return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }

    /**
     * While a write waits for the gate to empty, a transaction that changed nothing yet waits to start writing
     * (so the gate empties), and one that holds changes goes on (it may hold a row lock another statement in
     * the gate waits for).
     */
    @Test
    void while_a_write_waits_a_fresh_transaction_waits_and_one_holding_changes_goes_on() throws Exception {
        Connection committing = connection();
        committing.setAutoCommit(false);
        update(committing, "UPDATE t SET v = 4");
        Connection holding = connection();
        holding.setAutoCommit(false);
        update(holding, "INSERT INTO t VALUES (2, 0)");
        Connection fresh = connection();
        fresh.setAutoCommit(false);
        ExecutorService fourth = Executors.newSingleThreadExecutor();
        try {
            gate.enter(false); // a statement in progress
            CompletableFuture<Void> commit;
            CompletableFuture<Void> starting;
            try {
                commit = async(committing::commit, other);
                while (!gate.waitedFor()) {
                    Thread.onSpinWait();
                }
                async(() -> update(holding, "INSERT INTO t VALUES (3, 0)"), third).get(10, TimeUnit.SECONDS);
                starting = async(() -> update(fresh, "INSERT INTO t VALUES (4, 0)"), fourth);
                while (gate.waitingToEnter() == 0) {
                    assertThat(starting).isNotDone();
                    Thread.onSpinWait();
                }
                assertThat(starting).isNotDone();
                assertThat(commit).isNotDone();
            } finally {
                gate.exit();
            }
            commit.get(10, TimeUnit.SECONDS);
            starting.get(10, TimeUnit.SECONDS);
        } finally {
            fourth.shutdownNow();
        }
        holding.commit();
        fresh.commit();
        try (Statement s = connection().createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    /** Eight commits waiting while the file is written are covered by fewer writes after it. */
    @Test
    void commits_ended_while_the_file_was_written_share_the_next_write() throws Exception {
        ExecutorService committers = Executors.newFixedThreadPool(8);
        try {
            List<Connection> cs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Connection c = connection();
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    p.setInt(1, 10 + i);
                    p.setInt(2, i);
                    p.executeUpdate();
                }
                cs.add(c);
            }
            long writes = file.writes();
            List<CompletableFuture<Void>> commits = new ArrayList<>();
            gate.shut(); // the file being written
            shutByTest = true;
            try {
                for (Connection c : cs) {
                    commits.add(async(c::commit, committers));
                }
                while (gate.waitingToEnter() < 8) {
                    Thread.onSpinWait();
                }
            } finally {
                shutByTest = false;
                gate.open();
            }
            CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(file.writes() - writes).as("writes for eight commits").isLessThanOrEqualTo(2);
            try (Statement s = connection().createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE id >= 10")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(8);
            }
        } finally {
            committers.shutdownNow();
        }
    }

    /**
     * H2 writes nothing when a transaction ends: a commit on a connection outside the group commit changes the
     * file only at the group commit's next write. A setting statement or a new connection that sets
     * {@code WRITE_DELAY=0} again hands the writes back only until the group commit takes them over.
     */
    @Test
    void h2_leaves_the_writes_to_the_group_commit() throws Exception {
        Connection pooled = connection();
        MVStore store = ((SessionLocal) pooled.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
        assertThat(store.getAutoCommitDelay()).isNegative();
        assertThat(store.getAutoCommitMemory()).isEqualTo(GroupCommits.H2File.NO_WRITE_BELOW_BYTES);

        Connection outside = DriverManager.getConnection(url.replace(";WRITE_DELAY=0", ""), "sa", "");
        connections.add(outside);
        long version = store.getCurrentVersion();
        try (Statement s = outside.createStatement()) {
            assertThat(s.executeUpdate("UPDATE t SET v = 21")).isEqualTo(1);
        }
        assertThat(store.getCurrentVersion()).as("H2 wrote at the end of a transaction").isEqualTo(version);
        assertThat(store.hasUnsavedChanges()).isTrue();
        try (Statement s = pooled.createStatement()) {
            assertThat(s.executeUpdate("UPDATE t SET v = 22")).isEqualTo(1);
        }
        assertThat(store.getCurrentVersion()).as("the group commit's write").isGreaterThan(version);
        assertThat(store.hasUnsavedChanges()).isFalse();

        try (Statement s = pooled.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        assertThat(store.getAutoCommitDelay()).as("taken over again after the setting").isNegative();
        Connection resetting = DriverManager.getConnection(url, "sa", "");
        connections.add(resetting);
        assertThat(store.getAutoCommitDelay()).as("the URL's WRITE_DELAY=0 outside the pool").isZero();
        try (Statement s = pooled.createStatement()) {
            assertThat(s.executeUpdate("UPDATE t SET v = 23")).isEqualTo(1);
        }
        assertThat(store.getAutoCommitDelay()).as("taken over again at the next commit").isNegative();
        connection();
        assertThat(store.getAutoCommitDelay()).isNegative();
        assertThat(value(outside)).isEqualTo(23);
    }

    /**
     * A file written one small commit at a time keeps chunks that are almost empty (each holds a few pages still
     * live); the compaction rewrites those pages, under the lock held alone, until the chunks are fuller.
     */
    @Test
    void the_compaction_makes_the_chunks_fuller_and_keeps_every_row() throws Exception {
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
        StorageCompaction compaction = file.compact(50, 256 * 1024, java.time.Duration.ofSeconds(20));
        assertThat(compaction.fillRateBefore()).as("chunks' fill rate before").isLessThan(50);
        assertThat(compaction.steps()).isPositive();
        assertThat(compaction.fillRateAfter()).as("after %s", compaction).isGreaterThanOrEqualTo(50);
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
