package com.subscriptionsuite.application.port.out;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The store behind {@code Idempotency-Key} (domain-rules §7): per tenant, user and key, the
 * fingerprint of the first request, and once it completed, its response. Records older than the
 * retention are treated as absent.
 *
 * <p>A record in flight is a <em>claim</em>, identified by its stamp ({@code createdAt}): when a
 * request's process dies after claiming a key, a retry takes the claim over ({@link #takeOver}) with
 * a new stamp, and the request that held the old stamp can no longer {@link #complete} or
 * {@link #release} the key. Stamps are kept to the microsecond (what both databases store).
 */
public interface IdempotencyRecords {
    /**
     * Stores {@code claim} (in flight: no response yet) unless a record for its tenant, user and key
     * exists that was created at or after {@code notBefore}; returns that existing record instead
     * (and stores nothing). An older record is replaced by the claim. Atomic against concurrent
     * claims of the same key on every server instance; commits on its own, so it is called outside a
     * unit of work (inside one an implementation on a connection pool refuses it).
     */
    Option<IdempotencyRecord> claim(IdempotencyRecord claim, Instant notBefore);

    /**
     * Gives the key of {@code stale} (a record in flight, as {@link #claim} returned it) to a new
     * request stamped {@code claimedAt}, if the record is still exactly that claim: in flight and
     * stamped {@code stale.createdAt()}. Whether it did; false when the record was completed,
     * released or taken over meanwhile. Of concurrent takeovers of one claim exactly one succeeds, on
     * every server instance. Commits on its own, outside a unit of work.
     */
    boolean takeOver(IdempotencyRecord stale, Instant claimedAt);

    /**
     * Stores the response of {@code claim}'s request if the key is still claimed by it (in flight,
     * stamped {@code claim.createdAt()}); false, storing nothing, when it is not (a retry took the
     * claim over, or nobody claimed the key). Joins the running unit of work when there is one.
     */
    boolean complete(IdempotencyRecord claim, int status, String body);

    /**
     * Removes the key's record if it is still {@code claim}'s (stamped {@code claim.createdAt()}): the
     * request failed without a response worth replaying. Leaves a takeover's claim alone. Commits on
     * its own, outside a unit of work.
     */
    void release(IdempotencyRecord claim);

    /**
     * One key's record; {@code status} and {@code body} are null while the request is in flight.
     * {@code createdAt} is the stamp of the claim of the request that ran (or runs) for the key: the
     * first request's, or the retry's that took the claim over.
     */
    record IdempotencyRecord(long tenantId, long userId, String key, String fingerprint, Instant createdAt,
            Integer status, String body) {
        public IdempotencyRecord {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public boolean completed() {
            return status != null;
        }
    }
}
