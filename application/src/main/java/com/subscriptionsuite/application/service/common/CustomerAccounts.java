package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.domain.billing.BillingAccount;
import io.vavr.control.Option;

/**
 * How every service that changes a customer's billing state starts its unit of work: the customer's
 * lock first (the engine's own, {@link CustomerLocks}), then the account with a plain read. The lock
 * is taken whether or not the customer has an account yet, so a first checkout waits for another one
 * of the same customer and then sees the account it created; the read after the lock sees everything
 * the previous holder committed.
 */
public final class CustomerAccounts {
    private CustomerAccounts() {
    }

    /** Locks the customer until the running unit of work ends; the customer's account, if any. */
    public static Option<BillingAccount> locked(CustomerLocks locks, LedgerStore billing, long tenantId, long userId) {
        locks.lock(tenantId, userId);
        return billing.accountOfUser(tenantId, userId);
    }
}
