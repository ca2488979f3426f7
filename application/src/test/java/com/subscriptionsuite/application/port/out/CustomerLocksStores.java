package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link CustomerLocks} on one fresh, empty store, with the identity ports of that store (a database
 * lock belongs to an existing user) and its {@link Transactions}.
 */
public record CustomerLocksStores(IdentityStores identity, CustomerLocks locks, Transactions transactions) {
    public CustomerLocksStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(transactions, "transactions");
    }
}
