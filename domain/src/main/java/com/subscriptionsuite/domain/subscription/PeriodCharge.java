package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.TaxMode;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One recurring charge of a subscription with its price for one full billing period, as the cart
 * prices it (after discounts, rounded), in the charge's tax mode: netto for tax-exclusive, brutto for
 * tax-inclusive charges.
 */
public record PeriodCharge(long chargeId, Money periodPrice, TaxMode taxMode, boolean taxable) {

    public PeriodCharge {
        Objects.requireNonNull(periodPrice, "periodPrice");
        Objects.requireNonNull(taxMode, "taxMode");
    }

    public static PeriodCharge of(Charge charge, Money periodPrice) {
        return new PeriodCharge(charge.id(), periodPrice, charge.taxMode(), charge.taxable());
    }
}
