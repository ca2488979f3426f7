package com.subscriptionsuite.adapters.persistence.idempotency;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.idempotency.IdempotencyDao.RecordRow;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * <h2>Taking over, completing and releasing</h2>
 * A claim is identified by its stamp ({@code created_at}), kept to the microsecond: every stamp is
 * truncated to microseconds before it is written or compared, as both databases store it.
 * {@link #takeOver} is one conditional {@code UPDATE} (to the new stamp, where the stamp is still
 * the stale one and the record in flight) in a short transaction on its own connection: of
 * concurrent takeovers the first updates the row, the others wait for its row lock and then find
 * the stamp changed (both databases re-check the condition on the row they waited for), so exactly
 * one wins. {@link #complete} is the same kind of update (the response, where the stamp is still the
 * request's own and the record in flight) and goes through {@link Handles}: inside a unit it joins
 * the unit, so the stored response commits with the change it describes, or not at all, and a
 * request whose claim was taken over stores nothing. {@link #release} deletes the record only under
 * the request's own stamp and commits in a transaction of its own like a claim, after the unit ended.
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
        Handles.prepare(jdbi, IdempotencyDao.class);
    }

    @Override
    public Option<IdempotencyRecord> claim(IdempotencyRecord claim, Instant notBefore) {
        RecordRow row = new RecordRow(claim.tenantId(), claim.userId(), claim.key(), claim.fingerprint(),
                stamp(claim.createdAt()), null, null);
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Option<IdempotencyRecord>> outcome;
            try {
                outcome = onOwnConnection(handle -> {
                    IdempotencyDao dao = Handles.attach(handle, IdempotencyDao.class);
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
    public boolean takeOver(IdempotencyRecord stale, Instant claimedAt) {
        try {
            return onOwnConnection(handle -> Handles.attach(handle, IdempotencyDao.class).takeOver(stale.tenantId(),
                    stale.userId(), stale.key(), stamp(stale.createdAt()), stamp(claimedAt))) > 0;
        } catch (RuntimeException e) {
            if (H2_LOCK_TIMEOUT.equals(Handles.sqlState(e))) {
                return false; // the record is locked by its completion or another takeover: not ours
            }
            throw e;
        }
    }

    @Override
    public boolean complete(IdempotencyRecord claim, int status, String body) {
        return handles.with(IdempotencyDao.class, dao -> dao.complete(claim.tenantId(), claim.userId(), claim.key(),
                stamp(claim.createdAt()), status, body)) > 0;
    }

    @Override
    public void release(IdempotencyRecord claim) {
        onOwnConnection(handle -> Handles.attach(handle, IdempotencyDao.class).delete(claim.tenantId(), claim.userId(),
                claim.key(), stamp(claim.createdAt())));
    }

    /** A claim's stamp as both databases keep it: to the microsecond. */
    private static Instant stamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
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
