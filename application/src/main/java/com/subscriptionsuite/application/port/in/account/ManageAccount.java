package com.subscriptionsuite.application.port.in.account;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;

/**
 * The caller's own billing account (seed GET and PUT /account); {@code userId} is the token's user,
 * never a value from the body.
 */
public interface ManageAccount {
    /** The caller's account; {@code account_not_found} before the first checkout. */
    Either<AccountFailure, BillingAccount> show(long tenantId, long userId);

    /**
     * Replaces the account's data with {@code details}, checked whole by the seed's Account rules. A
     * blank currency keeps the account's; another one is refused ({@code account_currency_locked}):
     * the account's currency is fixed by its first checkout, which books subscriptions in it.
     */
    default Either<AccountFailure, BillingAccount> update(long tenantId, long userId, AccountDetails details) {
        return update(tenantId, userId, details, Operation.unkeyed());
    }

    /** {@link #update(long, long, AccountDetails)} as {@code operation} (see {@link Operation}). */
    Either<AccountFailure, BillingAccount> update(long tenantId, long userId, AccountDetails details,
            Operation<BillingAccount> operation);
}
