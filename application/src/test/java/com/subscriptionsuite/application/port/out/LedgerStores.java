package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link LedgerStore} on one fresh, empty store, with the identity ports of that store (a database
 * ledger requires an account's tenant and user to exist) and its {@link Transactions}.
 */
public record LedgerStores(IdentityStores identity, LedgerStore billing, Transactions transactions) {
    public LedgerStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(transactions, "transactions");
    }
}
