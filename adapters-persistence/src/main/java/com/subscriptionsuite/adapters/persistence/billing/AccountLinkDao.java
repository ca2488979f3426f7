package com.subscriptionsuite.adapters.persistence.billing;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code account_link} table (migration {@code V10__billing_boundary}). */
interface AccountLinkDao {
    @SqlQuery("""
            SELECT account_id
              FROM account_link
             WHERE tenant_id = :tenantId AND user_id = :userId
            """)
    Optional<String> accountOf(@Bind("tenantId") long tenantId, @Bind("userId") long userId);

    /** Links the customer unless it is linked (or another transaction is linking it): 0 then. */
    @SqlUpdate("""
            INSERT INTO account_link (tenant_id, user_id, account_id) VALUES (:tenantId, :userId, :accountId)
            ON CONFLICT DO NOTHING
            """)
    int link(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("accountId") String accountId);
}
