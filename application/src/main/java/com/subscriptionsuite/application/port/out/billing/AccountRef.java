package com.subscriptionsuite.application.port.out.billing;

import java.util.Objects;

/**
 * A customer's billing account as the engine links it ({@code AccountLinks}): the customer (a user
 * of a tenant) and the id the billing system gave the account.
 */
public record AccountRef(long tenantId, long userId, String accountId) {
    public AccountRef {
        Objects.requireNonNull(accountId, "accountId");
    }
}
