package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import java.util.Objects;

/** {@link InvoiceDiscrepancies} on one fresh store, with its identity ports and {@link Transactions}. */
public record InvoiceDiscrepanciesStores(IdentityStores identity, InvoiceDiscrepancies discrepancies,
        Transactions transactions) {
    public InvoiceDiscrepanciesStores {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(discrepancies, "discrepancies");
        Objects.requireNonNull(transactions, "transactions");
    }
}
