package com.subscriptionsuite.adapters.persistence;

import static com.subscriptionsuite.adapters.persistence.Proxies.NOT_OWN;
import static com.subscriptionsuite.adapters.persistence.Proxies.call;
import static com.subscriptionsuite.adapters.persistence.Proxies.own;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * The connections to one H2 file database with a group commit behind a gate: no write of the file overlaps
 * anything that changes H2's maps, and one write covers every transaction ended before it.
 * <ul>
 * <li>A statement that may write (anything but a plain {@code SELECT}), inside a transaction or in auto-commit
 * mode, and an end of a transaction (a commit, a rollback, to a savepoint too, a change back to auto-commit, a
 * close with a transaction open) run in the file's {@link Gate}: any number at once, never while the file is
 * written. Plain reads change nothing and are not wrapped.</li>
 * <li>H2 itself writes nothing when a transaction ends ({@link H2File#takeOverWrites}). A commit that changed
 * something then waits until a write that began after it ended is done: it makes that write itself (with the
 * gate empty and shut) unless a write that covers it has run meanwhile. That one write covers every
 * transaction ended so far. Inside {@link #durableOnReturn} work a commit does not wait: the work's commits
 * are written together when it returns (writes are prefix-ordered, so a crash loses at most a tail of them);
 * {@link #writeEverythingCommitted} writes what any thread committed, before a call to a remote system.</li>
 * <li>A write waiting for the gate to empty holds back only statements of transactions that changed nothing
 * yet; statements of transactions holding changes (and row locks), and ends, go on, so a statement waiting in
 * the gate for a row lock never waits for a write that waits for it. Ends queued while the file was written go
 * in before the next write, which then covers them too.</li>
 * <li>DDL and settings in auto-commit mode, which H2 commits at once, run with the gate shut and the file
 * written after them; new connections open so too (each one applies the URL's {@code WRITE_DELAY=0}
 * again).</li>
 * </ul>
 * <p>
 * Why: H2 writes a chunk from each map's root as it finds it, one map after another. A chunk written while
 * another thread's statement has changed one map of a row and not yet the next (a row and its index entry,
 * an undo entry and its row), or while a commit has turned some of its entries and not the rest, holds that
 * change half done, and after a crash H2 opens a file with a transaction in part, an index entry missing
 * for its row, or a row locked by no transaction. Measured with {@code H2CrashIT}'s workload killed again and
 * again (docs/durability.md, "A crash in the middle of a commit"): H2 writing at every commit broke the file
 * after 3 of 20 kills; transactions ending one at a time (this class's predecessor) after one of about 35;
 * H2's own background writer every 10 ms at the first kill; this class after none of 106. It also writes
 * fewer chunks: a checkout cost 0.67–0.97 (median 0.76) of the server CPU of the ends one at a time, in four
 * alternated pairs of runs (docs/benchmarks.md §4, eleventh round).
 * <p>
 * A committed transaction is visible to others as soon as it is marked, before the write that makes it
 * durable returns; its own commit returns only after that write, as with {@code WRITE_DELAY=0} before.
 * The gate is one per database file, shared by every pool on it in this JVM, since H2 opens a file once per
 * JVM. A connection to the same file opened without this class (not through the pool) commits in memory
 * only, until the pool's next commit or the database's close writes it; if its URL carries
 * {@code WRITE_DELAY=0}, opening it hands the writes back to H2 until the pool's next commit takes them over
 * again, and in that moment a crash could again leave a broken file (the benchmarks' probe of H2's counters
 * opens its connection without the setting for this reason).
 */
final class GroupCommits {
    private static final Map<String, H2File> FILES = new ConcurrentHashMap<>();

    private GroupCommits() {
    }

    /** A new connection to the H2 database at {@code jdbcUrl}, under the file's group commit. */
    static Connection open(String jdbcUrl, String user, String password) throws SQLException {
        H2File file = fileOf(jdbcUrl);
        Connection connection = file.connect(jdbcUrl, user, password);
        return (Connection) Proxy.newProxyInstance(GroupCommits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Ending(connection, sessionOf(connection), file));
    }

    /**
     * Runs {@code work} with its commits not waiting for the file: each end of a transaction that commits
     * changes is noted instead, and when the work returns or throws, one write covers them all (unless a
     * write by another thread has covered them meanwhile). Commits are prefix-ordered on the file (a write
     * covers every transaction ended before it), so a crash meanwhile loses a tail of the work's commits, as
     * if it had come a little earlier. A nested call joins the outer one. If the final write fails, the work's
     * result is replaced by a {@link TransactionException} (its exception keeps the failure as suppressed).
     */
    static <T> T durableOnReturn(Supplier<T> work) {
        if (DEFERRED.get() != null) {
            return work.get();
        }
        Deferred deferred = new Deferred();
        DEFERRED.set(deferred);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                deferred.write();
            } catch (SQLException | RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        } finally {
            DEFERRED.remove();
        }
        try {
            deferred.write();
        } catch (SQLException e) {
            throw new TransactionException("the committed work could not be written to the H2 file", e);
        }
        return result;
    }

    /**
     * Returns once every transaction ended so far on any H2 file of this JVM is written: before a call to a
     * remote system, which may act on what it read (a commit is visible before it is written).
     */
    static void writeEverythingCommitted() {
        for (H2File file : FILES.values()) {
            try {
                file.writeCovering(file.ended.get());
            } catch (SQLException e) {
                throw new TransactionException("the committed transactions could not be written to the H2 file", e);
            }
        }
    }

    /** The commits of this thread's {@link #durableOnReturn} work so far; null outside one. */
    private static final ThreadLocal<Deferred> DEFERRED = new ThreadLocal<>();

    /** The last commit of a thread's {@link #durableOnReturn} work: its file and its end's number. */
    private static final class Deferred {
        private H2File file;
        private long end;

        void note(H2File endedOn, long mine) throws SQLException {
            if (file != null && file != endedOn) {
                write(); // the work committed on two files: the first one's commits are written now
            }
            file = endedOn;
            end = mine;
        }

        void write() throws SQLException {
            if (file != null) {
                file.writeCovering(end);
                file = null;
            }
        }
    }

    /** The embedded session behind an H2 connection; null for a connection to an H2 server. */
    private static SessionLocal sessionOf(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local ? local : null;
    }

    /**
     * Whether the transaction open on the session changed anything (a row lock counts): only then does its
     * commit need a write. A read's commit needs none, and does not wait for one.
     */
    static boolean changed(SessionLocal session) {
        return session == null || session.hasPendingTransaction();
    }

    /** The group commit of the H2 database at {@code jdbcUrl}: one per file, whatever the URL's settings. */
    static H2File fileOf(String jdbcUrl) {
        return FILES.computeIfAbsent(database(jdbcUrl), d -> new H2File());
    }

    /** The database an H2 URL names: the URL without its settings. */
    static String database(String jdbcUrl) {
        int settings = jdbcUrl.indexOf(';');
        return settings < 0 ? jdbcUrl : jdbcUrl.substring(0, settings);
    }

    /** Whether a statement only reads: it then neither changes nor ends a transaction. */
    static boolean onlyReads(String sql) {
        String text = sql.strip().toUpperCase(Locale.ROOT);
        return text.startsWith("SELECT") && !text.contains("FOR UPDATE") && !text.contains("NEXT VALUE")
                && !text.contains("NEXTVAL");
    }

    /** Whether a statement is one that changes rows (and only that): it may run in a transaction of its own. */
    static boolean changesRows(String sql) {
        String text = sql.strip().toUpperCase(Locale.ROOT);
        return text.startsWith("INSERT") || text.startsWith("UPDATE") || text.startsWith("DELETE")
                || text.startsWith("MERGE");
    }

    /**
     * One H2 file database: its gate (what changes its maps is in it; its writes run with it shut), and how far
     * its writes have got.
     */
    static final class H2File {
        /** H2's {@code MVStore.autoCommitMemory}: final, set from a builder option H2's database never sets. */
        private static final Field AUTO_COMMIT_MEMORY = autoCommitMemory();
        /**
         * What {@link #takeOverWrites} sets it to: more unsaved memory than any transaction here builds up, and
         * small enough that H2's {@code 4 * autoCommitMemory} does not overflow.
         */
        static final int NO_WRITE_BELOW_BYTES = Integer.MAX_VALUE / 4;

        /** The gate: what is in it changes H2's maps; a write of the file runs with it empty and shut. */
        private final Gate gate = new Gate();
        /** One writer at a time; the others wait here, then find their transaction written or write. */
        private final ReentrantLock writing = new ReentrantLock();
        /** Ends of transactions so far (each counted in the gate, once it is done). */
        private final AtomicLong ended = new AtomicLong();
        /** The ends the last finished write covered. */
        private volatile long written;
        /** The database's store, as the last connection found it; null if it has no file (nothing to write). */
        private volatile MVStore store;
        private final AtomicLong writes = new AtomicLong();

        /** Opens a connection with the gate shut, then makes H2 leave the writes to this class again. */
        Connection connect(String jdbcUrl, String user, String password) throws SQLException {
            gate.shut();
            try {
                Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
                try {
                    store = storeOf(connection); // a new one after H2 closed the database with its last connection
                    takeOverWrites();
                    writeNow(); // what H2 may have committed while opening, with the URL's WRITE_DELAY=0
                } catch (SQLException | RuntimeException | Error e) {
                    connection.close();
                    throw e;
                }
                return connection;
            } finally {
                gate.open();
            }
        }

        /**
         * Makes H2 write nothing when a transaction ends: a negative write delay (which only H2's API accepts:
         * SQL clamps it to 0) sends its ends of transactions past the write and starts no background writer;
         * then the only write left is the one when unsaved changes pass {@code autoCommitMemory}, which H2's
         * database sets to 0 (and so writes at every end when the write delay is not 0) and which is raised
         * here past any transaction's size. A write delay set above 0 meanwhile (the migrations' relaxed one,
         * {@link Database#migrate}) is left to H2: its background writer then writes, and no request runs.
         */
        void takeOverWrites() {
            MVStore s = store;
            if (s == null || s.getFileStore() == null || s.getAutoCommitDelay() > 0) {
                return;
            }
            s.setAutoCommitDelay(-1);
            if (s.getAutoCommitMemory() != NO_WRITE_BELOW_BYTES) {
                try {
                    AUTO_COMMIT_MEMORY.setInt(s, NO_WRITE_BELOW_BYTES);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("H2's MVStore.autoCommitMemory cannot be set", e);
                }
            }
        }

        /** Whether this class writes the file (H2's write delay is the negative one {@link #takeOverWrites} set). */
        boolean writesItself() {
            MVStore s = store;
            return s != null && s.getFileStore() != null && s.getAutoCommitDelay() < 0;
        }

        /**
         * Runs an end of a transaction in the gate; when it commits changes ({@code commits}), returns
         * only once a write covers it.
         */
        Object end(Object target, Method method, Object[] args, boolean commits) throws Throwable {
            long mine;
            Object result;
            gate.enter(false);
            try {
                result = call(target, method, args);
                mine = ended.incrementAndGet();
            } finally {
                gate.exit();
            }
            if (commits) {
                Deferred deferred = DEFERRED.get();
                if (deferred != null) {
                    deferred.note(this, mine); // written when the thread's durableOnReturn work returns
                } else {
                    writeCovering(mine);
                }
            }
            return result;
        }

        /** Runs a statement with the gate shut (DDL, settings), then writes what it committed. */
        Object whole(Object target, Method method, Object[] args) throws Throwable {
            gate.shut();
            try {
                Object result = call(target, method, args);
                takeOverWrites(); // a SET WRITE_DELAY 0 hands the writes back to H2
                writeNow();
                return result;
            } finally {
                gate.open();
            }
        }

        /**
         * Runs a statement that may change H2's maps inside a transaction, in the gate: no write of the file
         * begins while it runs. {@code fresh}: its transaction has changed nothing yet (holds no row lock), so
         * it may wait while a write waits for the gate to empty.
         */
        Object statement(Object target, Method method, Object[] args, boolean fresh) throws Throwable {
            gate.enter(fresh);
            try {
                return call(target, method, args);
            } finally {
                gate.exit();
            }
        }

        /**
         * Returns once a write that began after the end numbered {@code end} is done. A write delay set back to
         * 0 meanwhile (a connection opened outside the pool with the URL's {@code WRITE_DELAY=0}) is taken over
         * again here; one above 0 (the migrations') leaves the writes to H2.
         */
        private void writeCovering(long end) throws SQLException {
            MVStore s = store;
            if (written >= end || s == null || s.getFileStore() == null || s.getAutoCommitDelay() > 0) {
                return;
            }
            writing.lock();
            try {
                if (written >= end) {
                    return; // the write this one waited for covered it
                }
                gate.shut();
                try {
                    takeOverWrites();
                    writeNow();
                } finally {
                    gate.open();
                }
            } finally {
                writing.unlock();
            }
        }

        /** Writes what is unsaved, with the gate shut: every statement and end counted so far is whole in it. */
        private void writeNow() throws SQLException {
            long covered = ended.get();
            if (writesItself()) {
                try {
                    store.commit();
                    writes.incrementAndGet();
                } catch (RuntimeException e) {
                    throw new SQLException("H2 could not write the committed transactions to its file", e);
                }
            }
            written = covered;
        }

        /**
         * Rewrites the live pages of the file's sparsest chunks into new ones, so that H2 can free the old
         * chunks (once its retention time has passed): in steps of at most {@code stepBytes} of live pages,
         * each with the gate shut and written at once, until the chunks are {@code targetFillRate} percent
         * full, H2 finds nothing to rewrite, or {@code budget} has passed. Between steps the ends of
         * transactions go on. H2's own housekeeping would do this on its background writer, which never runs
         * here ({@link #takeOverWrites}); without it the file keeps thousands of almost empty chunks
         * (docs/benchmarks.md §4, tenth round).
         */
        StorageCompaction compact(int targetFillRate, int stepBytes, java.time.Duration budget) throws SQLException {
            MVStore s = store;
            if (s == null || s.getFileStore() == null || s.isClosed()) {
                return StorageCompaction.NOTHING;
            }
            int before = s.getFileStore().getChunksFillRate();
            long deadline = System.nanoTime() + budget.toNanos();
            int steps = 0;
            boolean more = true;
            while (more && System.nanoTime() < deadline && s.getFileStore().getChunksFillRate() < targetFillRate) {
                gate.shut();
                try {
                    if (!writesItself()) {
                        break; // H2's background writer is in charge (the migrations' write delay)
                    }
                    try {
                        more = s.compact(targetFillRate, stepBytes);
                    } catch (RuntimeException e) {
                        throw new SQLException("H2 could not rewrite its sparse chunks", e);
                    }
                    writeNow();
                    steps++;
                } finally {
                    gate.open();
                }
            }
            return new StorageCompaction(before, s.getFileStore().getChunksFillRate(), steps,
                    s.getFileStore().size());
        }

        /** The gate (for tests). */
        Gate gate() {
            return gate;
        }

        /** Writes this class made so far (for tests). */
        long writes() {
            return writes.get();
        }

        private static MVStore storeOf(Connection connection) throws SQLException {
            SessionLocal session = sessionOf(connection);
            if (session != null && session.getDatabase().getStore() != null) {
                return session.getDatabase().getStore().getMvStore();
            }
            return null; // a server connection: the server's process writes its file
        }

        private static Field autoCommitMemory() {
            try {
                Field field = MVStore.class.getDeclaredField("autoCommitMemory");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException | RuntimeException e) {
                throw new IllegalStateException("this H2 version's MVStore has no autoCommitMemory: the group "
                        + "commit (GroupCommits) is written for H2 2.5.252", e);
            }
        }
    }

    /** A connection's handler: the ends of its transactions in the gate; writing statements wrapped. */
    private static final class Ending implements InvocationHandler {
        private final Connection connection;
        private final SessionLocal session;
        private final H2File file;

        Ending(Connection connection, SessionLocal session, H2File file) {
            this.connection = connection;
            this.session = session;
            this.file = file;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> {
                    return file.end(connection, method, args, changed(session));
                }
                case "rollback" -> {
                    return file.end(connection, method, args, false);
                }
                case "setAutoCommit" -> {
                    if (Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit()) {
                        return file.end(connection, method, args, changed(session));
                    }
                    return call(connection, method, args);
                }
                case "close", "abort" -> {
                    if (!connection.isClosed() && !connection.getAutoCommit()) {
                        return file.end(connection, method, args, false); // H2 rolls the transaction back
                    }
                    return call(connection, method, args);
                }
                case "prepareStatement", "prepareCall" -> {
                    Object statement = call(connection, method, args);
                    return onlyReads((String) args[0]) ? statement
                            : statement(proxy, (Statement) statement, method.getReturnType(), (String) args[0]);
                }
                case "createStatement" -> {
                    return statement(proxy, (Statement) call(connection, method, args), Statement.class, null);
                }
                case "toString" -> {
                    return "with a group commit: " + connection;
                }
                default -> {
                    Object own = own(proxy, method, args);
                    return own != NOT_OWN ? own : call(connection, method, args);
                }
            }
        }

        private Object statement(Object connectionProxy, Statement statement, Class<?> type, String sql) {
            return Proxy.newProxyInstance(GroupCommits.class.getClassLoader(), new Class<?>[] {type},
                    new Writing(statement, sql, connection, session, (Connection) connectionProxy, file));
        }
    }

    /**
     * A statement that may write. Inside a transaction it runs in the gate. In auto-commit mode it commits: an
     * {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} (a batch of them included) then runs in a
     * transaction of its own, in the gate and ended as any other; any other statement (DDL and settings, which
     * H2 commits at once) runs with the gate shut and the file written after it.
     */
    private static final class Writing implements InvocationHandler {
        private final Statement statement;
        /** The prepared statement's SQL; null for a plain statement, whose SQL comes with each execution. */
        private final String sql;
        private final Connection connection;
        private final SessionLocal session;
        private final Connection connectionProxy;
        private final H2File file;

        Writing(Statement statement, String sql, Connection connection, SessionLocal session,
                Connection connectionProxy, H2File file) {
            this.statement = statement;
            this.sql = sql;
            this.connection = connection;
            this.session = session;
            this.connectionProxy = connectionProxy;
            this.file = file;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String text = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                if (text != null && onlyReads(text)) {
                    return call(statement, method, args);
                }
                if (!connection.getAutoCommit()) {
                    // inside a transaction: in the gate, so that no write of the file sees it half done
                    return file.statement(statement, method, args, !changed(session));
                }
                return text != null && changesRows(text) ? inOwnTransaction(method, args)
                        : file.whole(statement, method, args);
            }
            switch (name) {
                case "getConnection" -> {
                    return connectionProxy;
                }
                case "toString" -> {
                    return statement.toString();
                }
                default -> {
                    Object own = own(proxy, method, args);
                    return own != NOT_OWN ? own : call(statement, method, args);
                }
            }
        }

        /** Runs the auto-commit statement in a transaction of its own and ends that as any other. */
        private Object inOwnTransaction(Method method, Object[] args) throws Throwable {
            connection.setAutoCommit(false); // turning it off ends nothing
            try {
                Object result = file.statement(statement, method, args, true);
                file.end(connection, COMMIT, null, changed(session));
                return result;
            } catch (Throwable failure) {
                // the statement or its commit failed: nothing of it stays
                try {
                    file.end(connection, ROLLBACK, null, false);
                } catch (Throwable alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure;
            } finally {
                connection.setAutoCommit(true); // nothing is pending: this ends nothing
            }
        }
    }

    private static final Method COMMIT = connectionMethod("commit");
    private static final Method ROLLBACK = connectionMethod("rollback");

    private static Method connectionMethod(String name) {
        try {
            return Connection.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("java.sql.Connection has " + name + "()", e);
        }
    }

    /**
     * Who is changing H2's maps of one file right now: writing statements and ends of transactions are in it
     * (any number at once), a write of the file runs with it empty and shut. H2 writes a chunk from each map's
     * root as it finds it, one map after another, so a chunk written while a statement or a commit is half
     * done holds it half done (measured: docs/durability.md).
     * <p>
     * A write waiting for the gate to empty does not shut it to what may hold a row lock another statement in
     * the gate waits for (a statement of a transaction that changed something, an end): those go on, and only
     * statements of transactions that changed nothing yet wait. So the gate empties (every transaction in it
     * reaches its end, and a commit waits for its write outside the gate), and no statement waiting for a row
     * lock in the gate waits for a write that waits for it.
     */
    static final class Gate {
        private int inside;
        private boolean shut;
        private int waitingToShut;
        private int waitingToEnter;
        /** Those waiting to enter that a waiting write does not hold back: it lets them in first. */
        private int admissible;

        /**
         * Enters; {@code fresh}: may be held back while a write waits for the gate to empty. Interrupted while
         * waiting, it fails as JDBC fails (the interrupt kept), not with an exception the caller cannot expect.
         */
        synchronized void enter(boolean fresh) throws SQLException {
            if (!shut && !(fresh && waitingToShut > 0)) {
                inside++;
                return;
            }
            waitingToEnter++;
            if (!fresh) {
                admissible++;
            }
            try {
                while (shut || (fresh && waitingToShut > 0)) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for a write of the H2 file", "HY008", e);
            } finally {
                waitingToEnter--;
                if (!fresh) {
                    admissible--;
                }
            }
            inside++;
        }

        synchronized void exit() {
            inside--;
            if (inside == 0 && waitingToShut > 0) {
                notifyAll();
            }
        }

        /**
         * Waits until nothing is in the gate and nothing it would let in waits to enter (so that the write
         * covers those too: ends that queued while the file was written), and shuts it.
         */
        synchronized void shut() {
            waitingToShut++;
            boolean interrupted = false;
            try {
                while (shut || inside > 0 || admissible > 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // a write must not be given up half way: the commits wait for it
                    }
                }
                shut = true;
            } finally {
                waitingToShut--;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized void open() {
            shut = false;
            notifyAll();
        }

        /** How many are in it (for tests). */
        synchronized int inside() {
            return inside;
        }

        /** How many wait to enter (for tests). */
        synchronized int waitingToEnter() {
            return waitingToEnter;
        }

        /** Whether a write waits for it to empty (for tests). */
        synchronized boolean waitedFor() {
            return waitingToShut > 0;
        }
    }
}
