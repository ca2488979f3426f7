package com.subscriptionsuite.adapters.persistence.customer;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CustomerLocks} as a row per customer in {@code customer_lock} (migration
 * {@code V9__customer_lock}), selected {@code FOR UPDATE}.
 *
 * <p>The row is created the first time the customer is locked ({@code INSERT ... ON CONFLICT DO
 * NOTHING}), so the lock needs no billing account: two first checkouts of one customer lock the same
 * row. An insert that meets another transaction's uncommitted insert of the row waits for it (and
 * then does nothing), so the row exists for both before either selects it. Both databases keep the
 * row lock until the transaction ends and run at READ COMMITTED, so what a unit reads after the lock
 * includes everything the previous holder committed.
 *
 * <p>Every statement goes through {@link Handles}: inside a {@code JdbiTransactions} unit the lock
 * is taken on the unit's own connection and held until the unit ends; outside one it ends with the
 * call. On H2 a wait longer than H2's lock timeout is retried ({@link Handles#waitingForLock}).
 */
public final class JdbiCustomerLocks implements CustomerLocks {
    private final Handles handles;

    public JdbiCustomerLocks(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void lock(long tenantId, long userId) {
        handles.with(CustomerLockDao.class, dao -> {
            if (Handles.waitingForLock(() -> dao.lock(tenantId, userId)).isEmpty()) {
                Handles.waitingForLock(() -> dao.create(tenantId, userId));
                if (Handles.waitingForLock(() -> dao.lock(tenantId, userId)).isEmpty()) {
                    throw new IllegalStateException("customer " + userId + " of tenant " + tenantId
                            + " has no lock row after creating it");
                }
            }
            return null;
        });
    }
}
