package com.subscriptionsuite.application.port.in.account;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
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
    Either<AccountFailure, BillingAccount> update(long tenantId, long userId, AccountDetails details);
}
