package com.subscriptionsuite.adapters.persistence.identity;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code user_session} table. */
interface SessionDao {

    record SessionRow(String tokenHash, long tenantId, long userId, String kind, Instant issuedAt,
            Instant expiresAt, Instant revokedAt) {
    }

    @SqlUpdate("""
            INSERT INTO user_session (token_hash, tenant_id, user_id, kind, issued_at, expires_at, revoked_at)
            VALUES (:tokenHash, :tenantId, :userId, :kind, :issuedAt, :expiresAt, :revokedAt)
            """)
    void insert(@BindMethods SessionRow row);

    @SqlQuery("""
            SELECT token_hash, tenant_id, user_id, kind, issued_at, expires_at, revoked_at
              FROM user_session
             WHERE token_hash = :tokenHash
            """)
    Optional<SessionRow> byTokenHash(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("""
            UPDATE user_session
               SET revoked_at = :at
             WHERE token_hash = :tokenHash AND revoked_at IS NULL
            """)
    int revoke(@Bind("tokenHash") String tokenHash, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE user_session
               SET revoked_at = :at
             WHERE tenant_id = :tenantId AND user_id = :userId AND revoked_at IS NULL
            """)
    int revokeAllOf(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("at") Instant at);
}
