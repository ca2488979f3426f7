package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * {@link Vouchers} on one fresh, empty store, with the identity ports of that store: a database
 * adapter requires a campaign's tenant and a hold's user to exist.
 */
public record VoucherStores(IdentityStores identity, Vouchers vouchers, Transactions transactions) {
    public VoucherStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(vouchers, "vouchers");
        Objects.requireNonNull(transactions, "transactions");
    }
}
