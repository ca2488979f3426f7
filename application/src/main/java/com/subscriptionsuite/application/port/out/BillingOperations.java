package com.subscriptionsuite.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Operations that call the billing system, recorded before the first call and finished in the unit
 * of work that commits their local effects. An operation found unfinished after its lease is in
 * doubt: the billing system may have booked it while the engine did not. Repeating it with the same
 * operation key repeats its billing commands with the same request keys (so nothing is booked twice)
 * and completes the local part.
 */
public interface BillingOperations {
    /**
     * Records the operation as started (one attempt, unfinished; the given {@code attempts} and
     * {@code finished} are not read), or, if its key was started before in the tenant (a repeat),
     * counts the attempt and keeps what the first start recorded (customer, kind, start time, whether
     * it finished). Concurrent begins of one key are all counted. Commits on its own, outside a unit of
     * work: inside one it is refused with an {@link IllegalStateException}.
     */
    void begin(PendingOperation operation);

    /**
     * Marks the operation finished; joins the running unit of work, so it is finished when the unit
     * commits and not if it rolls back. Finishing a finished operation changes nothing; an operation
     * never begun is a bug ({@link IllegalStateException}).
     */
    void finish(long tenantId, String key);

    /** The operation with this key in the tenant, if one was recorded. */
    io.vavr.control.Option<PendingOperation> operation(long tenantId, String key);

    /**
     * Operations of every tenant started strictly before {@code startedBefore} and not finished, oldest
     * first (then by tenant and key).
     */
    List<PendingOperation> unfinished(Instant startedBefore);

    /**
     * One operation: its key ({@code checkout:<...>}, {@code change:<...>}), the customer, what it
     * does, when it was first started, how many times it was started and whether it finished.
     */
    record PendingOperation(long tenantId, long userId, String key, String kind, Instant startedAt, int attempts,
            boolean finished) {
        public PendingOperation {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }
}
