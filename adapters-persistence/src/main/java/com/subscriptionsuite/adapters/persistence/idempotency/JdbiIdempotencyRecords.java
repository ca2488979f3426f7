package com.subscriptionsuite.adapters.persistence.idempotency;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.idempotency.IdempotencyDao.RecordRow;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link IdempotencyRecords} in the {@code idempotency_record} table (schema {@code V6__ledger}).
 *
 * <h2>Claims</h2>
 * {@link #claim} runs in a short transaction of its own and commits before it returns: a claim must
 * be visible to every other request at once, and must stay when the unit it guards rolls back. It is
 * taken before that unit starts: inside a unit of work it would need a second connection, so there it
 * is refused (issue 9: a thread holds at most one pooled connection). In that transaction it deletes
 * the user's expired records (created before {@code notBefore}; this key's among them), then inserts
 * the claim with {@code INSERT ... ON CONFLICT DO NOTHING}. The primary key (tenant, user, key) makes
 * that atomic on every connection and server instance: of concurrent claims exactly one inserts;
 * the others wait for it to commit (both databases make an insert of a key that an open transaction
 * holds wait), insert nothing and read the winner's record. Two claims racing to replace one expired
 * record both try to delete it; the second waits for the first's row lock, finds the row gone, and
 * conflicts with the first's claim. A claim that finds the key's record vanished in between (it was
 * released) tries again.
 *
 * <h2>Completing and releasing</h2>
 * {@link #complete} goes through {@link Handles}: inside a unit it joins the unit, so the stored
 * response commits with the change it describes, or not at all. {@link #release} commits on its own
 * transaction like a claim, after the unit ended.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {
    /** How often a claim is tried when its key's record keeps vanishing or colliding (releases, races). */
    private static final int ATTEMPTS = 10;
    /** H2's SQL state for "timeout trying to lock"; a claim collision on H2 may surface as this. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private final Jdbi jdbi;
    private final Handles handles;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.handles = new Handles(jdbi);
    }

    @Override
    public Option<IdempotencyRecord> claim(IdempotencyRecord claim, Instant notBefore) {
        RecordRow row = new RecordRow(claim.tenantId(), claim.userId(), claim.key(), claim.fingerprint(),
                claim.createdAt(), null, null);
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Option<IdempotencyRecord>> outcome;
            try {
                outcome = onOwnConnection(handle -> {
                    IdempotencyDao dao = handle.attach(IdempotencyDao.class);
                    dao.deleteExpired(claim.tenantId(), claim.userId(), notBefore);
                    if (dao.insertClaim(row) > 0) {
                        return Optional.of(Option.<IdempotencyRecord>none());
                    }
                    return dao.record(claim.tenantId(), claim.userId(), claim.key())
                            .map(existing -> Option.some(record(existing)));
                });
            } catch (RuntimeException e) {
                if (!Handles.uniqueViolation(e) && !H2_LOCK_TIMEOUT.equals(Handles.sqlState(e))) {
                    throw e;
                }
                last = e;
                continue;
            }
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("could not claim idempotency key " + claim.key() + " of user "
                + claim.userId() + " in " + ATTEMPTS + " attempts", last);
    }

    @Override
    public void complete(long tenantId, long userId, String key, int status, String body) {
        int updated = handles.with(IdempotencyDao.class, dao -> dao.complete(tenantId, userId, key, status, body));
        if (updated == 0) {
            throw new IllegalStateException("key " + key + " was not claimed");
        }
    }

    @Override
    public void release(long tenantId, long userId, String key) {
        onOwnConnection(handle -> handle.attach(IdempotencyDao.class).delete(tenantId, userId, key));
    }

    /**
     * Runs the work in a transaction on a new handle (Jdbi's {@code open()}), never the unit's
     * handle; refused inside a unit of work, where it would take a second connection.
     */
    private <T> T onOwnConnection(Function<Handle, T> work) {
        if (handles.joined()) {
            throw new IllegalStateException("idempotency claims and releases commit on their own: take them before"
                    + " the unit of work starts or after it ends, not inside it");
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(work::apply);
        }
    }

    private static IdempotencyRecord record(RecordRow row) {
        return new IdempotencyRecord(row.tenantId(), row.userId(), row.idemKey(), row.fingerprint(), row.createdAt(),
                row.status(), row.body());
    }
}
