package com.subscriptionsuite.adapters.persistence.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code idempotency_record} table (schema {@code V6__ledger}). */
interface IdempotencyDao {

    /** {@code status} is null while the request is in flight. */
    record RecordRow(long tenantId, long userId, String idemKey, String fingerprint, Instant createdAt,
            Integer status, String body) {
    }

    /** Removes the user's records created before {@code notBefore} (expired: treated as absent). */
    @SqlUpdate("""
            DELETE FROM idempotency_record
             WHERE tenant_id = :tenantId AND user_id = :userId AND created_at < :notBefore
            """)
    int deleteExpired(@Bind("tenantId") long tenantId, @Bind("userId") long userId,
            @Bind("notBefore") Instant notBefore);

    /** Inserts the claim; 0 when the key has a record (a concurrent claim's once that commits). */
    @SqlUpdate("""
            INSERT INTO idempotency_record (tenant_id, user_id, idem_key, fingerprint, created_at)
            VALUES (:tenantId, :userId, :idemKey, :fingerprint, :createdAt)
            ON CONFLICT DO NOTHING
            """)
    int insertClaim(@BindMethods RecordRow row);

    @SqlQuery("""
            SELECT tenant_id, user_id, idem_key, fingerprint, created_at, status, body
              FROM idempotency_record
             WHERE tenant_id = :tenantId AND user_id = :userId AND idem_key = :key
            """)
    Optional<RecordRow> record(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("key") String key);

    /** Moves the claim stamped {@code stale} (still in flight) to the stamp {@code claimedAt}; 0 when it is not that claim. */
    @SqlUpdate("""
            UPDATE idempotency_record
               SET created_at = :claimedAt
             WHERE tenant_id = :tenantId AND user_id = :userId AND idem_key = :key
               AND created_at = :stale AND status IS NULL
            """)
    int takeOver(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("key") String key,
            @Bind("stale") Instant stale, @Bind("claimedAt") Instant claimedAt);

    /** Stores the response of the claim stamped {@code claimedAt}; 0 when the key is not in flight under it. */
    @SqlUpdate("""
            UPDATE idempotency_record
               SET status = :status, body = :body
             WHERE tenant_id = :tenantId AND user_id = :userId AND idem_key = :key
               AND created_at = :claimedAt AND status IS NULL
            """)
    int complete(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("key") String key,
            @Bind("claimedAt") Instant claimedAt, @Bind("status") int status, @Bind("body") String body);

    /** Removes the record stamped {@code claimedAt}; 0 when the key has none (released, or taken over). */
    @SqlUpdate("""
            DELETE FROM idempotency_record
             WHERE tenant_id = :tenantId AND user_id = :userId AND idem_key = :key AND created_at = :claimedAt
            """)
    int delete(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("key") String key,
            @Bind("claimedAt") Instant claimedAt);
}
