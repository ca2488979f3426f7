package com.subscriptionsuite.adapters.persistence.customer;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code customer_lock} table (migration {@code V9__customer_lock}). */
interface CustomerLockDao {
    /**
     * Locks the customer's row until the transaction ends (waits for another transaction's lock);
     * empty when the customer has no row yet.
     */
    @SqlQuery("""
            SELECT user_id
              FROM customer_lock
             WHERE tenant_id = :tenantId AND user_id = :userId
               FOR UPDATE
            """)
    Optional<Long> lock(@Bind("tenantId") long tenantId, @Bind("userId") long userId);

    /** Creates the customer's row unless it exists (or another transaction is creating it). */
    @SqlUpdate("""
            INSERT INTO customer_lock (tenant_id, user_id) VALUES (:tenantId, :userId)
            ON CONFLICT DO NOTHING
            """)
    int create(@Bind("tenantId") long tenantId, @Bind("userId") long userId);
}
