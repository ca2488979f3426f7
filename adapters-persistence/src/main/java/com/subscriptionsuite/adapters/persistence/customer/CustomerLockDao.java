package com.subscriptionsuite.adapters.persistence.customer;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code customer_lock} table (migrations {@code V9__customer_lock}, {@code V10__billing_boundary}). */
interface CustomerLockDao {
    /** The customer's lease: both null when nobody holds it. */
    record LeaseRow(String holder, Instant heldUntil) {
    }

    /** The customer's row, locked until the transaction ends, with the lease it carries; empty without a row. */
    @SqlQuery("""
            SELECT holder, held_until
              FROM customer_lock
             WHERE tenant_id = :tenantId AND user_id = :userId
               FOR UPDATE
            """)
    Optional<LeaseRow> lease(@Bind("tenantId") long tenantId, @Bind("userId") long userId);

    /** Creates the customer's row unless it exists (or another transaction is creating it). */
    @SqlUpdate("""
            INSERT INTO customer_lock (tenant_id, user_id) VALUES (:tenantId, :userId)
            ON CONFLICT DO NOTHING
            """)
    int create(@Bind("tenantId") long tenantId, @Bind("userId") long userId);

    /** Gives the lease to {@code holder} until {@code until} (the caller checked it is free or the holder's). */
    @SqlUpdate("""
            UPDATE customer_lock
               SET holder = :holder, held_until = :until
             WHERE tenant_id = :tenantId AND user_id = :userId
            """)
    int take(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("holder") String holder,
            @Bind("until") Instant until);

    /** Ends the lease if {@code holder} holds it; 0 when another holder (or nobody) does. */
    @SqlUpdate("""
            UPDATE customer_lock
               SET holder = NULL, held_until = NULL
             WHERE tenant_id = :tenantId AND user_id = :userId AND holder = :holder
            """)
    int release(@Bind("tenantId") long tenantId, @Bind("userId") long userId, @Bind("holder") String holder);
}
