package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Tier;
import java.math.BigDecimal;
import java.util.List;

/**
 * The exact (unrounded) list amount of a charge for a quantity, per Zuora's charge models
 * (domain-rules §2). Tier bounds: a tier covers the units above the previous tier's ending unit
 * (0 for the first) up to and including its own ending unit, so 1–1,000 / 1,001–10,000 / 10,001+
 * and 0–50 / 51–100 read the same way, and decimal quantities fall into exactly one tier.
 */
public final class ChargeAmounts {
    private ChargeAmounts() {
    }

    /**
     * @param tiers the charge's tiers in the priced currency, ascending (non-empty)
     * @return the amount before discount and tax; zero for discount charges (they act on others)
     */
    public static BigDecimal listAmount(Charge charge, List<Tier> tiers, BigDecimal quantity) {
        return switch (charge.model()) {
            case FLAT_FEE -> tiers.get(0).price();
            case PER_UNIT -> tiers.get(0).price().multiply(quantity);
            case TIERED -> graduated(regular(tiers), quantity);
            case VOLUME -> volume(tiers, quantity);
            case OVERAGE -> overage(charge, tiers, quantity);
            case TIERED_WITH_OVERAGE -> tieredWithOverage(tiers, quantity);
            case DISCOUNT_PERCENTAGE, DISCOUNT_FIXED_AMOUNT -> BigDecimal.ZERO;
        };
    }

    /** The unit price a usage charge is listed with: its first (non-overage) tier's price. */
    public static BigDecimal unitPrice(List<Tier> tiers) {
        for (Tier t : tiers) {
            if (!t.overagePrice()) {
                return t.price();
            }
        }
        return tiers.get(0).price();
    }

    private static List<Tier> regular(List<Tier> tiers) {
        return tiers.stream().filter(t -> !t.overagePrice()).toList();
    }

    /** Each unit priced by the tier it falls in; a FlatFee tier adds its price once if any unit falls in it. */
    static BigDecimal graduated(List<Tier> tiers, BigDecimal quantity) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (Tier t : tiers) {
            if (quantity.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = t.unbounded() ? quantity : t.endingUnit().min(quantity);
            BigDecimal units = upper.subtract(lower);
            if (units.signum() > 0) {
                total = total.add(t.priceFormat() == PriceFormat.FLAT_FEE ? t.price() : t.price().multiply(units));
            }
            if (t.unbounded()) {
                break;
            }
            lower = t.endingUnit();
        }
        return total;
    }

    /** The total quantity picks one tier; all units get its price (or its flat fee). Zero units cost nothing. */
    static BigDecimal volume(List<Tier> tiers, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        Tier chosen = tiers.get(tiers.size() - 1);
        for (Tier t : tiers) {
            if (t.unbounded() || quantity.compareTo(t.endingUnit()) <= 0) {
                chosen = t;
                break;
            }
        }
        return chosen.priceFormat() == PriceFormat.FLAT_FEE ? chosen.price() : chosen.price().multiply(quantity);
    }

    /** Included units are free; the units above them cost the overage price. */
    static BigDecimal overage(Charge charge, List<Tier> tiers, BigDecimal quantity) {
        Tier overage = overageTier(tiers);
        BigDecimal above = quantity.subtract(charge.includedUnits());
        return above.signum() > 0 ? overage.price().multiply(above) : BigDecimal.ZERO;
    }

    /** Graduated tiers up to the last tier's ending unit; units above it at the overage price. */
    static BigDecimal tieredWithOverage(List<Tier> tiers, BigDecimal quantity) {
        List<Tier> regular = regular(tiers);
        BigDecimal top = BigDecimal.ZERO;
        for (Tier t : regular) {
            if (t.unbounded()) {
                return graduated(regular, quantity);
            }
            top = t.endingUnit();
        }
        BigDecimal within = graduated(regular, quantity.min(top));
        BigDecimal above = quantity.subtract(top);
        return above.signum() > 0 ? within.add(overageTier(tiers).price().multiply(above)) : within;
    }

    private static Tier overageTier(List<Tier> tiers) {
        for (Tier t : tiers) {
            if (t.overagePrice()) {
                return t;
            }
        }
        return tiers.get(tiers.size() - 1);
    }
}
