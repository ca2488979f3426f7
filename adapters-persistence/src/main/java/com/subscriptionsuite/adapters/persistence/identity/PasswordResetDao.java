package com.subscriptionsuite.adapters.persistence.identity;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code password_reset} table. */
interface PasswordResetDao {

    record ResetRow(String keyHash, long tenantId, long userId, Instant createdAt, Instant expiresAt,
            Instant usedAt) {
    }

    @SqlUpdate("""
            INSERT INTO password_reset (key_hash, tenant_id, user_id, created_at, expires_at, used_at)
            VALUES (:keyHash, :tenantId, :userId, :createdAt, :expiresAt, :usedAt)
            """)
    void insert(@BindMethods ResetRow row);

    @SqlQuery("""
            SELECT key_hash, tenant_id, user_id, created_at, expires_at, used_at
              FROM password_reset
             WHERE key_hash = :keyHash
            """)
    Optional<ResetRow> byKeyHash(@Bind("keyHash") String keyHash);

    /** Marks the key used if nobody did yet; 1 for the one caller that did, 0 for every other. */
    @SqlUpdate("""
            UPDATE password_reset
               SET used_at = :at
             WHERE key_hash = :keyHash AND used_at IS NULL
            """)
    int use(@Bind("keyHash") String keyHash, @Bind("at") Instant at);
}
