package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link BillingOperations} on one fresh, empty store, with the identity ports of that store (a
 * database operation belongs to an existing user) and its {@link Transactions}.
 */
public record BillingOperationsStores(IdentityStores identity, BillingOperations operations,
        Transactions transactions) {
    public BillingOperationsStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(transactions, "transactions");
    }
}
