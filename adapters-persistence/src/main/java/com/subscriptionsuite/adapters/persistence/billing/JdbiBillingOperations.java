package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.billing.BillingOperationDao.OperationRow;
import com.subscriptionsuite.application.port.out.BillingOperations;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link BillingOperations} in {@code billing_operation} (migration {@code V10__billing_boundary}).
 *
 * <p>{@link #begin} runs in a short transaction of its own on a connection of its own and commits
 * before it returns: the record must stand before the first call to the billing system, whatever
 * happens to the unit that follows. Inside a unit of work it is refused (a thread holds one
 * connection at a time, issue 9). It inserts the first start ({@code INSERT ... ON CONFLICT DO
 * NOTHING}) or, when the key is recorded, counts the attempt with {@code attempts = attempts + 1}, so
 * concurrent repeats are all counted (the row lock orders them). Should H2 report two first starts
 * colliding as a unique violation or a lock timeout, the begin is tried again.
 *
 * <p>{@link #finish} goes through {@link Handles}: inside a unit it joins the unit, so the operation
 * is finished exactly when its local effects commit; the finish time comes from the clock. Instants
 * are kept to the microsecond (what both databases store).
 */
public final class JdbiBillingOperations implements BillingOperations {
    private static final int ATTEMPTS = 10;
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private final Jdbi jdbi;
    private final Handles handles;
    private final Clock clock;

    public JdbiBillingOperations(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    /** Finish times are read from {@code clock}. */
    public JdbiBillingOperations(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, BillingOperationDao.class);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void begin(PendingOperation operation) {
        Instant startedAt = operation.startedAt().truncatedTo(ChronoUnit.MICROS);
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                onOwnConnection(handle -> {
                    BillingOperationDao dao = Handles.attach(handle, BillingOperationDao.class);
                    if (dao.start(operation.tenantId(), operation.key(), operation.userId(), operation.kind(),
                            startedAt) == 0 && dao.restart(operation.tenantId(), operation.key()) == 0) {
                        throw new IllegalStateException("operation " + operation.key() + " is neither new nor recorded");
                    }
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (!Handles.uniqueViolation(e) && !H2_LOCK_TIMEOUT.equals(Handles.sqlState(e))) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException("could not record operation " + operation.key() + " in " + ATTEMPTS
                + " attempts", last);
    }

    @Override
    public void finish(long tenantId, String key) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        handles.with(BillingOperationDao.class, dao -> {
            if (Handles.waitingForLock(() -> dao.finish(tenantId, key, at)) == 0
                    && dao.operation(tenantId, key).isEmpty()) {
                throw new IllegalStateException("operation " + key + " of tenant " + tenantId + " was never begun");
            }
            return null;
        });
    }

    @Override
    public Option<PendingOperation> operation(long tenantId, String key) {
        return handles.with(BillingOperationDao.class,
                dao -> Option.ofOptional(dao.operation(tenantId, key)).map(JdbiBillingOperations::operation));
    }

    @Override
    public List<PendingOperation> unfinished(Instant startedBefore) {
        return handles.with(BillingOperationDao.class, dao -> dao.unfinished(startedBefore).stream()
                .map(JdbiBillingOperations::operation).toList());
    }

    private static PendingOperation operation(OperationRow row) {
        return new PendingOperation(row.tenantId(), row.userId(), row.opKey(), row.kind(), row.startedAt(),
                row.attempts(), row.finishedAt() != null);
    }

    /**
     * Runs the work in a transaction on a new handle (Jdbi's {@code open()}), never the unit's handle;
     * refused inside a unit of work, where it would take a second connection.
     */
    private <T> T onOwnConnection(Function<Handle, T> work) {
        if (handles.joined()) {
            throw new IllegalStateException("billing operations begin on their own, before the unit of work that"
                    + " finishes them starts, not inside it");
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(work::apply);
        }
    }
}
