package com.subscriptionsuite.domain.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * One price point of a charge in one currency (Zuora's ProductRatePlanChargeTier). FlatFee and
 * PerUnit charges have one tier per currency; Tiered and Volume charges several, ordered by
 * starting unit. {@code endingUnit} null means "and above". For discount charges {@code price} is
 * the percentage (DiscountPercentage, e.g. 10 for 10 %) or the amount (DiscountFixedAmount).
 */
public record Tier(
        CurrencyUnit currency,
        BigDecimal startingUnit,
        BigDecimal endingUnit,
        BigDecimal price,
        PriceFormat priceFormat,
        boolean overagePrice) {

    public Tier {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(startingUnit, "startingUnit");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(priceFormat, "priceFormat");
    }

    /** A single per-unit (or flat) price in a currency, for FlatFee / PerUnit / discount charges. */
    public static Tier single(CurrencyUnit currency, BigDecimal price, PriceFormat format) {
        return new Tier(currency, BigDecimal.ZERO, null, price, format, false);
    }

    public boolean unbounded() {
        return endingUnit == null;
    }
}
