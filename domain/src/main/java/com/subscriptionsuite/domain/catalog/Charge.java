package com.subscriptionsuite.domain.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * A product rate plan charge (Zuora's ProductRatePlanCharge) with its tiers in every currency it is
 * sold in.
 *
 * @param specificBillingPeriod length for Specific_Months/Weeks/Days periods, else null
 * @param minQuantity           smallest quantity that may be bought, null for no limit
 * @param maxQuantity           largest quantity that may be bought, null for no limit
 * @param includedUnits         units included free (Overage, TieredWithOverage), else zero
 * @param discountAppliesTo     for discount charges: the charge types the discount reduces
 */
public record Charge(
        long id,
        String zuoraId,
        String name,
        String description,
        ChargeType type,
        ChargeModel model,
        BillingPeriod billingPeriod,
        Integer specificBillingPeriod,
        BillingTiming billingTiming,
        BigDecimal defaultQuantity,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        String uom,
        TaxMode taxMode,
        boolean taxable,
        BigDecimal includedUnits,
        Set<ChargeType> discountAppliesTo,
        List<Tier> tiers) {

    public Charge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(taxMode, "taxMode");
        description = description == null ? "" : description;
        includedUnits = includedUnits == null ? BigDecimal.ZERO : includedUnits;
        discountAppliesTo = discountAppliesTo == null ? Set.of() : Set.copyOf(discountAppliesTo);
        tiers = List.copyOf(tiers);
    }

    /** The tiers in one currency, in the order they are stored (ascending starting unit). */
    public List<Tier> tiersIn(CurrencyUnit currency) {
        List<Tier> in = new java.util.ArrayList<>(tiers.size());
        for (Tier t : tiers) {
            if (t.currency().equals(currency)) {
                in.add(t);
            }
        }
        return in;
    }

    public boolean soldIn(CurrencyUnit currency) {
        for (Tier t : tiers) {
            if (t.currency().equals(currency)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label under which this charge's prices are grouped: {@code OneTime} for one-time charges,
     * the billing period's name otherwise, with the length for Specific_* periods
     * ({@code Specific_Months_3}).
     */
    public String periodLabel() {
        if (type == ChargeType.ONE_TIME || billingPeriod == null) {
            return ChargeType.ONE_TIME.wireName();
        }
        if (billingPeriod.needsLength() && specificBillingPeriod != null) {
            return billingPeriod.wireName() + "_" + specificBillingPeriod;
        }
        return billingPeriod.wireName();
    }
}
