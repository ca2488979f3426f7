package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.TaxMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One segment of one charge of a subscription (Zuora's RatePlanCharge segment): which catalog charge
 * of which rate plan of which suite product, at what quantity and price, from {@code effectiveStart}
 * (inclusive) to {@code effectiveEnd} (exclusive; null while open-ended).
 * <p>
 * {@code periodPrice} is the price booked for one full billing period, after discounts, in the
 * charge's {@code taxMode} (net for tax-exclusive, gross for tax-inclusive charges), rounded at the
 * line. It is locked when booked: a later catalog price change does not alter it, and a credit gives
 * back exactly what was booked. One-time charges carry their one-off price; usage charges carry zero
 * and their {@code unitPrice}.
 * <p>
 * {@code originalId} is the same for every segment of one charge, as in Zuora; {@code segment}
 * counts from 1. A discount rate plan's charges are booked with {@code discount} true and price zero:
 * their effect is already in the prices of the charges they reduce.
 */
public record SubscribedCharge(
        String id,
        String originalId,
        String number,
        int segment,
        long suiteProductId,
        long ratePlanId,
        long chargeId,
        String name,
        ChargeType type,
        String model,
        BillingPeriod billingPeriod,
        Integer specificBillingPeriod,
        TaxMode taxMode,
        boolean taxable,
        boolean discount,
        long quantity,
        Money periodPrice,
        Money listPrice,
        BigDecimal unitPrice,
        LocalDate effectiveStart,
        LocalDate effectiveEnd) {

    public SubscribedCharge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(taxMode, "taxMode");
        Objects.requireNonNull(periodPrice, "periodPrice");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(effectiveStart, "effectiveStart");
        if (segment < 1) {
            throw new IllegalArgumentException("segments count from 1: " + segment);
        }
        if (effectiveEnd != null && effectiveEnd.isBefore(effectiveStart)) {
            throw new IllegalArgumentException("charge " + id + " ends " + effectiveEnd + " before it starts "
                    + effectiveStart);
        }
    }

    /** A recurring charge with a price of its own: not usage, one-time or a discount folded into others. */
    public boolean pricedRecurring() {
        return type == ChargeType.RECURRING && !discount;
    }

    /** Whether the segment is in force on {@code day}: start inclusive, end exclusive. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(effectiveStart) && (effectiveEnd == null || day.isBefore(effectiveEnd));
    }

    /** The same segment ending on {@code end} (exclusive). */
    public SubscribedCharge endingOn(LocalDate end) {
        return new SubscribedCharge(id, originalId, number, segment, suiteProductId, ratePlanId, chargeId, name, type,
                model, billingPeriod, specificBillingPeriod, taxMode, taxable, discount, quantity, periodPrice,
                listPrice, unitPrice, effectiveStart, end);
    }

    /** The same segment under the ids and number the billing system gave it. */
    public SubscribedCharge withIds(String newId, String newOriginalId, String newNumber) {
        return new SubscribedCharge(newId, newOriginalId, newNumber, segment, suiteProductId, ratePlanId, chargeId, name,
                type, model, billingPeriod, specificBillingPeriod, taxMode, taxable, discount, quantity, periodPrice,
                listPrice, unitPrice, effectiveStart, effectiveEnd);
    }
}
