package com.subscriptionsuite.adapters.persistence;

import com.subscriptionsuite.application.ServerBusy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * How every Jdbi adapter of this module gets its {@link Handle}: the one of the transaction running
 * on this thread, if any, else a new one in a transaction of its own.
 *
 * <p>The binding is Jdbi's own: while a callback of {@code jdbi.withHandle} / {@code inTransaction}
 * runs, Jdbi keeps its handle in the {@link Jdbi#getHandleScope() handle scope} of that
 * {@code Jdbi} instance (per thread), and nested calls on the same thread get that handle back;
 * {@code Handle.inTransaction} on a handle already in a transaction just runs the callback. So a
 * {@link JdbiTransactions} unit, every adapter using {@code Handles}, and adapters calling
 * {@code jdbi.inTransaction} directly (JdbiTenants) all share one connection and one transaction,
 * which commits when the outermost callback returns and rolls back when it throws. Adapters must be
 * built on the same {@code Jdbi} instance ({@link Database#jdbi()}) to join.
 */
public final class Handles {
    /** How long {@link #waitingForLock} waits for a row lock on H2 at most. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** H2's SQL state for "timeout trying to lock" (PostgreSQL's lock_not_available is 55P03). */
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String PG_LOCK_TIMEOUT = "55P03";
    private static final String PG_STATEMENT_TIMEOUT = "57014";
    /** PostgreSQL's deadlock_detected; H2 reports a deadlock as a serialization failure (40001, as PostgreSQL's). */
    private static final String PG_DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private final Jdbi jdbi;
    /** The DAO types {@link #with(Class, Function)} has {@link #prepare prepared} on {@link #jdbi}. */
    private final Set<Class<?>> prepared = ConcurrentHashMap.newKeySet();

    public Handles(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Builds the SqlObject metadata of each DAO type once, in the {@link Jdbi}'s own configuration.
     * <p>
     * Why: every {@link Handle} starts from a copy of the Jdbi's configuration, including its cache of
     * extension metadata, but metadata built while attaching a DAO to a handle
     * ({@code handle.attach(Dao.class)}) is kept in that handle's copy only and dropped with the handle.
     * A DAO never prepared on the Jdbi is therefore analysed again, by reflection over all its methods
     * and annotations, on every handle (every unit of work and every call outside one) that attaches it:
     * the largest single cost of a checkout's server CPU in the profile (docs/benchmarks.md section 4).
     * Prepared here, each new handle's copy already holds it. Idempotent; call it from the adapter's
     * constructor for every DAO type the adapter attaches.
     */
    public static void prepare(Jdbi jdbi, Class<?>... daos) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        HandleSupplier onTheJdbi = new HandleSupplier() {
            @Override
            public Handle getHandle() {
                throw new IllegalStateException("a DAO prepared on the Jdbi runs no statement");
            }

            @Override
            public Jdbi getJdbi() {
                return jdbi;
            }

            @Override
            public ConfigRegistry getConfig() {
                return jdbi.getConfig();
            }

            @Override
            public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
                throw new IllegalStateException("a DAO prepared on the Jdbi runs no statement");
            }
        };
        for (Class<?> dao : daos) {
            // attaching on a supplier that hands out the Jdbi's own configuration builds the metadata there
            extensions.findFor(dao, onTheJdbi).orElseThrow(() -> new IllegalArgumentException(dao
                    + " is no SqlObject type of this Jdbi"));
        }
    }

    /**
     * Runs the work on this thread's transaction handle, or in a new transaction of its own. A statement
     * PostgreSQL stopped for the pool's {@code lock_timeout} (55P03) or {@code statement_timeout} (57014), and
     * a unit the database chose as a deadlock's victim (40P01) or failed for a serialization conflict
     * (40001, also H2's deadlock), are answered as {@link ServerBusy}: the database is too contended to
     * serve the call now, a retry may succeed (503 {@code server_busy}), and the unit rolls back whole.
     */
    public <T> T with(Function<Handle, T> work) {
        try {
            return jdbi.inTransaction(work::apply);
        } catch (ServerBusy busy) {
            throw busy;
        } catch (RuntimeException e) {
            String state = sqlState(e);
            if (PG_LOCK_TIMEOUT.equals(state) || PG_STATEMENT_TIMEOUT.equals(state)) {
                throw new ServerBusy("the database " + (PG_LOCK_TIMEOUT.equals(state)
                        ? "kept a row locked longer than the lock timeout" : "ran a statement past its timeout"),
                        1, e);
            }
            if (PG_DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
                throw new ServerBusy("the database rolled this unit back to break a deadlock or a serialization"
                        + " conflict with another", 1, e);
            }
            throw e;
        }
    }

    /** Like {@link #with}, attaching a SqlObject DAO to the handle. */
    public <D, T> T with(Class<D> dao, Function<D, T> work) {
        if (!prepared.contains(dao)) {
            prepare(jdbi, dao);
            prepared.add(dao);
        }
        return with(handle -> work.apply(attach(handle, dao)));
    }

    /**
     * The DAO for {@code handle}. Every adapter of this module gets its DAOs here, never with
     * {@code handle.attach} (an ArchUnit rule in bootstrap's {@code ArchitectureRules} keeps it so).
     * <p>
     * Attaching a DAO to a handle builds an invoker, with its own copy of the configuration, for every
     * method of the DAO (dozens for the ledger's): after the statement cache, the largest cost left
     * of a checkout's own code (docs/benchmarks.md section 4). So:
     * <ul>
     * <li>on the handle of the unit of work running on this thread (the one in the Jdbi's
     * {@link Jdbi#getHandleScope() handle scope}: every {@link #with} and {@code jdbi.inTransaction}),
     * the DAO is one instance per Jdbi and type, attached once, whose statements run on the handle in
     * that scope when each method is called ({@link ScopeHandle}): the unit's handle, so the same
     * connection and transaction as before, without attaching anything;</li>
     * <li>on any other handle (one an adapter opened with {@code jdbi.open()} for work on a connection
     * of its own), the DAO is attached to that handle, once per handle and thread.</li>
     * </ul>
     * Either way the DAO's configuration is the Jdbi's: no adapter changes a handle's configuration.
     * A DAO of the first kind called outside any unit of work fails ({@link IllegalStateException});
     * none is kept past its unit.
     */
    public static <D> D attach(Handle handle, Class<D> dao) {
        Jdbi jdbi = handle.getJdbi();
        HandleSupplier scope = jdbi.getHandleScope().get();
        if (scope != null && scope.getHandle() == handle) {
            return dao.cast(jdbi.getConfig(ScopeDaos.class).daos.computeIfAbsent(dao,
                    type -> jdbi.getConfig(Extensions.class).findFor(type, new ScopeHandle(jdbi))
                            .orElseThrow(() -> new IllegalArgumentException(type
                                    + " is no SqlObject type of this Jdbi"))));
        }
        Attached last = ATTACHED.get();
        if (last == null || last.handle.get() != handle) {
            last = new Attached(handle);
            ATTACHED.set(last);
        }
        return dao.cast(last.daos.computeIfAbsent(dao, handle::attach));
    }

    /**
     * The DAOs {@link #attach} binds to the handle scope, one per type, kept in the Jdbi's own
     * configuration (so they live as long as the Jdbi): every handle's copy of the configuration
     * shares this one instance, and {@link #attach} reads it from the Jdbi, never from a handle.
     */
    public static final class ScopeDaos implements JdbiConfig<ScopeDaos> {
        private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();

        public ScopeDaos() {
        }

        @Override
        public ScopeDaos createCopy() {
            return this;
        }
    }

    /**
     * The handle of the unit of work running on the calling thread, looked up at each call of a DAO
     * method: what a DAO bound to the handle scope runs its statements on. Jdbi's own supplier of that
     * handle sets the method's configuration on it for the call, as for a DAO attached to the handle.
     */
    private static final class ScopeHandle implements HandleSupplier {
        private final Jdbi jdbi;

        ScopeHandle(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        private HandleSupplier scope() {
            HandleSupplier scope = jdbi.getHandleScope().get();
            if (scope == null) {
                throw new IllegalStateException("a DAO of a unit of work was called outside any unit of work");
            }
            return scope;
        }

        @Override
        public Handle getHandle() {
            return scope().getHandle();
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            HandleSupplier scope = jdbi.getHandleScope().get();
            return scope == null ? jdbi.getConfig() : scope.getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
            return scope().invokeInContext(context, task);
        }

        @Override
        public void close() {
            // the unit's handle belongs to its unit
        }
    }

    /**
     * The DAOs attached to the handle outside the handle scope this thread used last; replaced when the
     * thread works on another such handle (the DAOs refer to their handle, so the last closed handle of
     * a thread stays in memory until then; it holds no connection).
     */
    private static final ThreadLocal<Attached> ATTACHED = new ThreadLocal<>();

    private static final class Attached {
        private final java.lang.ref.WeakReference<Handle> handle;
        private final java.util.Map<Class<?>, Object> daos = new java.util.HashMap<>();

        Attached(Handle handle) {
            this.handle = new java.lang.ref.WeakReference<>(handle);
        }
    }

    /** Whether this thread runs inside a unit of work (a transaction that commits elsewhere). */
    public boolean joined() {
        return jdbi.getHandleScope().get() != null;
    }

    /**
     * Runs a statement that may fail as expected (a unique violation) without spoiling the
     * transaction around it: on failure the handle is rolled back to a savepoint taken before, so
     * the transaction stays usable (PostgreSQL refuses every further statement of a transaction in
     * which one failed, unless it rolls back to a savepoint).
     */
    public static <T> T savepointed(Handle handle, Supplier<T> statement) {
        String savepoint = "sp_" + SAVEPOINTS.incrementAndGet();
        handle.savepoint(savepoint);
        T result;
        try {
            result = statement.get();
        } catch (RuntimeException e) {
            try {
                handle.rollbackToSavepoint(savepoint);
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        handle.releaseSavepoint(savepoint);
        return result;
    }

    /**
     * Runs a statement that takes a row lock ({@code SELECT ... FOR UPDATE}, or an insert that waits
     * for another transaction's row) until it gets the lock. H2 gives up waiting for a row lock after
     * its lock timeout (2 s unless the URL sets {@code LOCK_TIMEOUT}) and fails only that statement,
     * not the transaction: the statement is tried again until {@link #LOCK_WAIT} has passed, so a
     * queue of units on one row waits its turn instead of failing. PostgreSQL waits without a limit
     * unless {@code lock_timeout} is set; its lock failures spoil the transaction and are not retried.
     */
    public static <T> T waitingForLock(Supplier<T> lock) {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return lock.get();
            } catch (RuntimeException e) {
                if (!H2_LOCK_TIMEOUT.equals(sqlState(e)) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
        }
    }

    /** The SQL state of the first {@link SQLException} in the cause chain, "" when there is none. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** Whether the failure is a unique (or primary key) violation: SQL state 23505 on both databases. */
    public static boolean uniqueViolation(Throwable e) {
        return "23505".equals(sqlState(e));
    }
}
