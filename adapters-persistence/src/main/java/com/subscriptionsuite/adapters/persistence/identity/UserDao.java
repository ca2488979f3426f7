package com.subscriptionsuite.adapters.persistence.identity;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code app_user} table. */
interface UserDao {

    /** {@code kind} is the {@code UserKind} name; {@code id} is ignored on insert (generated). */
    record UserRow(long tenantId, long id, String guid, String kind, String email, String passwordHash,
            String crmId, String language, Instant createdAt) {
        UserRow withId(long newId) {
            return new UserRow(tenantId, newId, guid, kind, email, passwordHash, crmId, language, createdAt);
        }
    }

    /** Inserts the user; returns the generated id. */
    @SqlUpdate("""
            INSERT INTO app_user (tenant_id, guid, kind, email, password_hash, crm_id, language, created_at)
            VALUES (:tenantId, :guid, :kind, :email, :passwordHash, :crmId, :language, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods UserRow row);

    @SqlQuery("""
            SELECT tenant_id, id, guid, kind, email, password_hash, crm_id, language, created_at
              FROM app_user
             WHERE tenant_id = :tenantId AND email = :email
            """)
    Optional<UserRow> byEmail(@Bind("tenantId") long tenantId, @Bind("email") String email);

    @SqlQuery("""
            SELECT tenant_id, id, guid, kind, email, password_hash, crm_id, language, created_at
              FROM app_user
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<UserRow> byId(@Bind("tenantId") long tenantId, @Bind("id") long id);

    @SqlUpdate("""
            UPDATE app_user
               SET password_hash = :passwordHash
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int changePassword(@Bind("tenantId") long tenantId, @Bind("id") long id,
            @Bind("passwordHash") String passwordHash);
}
