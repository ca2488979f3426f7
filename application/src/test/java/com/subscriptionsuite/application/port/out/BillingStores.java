package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link Billing} on one fresh, empty store, with the identity ports of that store (a database
 * ledger requires an account's tenant and user to exist) and its {@link Transactions}.
 */
public record BillingStores(IdentityStores identity, Billing billing, Transactions transactions) {
    public BillingStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(transactions, "transactions");
    }
}
