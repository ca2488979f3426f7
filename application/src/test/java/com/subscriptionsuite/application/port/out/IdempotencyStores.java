package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link IdempotencyRecords} on one fresh, empty store, with the identity ports of that store: a
 * database adapter requires a record's tenant to exist.
 */
public record IdempotencyStores(IdentityStores identity, IdempotencyRecords records) {
    public IdempotencyStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(records, "records");
    }
}
