package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/** Small builders for test charges. */
final class Charges {
    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private Charges() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Tier tier(String from, String to, String price) {
        return new Tier(EUR, d(from), to == null ? null : d(to), d(price), PriceFormat.PER_UNIT, false);
    }

    static Tier flatTier(String from, String to, String price) {
        return new Tier(EUR, d(from), to == null ? null : d(to), d(price), PriceFormat.FLAT_FEE, false);
    }

    static Tier overageTier(String price) {
        return new Tier(EUR, BigDecimal.ZERO, null, d(price), PriceFormat.PER_UNIT, true);
    }

    static Charge charge(long id, ChargeModel model, ChargeType type, BillingPeriod period, TaxMode mode,
            boolean taxable, List<Tier> tiers) {
        return new Charge(id, "z" + id, "charge " + id, "", type, model, period, null, BillingTiming.IN_ADVANCE,
                BigDecimal.ONE, null, null, "unit", mode, taxable, BigDecimal.ZERO,
                model.isDiscount() ? Set.of(ChargeType.RECURRING) : Set.of(), tiers);
    }

    static Charge monthly(long id, ChargeModel model, List<Tier> tiers) {
        return charge(id, model, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE, true, tiers);
    }

    static Charge withIncludedUnits(Charge c, String included) {
        return new Charge(c.id(), c.zuoraId(), c.name(), c.description(), c.type(), c.model(), c.billingPeriod(),
                c.specificBillingPeriod(), c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(),
                c.uom(), c.taxMode(), c.taxable(), d(included), c.discountAppliesTo(), c.tiers());
    }

    static Charge withLimits(Charge c, String min, String max) {
        return new Charge(c.id(), c.zuoraId(), c.name(), c.description(), c.type(), c.model(), c.billingPeriod(),
                c.specificBillingPeriod(), c.billingTiming(), c.defaultQuantity(), min == null ? null : d(min),
                max == null ? null : d(max), c.uom(), c.taxMode(), c.taxable(), c.includedUnits(),
                c.discountAppliesTo(), c.tiers());
    }
}
