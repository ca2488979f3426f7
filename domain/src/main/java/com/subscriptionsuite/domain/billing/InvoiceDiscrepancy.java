package com.subscriptionsuite.domain.billing;

import java.time.Instant;
import java.util.Objects;
import org.joda.money.Money;

/**
 * A first invoice whose amount before tax differs from what the engine previewed for the same
 * checkout: the billing system priced by a catalog the engine's copy no longer matched (a price
 * changed in Zuora and not yet synced). The checkout was booked all the same; this is what an
 * operator reconciles. {@code operation} is the checkout's operation key, {@code at} when it was
 * booked.
 */
public record InvoiceDiscrepancy(long tenantId, long userId, String operation, String invoiceId,
        String invoiceNumber, Money previewed, Money invoiced, Instant at) {
    public InvoiceDiscrepancy {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(previewed, "previewed");
        Objects.requireNonNull(invoiced, "invoiced");
        Objects.requireNonNull(at, "at");
        if (!previewed.getCurrencyUnit().equals(invoiced.getCurrencyUnit())) {
            throw new IllegalArgumentException("previewed and invoiced in different currencies");
        }
    }

    /** What the billing system invoiced more (negative: less) than the engine previewed. */
    public Money difference() {
        return invoiced.minus(previewed);
    }
}
