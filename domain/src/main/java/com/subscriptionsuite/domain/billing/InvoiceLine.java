package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.pricing.TaxSplit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an invoice: what was charged (or credited, negative) for which subscription and charge,
 * for which service period, with its rounded netto, tax and brutto. {@code serviceEnd} is exclusive.
 */
public record InvoiceLine(String subscriptionNumber, long chargeId, String description, LocalDate serviceStart,
        LocalDate serviceEnd, TaxSplit amounts) {

    public InvoiceLine {
        Objects.requireNonNull(subscriptionNumber, "subscriptionNumber");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(serviceStart, "serviceStart");
        Objects.requireNonNull(serviceEnd, "serviceEnd");
        Objects.requireNonNull(amounts, "amounts");
    }
}
