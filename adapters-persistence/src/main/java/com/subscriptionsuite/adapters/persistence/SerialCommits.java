package com.subscriptionsuite.adapters.persistence;

import static com.subscriptionsuite.adapters.persistence.Proxies.NOT_OWN;
import static com.subscriptionsuite.adapters.persistence.Proxies.call;
import static com.subscriptionsuite.adapters.persistence.Proxies.own;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The connections to one H2 file database ending their transactions one at a time: a commit, a rollback,
 * a change back to auto-commit, a close with a transaction open, and the end of a statement that writes in
 * auto-commit mode each hold the database's one lock. Statements themselves run concurrently as before;
 * only the ends of transactions wait for each other, and no statement that changes rows waits for a row
 * lock while holding it.
 * <p>
 * Why: with {@code WRITE_DELAY=0} ({@link Database#h2File}) H2 writes a chunk to the file at the end of
 * every transaction, from the thread ending it. A commit first marks its transaction committed in memory
 * and then turns its changed entries, one map after another, into committed ones; a chunk written by
 * another transaction's end in the middle of that holds the transaction half turned. After a crash H2
 * finds the transaction still open and rolls back what is left of it: what was already turned stays.
 * Measured (docs/durability.md): a plain JDBC loop of 16 threads on H2 2.5.252, killed with SIGKILL
 * twenty times, left a half-committed transaction, index entries missing for their rows, or rows whose
 * index entries stayed locked by no transaction, after 3 of 20 kills; with the ends of transactions one
 * at a time, after none of 20. The server's {@code CrashRecoveryIT} saw the same (a retry answered
 * 500 after 30 s of "Concurrent update", or a key's record that was not its own) in about one run in
 * ten before.
 * <p>
 * A statement that only reads ({@code SELECT} without {@code FOR UPDATE} or a sequence's next value)
 * changes nothing and ends nothing, and is not wrapped at all. The lock is one per database file, shared
 * by every pool on it in this JVM, since H2 opens a file once per JVM.
 */
final class SerialCommits {
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private SerialCommits() {
    }

    /** The connection to the H2 database at {@code jdbcUrl}, ending its transactions under the file's lock. */
    static Connection serial(Connection connection, String jdbcUrl) {
        ReentrantLock lock = lockOf(jdbcUrl);
        return (Connection) Proxy.newProxyInstance(SerialCommits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Ending(connection, lock));
    }

    /** The lock of the H2 database at {@code jdbcUrl}: one per file, whatever the URL's settings. */
    static ReentrantLock lockOf(String jdbcUrl) {
        return LOCKS.computeIfAbsent(database(jdbcUrl), d -> new ReentrantLock());
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

    /** A connection's handler: the ends of its transactions under the lock; writing statements wrapped. */
    private static final class Ending implements InvocationHandler {
        private final Connection connection;
        private final ReentrantLock lock;

        Ending(Connection connection, ReentrantLock lock) {
            this.connection = connection;
            this.lock = lock;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arguments = args == null ? 0 : args.length;
            boolean ends = switch (name) {
                case "commit" -> true;
                case "rollback" -> arguments == 0;
                case "setAutoCommit" -> Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit();
                case "close", "abort" -> !connection.isClosed() && !connection.getAutoCommit();
                default -> false;
            };
            if (ends) {
                return locked(lock, connection, method, args);
            }
            switch (name) {
                case "prepareStatement", "prepareCall" -> {
                    Object statement = call(connection, method, args);
                    return onlyReads((String) args[0]) ? statement
                            : statement(proxy, (Statement) statement, method.getReturnType(), (String) args[0]);
                }
                case "createStatement" -> {
                    return statement(proxy, (Statement) call(connection, method, args), Statement.class, null);
                }
                case "toString" -> {
                    return "ending transactions one at a time: " + connection;
                }
                default -> {
                    Object own = own(proxy, method, args);
                    return own != NOT_OWN ? own : call(connection, method, args);
                }
            }
        }

        private Object statement(Object connectionProxy, Statement statement, Class<?> type, String sql) {
            return Proxy.newProxyInstance(SerialCommits.class.getClassLoader(), new Class<?>[] {type},
                    new Writing(statement, sql, connection, (Connection) connectionProxy, lock));
        }
    }

    /**
     * A statement that may write. In auto-commit mode it commits: an {@code INSERT}, {@code UPDATE},
     * {@code DELETE} or {@code MERGE} (a batch of them included) then runs in a transaction of its own, ended
     * under the lock, so that while it waits for a row lock it does not hold the lock the row's holder needs to
     * commit; any other statement (DDL and settings, which H2 commits at once, even inside a transaction) runs
     * under the lock.
     */
    private static final class Writing implements InvocationHandler {
        private final Statement statement;
        /** The prepared statement's SQL; null for a plain statement, whose SQL comes with each execution. */
        private final String sql;
        private final Connection connection;
        private final Connection connectionProxy;
        private final ReentrantLock lock;

        Writing(Statement statement, String sql, Connection connection, Connection connectionProxy,
                ReentrantLock lock) {
            this.statement = statement;
            this.sql = sql;
            this.connection = connection;
            this.connectionProxy = connectionProxy;
            this.lock = lock;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                if (!connection.getAutoCommit()) {
                    return call(statement, method, args); // inside a transaction: its end is what waits
                }
                String text = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                if (text != null && onlyReads(text)) {
                    return call(statement, method, args);
                }
                return text != null && changesRows(text) ? inOwnTransaction(method, args)
                        : locked(lock, statement, method, args);
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

        /** Runs the auto-commit statement in a transaction of its own and ends that under the lock. */
        private Object inOwnTransaction(Method method, Object[] args) throws Throwable {
            connection.setAutoCommit(false); // turning it off ends nothing
            try {
                Object result = call(statement, method, args);
                locked(lock, connection, COMMIT, null);
                return result;
            } catch (Throwable failure) {
                // the statement or its commit failed: nothing of it stays
                try {
                    locked(lock, connection, ROLLBACK, null);
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

    /** Whether a statement is one that changes rows (and only that): it may run in a transaction of its own. */
    static boolean changesRows(String sql) {
        String text = sql.strip().toUpperCase(Locale.ROOT);
        return text.startsWith("INSERT") || text.startsWith("UPDATE") || text.startsWith("DELETE")
                || text.startsWith("MERGE");
    }

    private static Object locked(ReentrantLock lock, Object target, Method method, Object[] args) throws Throwable {
        lock.lock();
        try {
            return call(target, method, args);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rewrites the live pages of the sparsest chunks of the H2 file {@code connection} is on into new ones, so
     * that H2 can free the old chunks once its retention time has passed: in steps of at most {@code stepBytes}
     * of live pages, each under the file's {@code lock} and written at once, until the chunks are
     * {@code targetFillRate} percent full, H2 finds nothing more to rewrite, or {@code budget} has passed.
     * Between steps the ends of transactions go on. H2's own housekeeping would do this on its background
     * writer, which a write delay of 0 never starts; without it the file keeps thousands of almost empty chunks
     * (docs/durability.md, "Disk space"). The lock keeps a step's write from holding another transaction's
     * commit half done, as at every other write of the file.
     */
    static StorageCompaction compact(Connection connection, ReentrantLock lock, int targetFillRate, int stepBytes,
            java.time.Duration budget) throws SQLException {
        MVStore store = storeOf(connection);
        if (store == null || store.isClosed() || store.getFileStore() == null) {
            return StorageCompaction.NOTHING;
        }
        int before = store.getFileStore().getChunksFillRate();
        long deadline = System.nanoTime() + budget.toNanos();
        int steps = 0;
        boolean more = true;
        while (more && System.nanoTime() - deadline < 0
                && store.getFileStore().getChunksFillRate() < targetFillRate) {
            lock.lock();
            try {
                more = store.compact(targetFillRate, stepBytes);
                store.commit();
                steps++;
            } catch (RuntimeException e) {
                throw new SQLException("H2 could not rewrite its sparse chunks", e);
            } finally {
                lock.unlock();
            }
        }
        return new StorageCompaction(before, store.getFileStore().getChunksFillRate(), steps,
                store.getFileStore().size());
    }

    /** The store behind an embedded H2 connection; null for one to a server or in memory without a file. */
    private static MVStore storeOf(Connection connection) throws SQLException {
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().getStore() != null) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }
}
