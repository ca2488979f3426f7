package com.subscriptionsuite.adapters.persistence;

import com.subscriptionsuite.application.ServerBusy;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The pool as the adapters see it, with one rule enforced on every call: <b>a thread holds at most
 * one pooled connection at a time</b>. A thread that asks for a second connection while it holds
 * one gets an {@link IllegalStateException} at once, instead of the pool deadlock it would cause
 * under load (N threads each holding one of N connections and waiting for another: issue 9).
 *
 * <p>The rule is on in production and in every test that opens a {@link Database}, so any code
 * path that breaks it fails the build's integration tests rather than a shop under load. Work that
 * must commit apart from a running unit of work takes its connection before the unit starts or
 * after it ends, never inside it.
 *
 * <p>A pool that stays exhausted for the configured wait is reported as {@link ServerBusy} (the
 * HTTP adapter answers 503 {@code server_busy} with {@code Retry-After}), not as an internal error.
 */
final class OneConnectionPerThread extends ForwardingDataSource {
    private final long retryAfterSeconds;
    /** Thread → the connection it holds. A map, not a ThreadLocal, so a close on another thread still frees it. */
    private final Map<Thread, Connection> holders = new ConcurrentHashMap<>();

    OneConnectionPerThread(DataSource pool, Duration wait) {
        super(pool);
        this.retryAfterSeconds = Math.max(1, wait.toSeconds());
    }

    @Override
    public Connection getConnection() throws SQLException {
        Thread thread = Thread.currentThread();
        if (holders.containsKey(thread)) {
            throw new IllegalStateException("thread " + thread.getName() + " asked the pool for a second connection"
                    + " while it holds one; a request or job must hold at most one connection at a time"
                    + " (take the connection before the unit of work starts or after it ends)");
        }
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new ServerBusy("no database connection became free in time", retryAfterSeconds, e);
        }
        Connection guarded = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Held(connection, thread));
        holders.put(thread, guarded);
        return guarded;
    }

    /** How many threads hold a connection right now (for tests). */
    int held() {
        return holders.size();
    }

    /** Forwards every call to the pooled connection; its first {@code close} frees the thread's slot. */
    private final class Held implements InvocationHandler {
        private final Connection connection;
        private final Thread owner;
        private boolean closed;

        Held(Connection connection, Thread owner) {
            this.connection = connection;
            this.owner = owner;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                synchronized (this) {
                    if (!closed) {
                        closed = true;
                        holders.remove(owner, proxy);
                    }
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
