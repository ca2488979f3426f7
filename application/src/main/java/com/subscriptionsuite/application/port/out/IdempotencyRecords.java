package com.subscriptionsuite.application.port.out;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The store behind {@code Idempotency-Key} (domain-rules §7): per tenant, user and key, the
 * fingerprint of the first request, and once it completed, its response. Records older than the
 * retention are treated as absent.
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

    /** Stores the response of the claimed key. Joins the running unit of work when there is one. */
    void complete(long tenantId, long userId, String key, int status, String body);

    /** Removes the claim (the request failed without a response worth replaying). Commits on its own, outside a unit. */
    void release(long tenantId, long userId, String key);

    /** One key's record; {@code status} and {@code body} are null while the request is in flight. */
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
