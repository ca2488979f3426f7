package com.subscriptionsuite.adapters.persistence;

import static com.subscriptionsuite.adapters.persistence.Proxies.NOT_OWN;
import static com.subscriptionsuite.adapters.persistence.Proxies.call;
import static com.subscriptionsuite.adapters.persistence.Proxies.own;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The H2 connections under the pool, each keeping the statements it prepared open for the next use of the
 * same SQL: a closed {@link PreparedStatement} goes back to its connection with its parameters cleared, and
 * the next {@code prepareStatement} of the same text (and the same other arguments) gets it
 * again instead of H2 parsing and planning it anew. The pool above sees ordinary connections.
 * <p>
 * Why not H2's own cache ({@code QUERY_CACHE_SIZE}): the first write to a table in each transaction makes H2
 * walk every query in it to drop results it may hold, whether it holds one or not; with 128 statements that
 * walk cost as much as the parsing the cache saved (docs/benchmarks.md, section 4, eighth round). The
 * connections here are opened with H2's cache off and H2's reuse of a query's last result off
 * ({@link Database#h2File}): nothing holds a result to drop.
 * <p>
 * Kept: at most {@link #PER_CONNECTION} idle statements per connection, the least recently used closed
 * first; one idle statement per text (of two statements of one text in use at once, the one given back
 * last is closed). A statement whose limits were changed while in use (maximum rows, query timeout, fetch
 * size) is closed, not kept. Closing the connection closes its statements. A connection is used by one
 * thread at a time (the pool's), but the pool may close an idle one from another: the idle statements are
 * guarded. {@link H2Connections} opens the pool's connections through here.
 */
final class PreparedStatements {
    /**
     * Idle statements one connection keeps: as many as H2's own cache held per connection before
     * ({@code QUERY_CACHE_SIZE=128}), so memory stays as measured in the soak; a checkout's statements fit.
     */
    static final int PER_CONNECTION = 128;

    private PreparedStatements() {
    }

    /** The connection, keeping the statements prepared on it for their next use. */
    static Connection keeping(Connection connection) {
        return (Connection) Proxy.newProxyInstance(PreparedStatements.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Keeping(connection));
    }

    /** A statement's text and the other arguments it was prepared with. */
    private record Key(String sql, List<Object> arguments) {
    }

    /** A connection's handler: prepares through its idle statements, closes them with it. */
    private static final class Keeping implements InvocationHandler {
        private final Connection connection;
        private final Map<Key, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        Keeping(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    return reused(proxy, key(args), method, args);
                }
                case "close", "abort" -> closeIdle();
                case "toString" -> {
                    return "keeping prepared statements of " + connection;
                }
                default -> {
                }
            }
            Object own = own(proxy, method, args);
            return own != NOT_OWN ? own : call(connection, method, args);
        }

        /**
         * A {@code prepareStatement}'s key: its text and the rest of its arguments (generated keys asked for, or
         * result set type, concurrency and holdability; Jdbi gives type and concurrency).
         */
        private static Key key(Object[] args) {
            List<Object> rest = new ArrayList<>(args.length - 1);
            for (int i = 1; i < args.length; i++) {
                Object arg = args[i];
                rest.add(arg instanceof String[] columns ? Arrays.asList(columns)
                        : arg instanceof int[] columns ? Arrays.stream(columns).boxed().toList() : arg);
            }
            return new Key((String) args[0], rest);
        }

        private Object reused(Object proxy, Key key, Method method, Object[] args) throws Throwable {
            PreparedStatement statement;
            synchronized (idle) {
                statement = idle.remove(key);
            }
            if (statement == null || statement.isClosed()) {
                statement = (PreparedStatement) call(connection, method, args);
            }
            return Proxy.newProxyInstance(PreparedStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new InUse(this, (Connection) proxy, key, statement));
        }

        /** Takes a statement back for its key's next use, or closes it if its key has one or it was changed. */
        void giveBack(Key key, PreparedStatement statement, int[] limits) {
            try {
                ResultSet open = statement.getResultSet();
                if (open != null) {
                    open.close();
                }
                statement.clearParameters();
                statement.clearBatch();
                statement.clearWarnings();
                if (!Arrays.equals(limits, limits(statement)) || connection.isClosed()) {
                    statement.close();
                    return;
                }
            } catch (SQLException e) {
                closeQuietly(statement);
                return;
            }
            PreparedStatement other;
            synchronized (idle) {
                other = idle.putIfAbsent(key, statement);
            }
            if (other != null) {
                closeQuietly(statement);
            }
        }

        private void closeIdle() {
            List<PreparedStatement> statements;
            synchronized (idle) {
                statements = List.copyOf(idle.values());
                idle.clear();
            }
            statements.forEach(PreparedStatements::closeQuietly);
        }
    }

    /** A statement handed out: closing it gives it back to its connection. */
    private static final class InUse implements InvocationHandler {
        private final Keeping owner;
        private final Connection connection;
        private final Key key;
        private final PreparedStatement statement;
        private final int[] limits;
        private boolean closed;

        InUse(Keeping owner, Connection connection, Key key, PreparedStatement statement) throws SQLException {
            this.owner = owner;
            this.connection = connection;
            this.key = key;
            this.statement = statement;
            this.limits = limits(statement);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        owner.giveBack(key, statement, limits);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed || statement.isClosed();
                }
                case "getConnection" -> {
                    return connection;
                }
                case "toString" -> {
                    return statement.toString();
                }
                default -> {
                }
            }
            Object own = own(proxy, method, args);
            if (own != NOT_OWN) {
                return own;
            }
            if (closed) {
                throw new SQLException("the statement is closed", "HY010");
            }
            return call(statement, method, args);
        }
    }

    /** The limits a statement's user may change: maximum rows, query timeout, fetch size. */
    private static int[] limits(PreparedStatement statement) throws SQLException {
        return new int[] {statement.getMaxRows(), statement.getQueryTimeout(), statement.getFetchSize()};
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing what is not used any more; the connection reports its own failures
        }
    }
}
