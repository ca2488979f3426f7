package com.subscriptionsuite.benchmarks;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.pricing.CartLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * A 10-line cart mixing every priced model: FlatFee, PerUnit, Tiered (with a flat-fee tier),
 * Volume, Overage, a one-time setup fee, monthly and annual periods, a tax-inclusive charge, a
 * 10 % discount and a fixed-amount discount.
 */
final class TenCartFixture {
    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private TenCartFixture() {
    }

    private static Tier t(String from, String to, String price, PriceFormat f) {
        return new Tier(EUR, new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(price), f,
                false);
    }

    private static Charge c(long id, ChargeModel model, ChargeType type, BillingPeriod period, TaxMode mode,
            List<Tier> tiers) {
        Set<ChargeType> applies = model.isDiscount() ? Set.of(ChargeType.RECURRING) : Set.of();
        return new Charge(id, "z" + id, "c" + id, "", type, model, period, null, BillingTiming.IN_ADVANCE,
                BigDecimal.ONE, null, null, "unit", mode, true, new BigDecimal("5"), applies, tiers);
    }

    static List<CartLine> cart() {
        PriceFormat unit = PriceFormat.PER_UNIT;
        List<List<Charge>> plans = List.of(
                List.of(c(1, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("0", null, "29.90", unit))),
                        c(2, ChargeModel.FLAT_FEE, ChargeType.ONE_TIME, null, TaxMode.TAX_EXCLUSIVE,
                                List.of(t("0", null, "99.00", unit)))),
                List.of(c(3, ChargeModel.PER_UNIT, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("0", null, "7.49", unit))),
                        c(4, ChargeModel.DISCOUNT_PERCENTAGE, ChargeType.RECURRING, BillingPeriod.MONTH,
                                TaxMode.TAX_EXCLUSIVE, List.of(t("0", null, "10", unit)))),
                List.of(c(5, ChargeModel.TIERED, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("1", "10", "25", PriceFormat.FLAT_FEE), t("11", "100", "2.10", unit),
                                t("101", null, "1.40", unit)))),
                List.of(c(6, ChargeModel.VOLUME, ChargeType.RECURRING, BillingPeriod.ANNUAL, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("1", "1000", "0.10", unit), t("1001", "10000", "0.05", unit),
                                t("10001", null, "0.01", unit)))),
                List.of(c(7, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.ANNUAL, TaxMode.TAX_INCLUSIVE,
                        List.of(t("0", null, "238.00", unit)))),
                List.of(c(8, ChargeModel.OVERAGE, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(new Tier(EUR, BigDecimal.ZERO, null, new BigDecimal("0.25"), unit, true)))),
                List.of(c(9, ChargeModel.PER_UNIT, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("0", null, "3.33", unit))),
                        c(10, ChargeModel.DISCOUNT_FIXED_AMOUNT, ChargeType.RECURRING, BillingPeriod.MONTH,
                                TaxMode.TAX_EXCLUSIVE, List.of(t("0", null, "5.00", unit)))),
                List.of(c(11, ChargeModel.TIERED, ChargeType.RECURRING, BillingPeriod.QUARTER, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("1", "50", "1.00", unit), t("51", null, "0.80", unit)))),
                List.of(c(12, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("0", null, "4.99", unit)))),
                List.of(c(13, ChargeModel.PER_UNIT, ChargeType.RECURRING, BillingPeriod.ANNUAL, TaxMode.TAX_EXCLUSIVE,
                        List.of(t("0", null, "12.00", unit)))));
        long[] quantities = {1, 3, 120, 15000, 1, 140, 7, 75, 1, 12};
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            RatePlan plan = new RatePlan(100 + i, "p" + i, 1, "plan " + i, "", null, null, plans.get(i));
            lines.add(new CartLine(1000 + i, quantities[i], i, List.of(plan)));
        }
        return lines;
    }
}
