package com.subscriptionsuite.application.port.in.change;

import java.util.Objects;

/**
 * A booked withdrawal: what was previewed (recomputed under the customer's lease, equal to the
 * preview of the same day), the billing system's id of what it booked ({@code withdrawalId}: the
 * built-in ledger's amendment, Zuora's deleted order) and the subscription's version after it.
 */
public record WithdrawnChange(PendingWithdrawal withdrawal, String withdrawalId, int subscriptionVersion) {
    public WithdrawnChange {
        Objects.requireNonNull(withdrawal, "withdrawal");
        Objects.requireNonNull(withdrawalId, "withdrawalId");
    }
}
