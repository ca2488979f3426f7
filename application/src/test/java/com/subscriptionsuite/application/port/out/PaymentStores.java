package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * The payment ports on one fresh, empty store, with the identity ports of that store: a database
 * adapter requires a payment method's user (and its tenant) to exist.
 */
public record PaymentStores(IdentityStores identity, PaymentMethods methods, PaymentPages pages,
        PayPalAgreements payPal, Transactions transactions) {
    public PaymentStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(payPal, "payPal");
        Objects.requireNonNull(transactions, "transactions");
    }
}
