package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link AccountLinks} on one fresh, empty store, with the identity ports of that store (a database
 * link belongs to an existing user) and its {@link Transactions}.
 */
public record AccountLinksStores(IdentityStores identity, AccountLinks links, Transactions transactions) {
    public AccountLinksStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(transactions, "transactions");
    }
}
