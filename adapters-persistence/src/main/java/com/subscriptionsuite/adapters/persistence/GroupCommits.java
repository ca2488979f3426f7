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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The connections to one H2 file database with a group commit: the ends of transactions never overlap a
 * write of the file, and one write covers every transaction ended before it.
 * <ul>
 * <li>A commit, a rollback (to a savepoint too), a change back to auto-commit, a close with a transaction
 * open, and the end of a statement that writes in auto-commit mode each run under the file's lock shared:
 * any number at once, never while the file is written.</li>
 * <li>H2 itself writes nothing when a transaction ends ({@link H2File#takeOverWrites}). A commit then waits
 * until a write that began after it ended is done: it makes that write itself (under the lock held
 * exclusively: no end is half done) unless a write that covers it is running or has run meanwhile. That one
 * write covers every transaction ended so far.</li>
 * <li>Statements inside a transaction and plain reads take no lock (a single row's change, with its undo
 * entry, is one step of H2's store, which a write sees whole or not at all).</li>
 * <li>DDL and settings, which H2 commits at once, run with the lock held exclusively and the file written
 * after them; new connections open so too (each one applies the URL's {@code WRITE_DELAY=0} again).</li>
 * </ul>
 * <p>
 * Why: with {@code WRITE_DELAY=0} ({@link Database#h2File}) H2 writes a chunk to the file at the end of
 * every transaction, from the thread ending it. A commit first marks its transaction committed in memory
 * and then turns its changed entries, one map after another, into committed ones; a chunk written by
 * another transaction's end in the middle of that holds the transaction half turned. After a crash H2
 * finds the transaction still open and rolls back what is left of it: what was already turned stays.
 * Measured (docs/durability.md): a plain JDBC loop of 16 threads on H2 2.5.252, killed with SIGKILL
 * twenty times, left a half-committed transaction, index entries missing for their rows, or rows whose
 * index entries stayed locked by no transaction, after 3 of 20 kills; with no write during an end, after
 * none of 20. Ending transactions one at a time (this class's first form) made every transaction write
 * a chunk of its own, and a checkout cost 13 ms of server CPU instead of 8 (docs/benchmarks.md §4); the
 * group commit writes about one chunk for all the transactions ended while the one before was written.
 * <p>
 * A committed transaction is visible to others as soon as it is marked, before the write that makes it
 * durable returns; its own commit returns only after that write, as with {@code WRITE_DELAY=0} before.
 * The lock is one per database file, shared by every pool on it in this JVM, since H2 opens a file once per
 * JVM. A connection to the same file opened without this class (not through the pool) commits in memory
 * only, until the pool's next commit or the database's close writes it; if its URL carries
 * {@code WRITE_DELAY=0}, opening it hands the writes back to H2 until the pool's next commit takes them over
 * again, and in that moment a crash could again leave a half-committed transaction (the benchmarks' probe
 * of H2's counters opens its connection without the setting for this reason).
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
     * One H2 file database: the lock its ends of transactions share and its writes hold alone, and how far
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

        /**
         * Fair: a write waits behind the ends queued before it, so that it covers them (unfair, the first end
         * to finish after a write takes the lock again at once, before the others queued have run, and the
         * write covers that one alone), and ends that come while it waits queue for the next write.
         */
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
        /** One writer at a time; the others wait here, then find their transaction written or write. */
        private final ReentrantLock writing = new ReentrantLock();
        /** Ends of transactions so far (each counted under the shared lock, once it is done). */
        private final AtomicLong ended = new AtomicLong();
        /** The ends the last finished write covered. */
        private volatile long written;
        /** The database's store, as the last connection found it; null if it has no file (nothing to write). */
        private volatile MVStore store;
        private final AtomicLong writes = new AtomicLong();

        /** Opens a connection with the lock held alone, then makes H2 leave the writes to this class again. */
        Connection connect(String jdbcUrl, String user, String password) throws SQLException {
            lock.writeLock().lock();
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
                lock.writeLock().unlock();
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
         * Runs an end of a transaction with the lock shared; when it commits changes ({@code commits}), returns
         * only once a write covers it.
         */
        Object end(Object target, Method method, Object[] args, boolean commits) throws Throwable {
            long mine;
            Object result;
            lock.readLock().lock();
            try {
                result = call(target, method, args);
                mine = ended.incrementAndGet();
            } finally {
                lock.readLock().unlock();
            }
            if (commits) {
                writeCovering(mine);
            }
            return result;
        }

        /** Runs a statement with the lock held alone (DDL, settings), then writes what it committed. */
        Object whole(Object target, Method method, Object[] args) throws Throwable {
            lock.writeLock().lock();
            try {
                Object result = call(target, method, args);
                takeOverWrites(); // a SET WRITE_DELAY 0 hands the writes back to H2
                writeNow();
                return result;
            } finally {
                lock.writeLock().unlock();
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
                lock.writeLock().lock();
                try {
                    takeOverWrites();
                    writeNow();
                } finally {
                    lock.writeLock().unlock();
                }
            } finally {
                writing.unlock();
            }
        }

        /** Writes what is unsaved, with the lock held alone: every end counted so far is whole in it. */
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
         * each with the lock held alone and written at once, until the chunks are {@code targetFillRate} percent
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
                lock.writeLock().lock();
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
                    lock.writeLock().unlock();
                }
            }
            return new StorageCompaction(before, s.getFileStore().getChunksFillRate(), steps,
                    s.getFileStore().size());
        }

        /** The lock: shared by ends of transactions, held alone by writes (for tests). */
        ReentrantReadWriteLock lock() {
            return lock;
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

    /** A connection's handler: the ends of its transactions under the shared lock; writing statements wrapped. */
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
     * A statement that may write. In auto-commit mode it commits: an {@code INSERT}, {@code UPDATE},
     * {@code DELETE} or {@code MERGE} (a batch of them included) then runs in a transaction of its own, ended
     * as any other; any other statement (DDL and settings, which H2 commits at once, even inside a transaction)
     * runs with the lock held alone.
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
                if (!connection.getAutoCommit()) {
                    return call(statement, method, args); // inside a transaction: its end is what counts
                }
                String text = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                if (text != null && onlyReads(text)) {
                    return call(statement, method, args);
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
                Object result = call(statement, method, args);
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
}
