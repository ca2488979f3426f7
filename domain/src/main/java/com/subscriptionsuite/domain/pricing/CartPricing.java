package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.money.Rounding;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Prices a resolved cart (domain-rules §1–§3):
 * <ol>
 * <li>each non-discount charge's list amount by its model, rounded once at the line;</li>
 * <li>discount charges of a suite product reduce its other lines whose charge type they apply to
 * (a fixed amount only lines of its own billing period), off the price before tax for
 * tax-exclusive and off the price as listed for tax-inclusive charges; their own lines carry 0;</li>
 * <li>tax per line from the tax decision's rate (0 for non-taxable charges), split by {@link TaxSplit};</li>
 * <li>every total is the sum of its rounded lines, per billing period, at rate-plan and
 * suite-product level.</li>
 * </ol>
 * Usage charges are listed with their unit price and excluded from totals. The caller checks that
 * every charge is priced in the currency.
 */
public final class CartPricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<String> PERIOD_ORDER = Comparator.comparingInt(CartPricing::periodRank)
            .thenComparing(Comparator.naturalOrder());

    private static final BillingPeriod[] PERIODS = BillingPeriod.values(); // values() copies the array each call

    private CartPricing() {
    }

    public static PricePreview price(List<CartLine> lines, CurrencyUnit currency, TaxDecision tax) {
        List<SuiteProductPrice> out = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            out.add(priceLine(line, currency, tax.rate()));
        }
        out.sort(Comparator.comparingInt(SuiteProductPrice::orderPos));
        return new PricePreview(currency, tax, out);
    }

    /** A charge line being priced: the amount as listed, and after the discounts so far. */
    private static final class Work {
        final Charge charge;
        final BigDecimal quantity;
        final Money listed;
        Money current;
        final BigMoney unitPrice;

        Work(Charge charge, BigDecimal quantity, Money listed, BigMoney unitPrice) {
            this.charge = charge;
            this.quantity = quantity;
            this.listed = listed;
            this.current = listed;
            this.unitPrice = unitPrice;
        }

        boolean priced() {
            return unitPrice == null && !charge.model().isDiscount();
        }
    }

    private static SuiteProductPrice priceLine(CartLine line, CurrencyUnit currency, BigDecimal rate) {
        BigDecimal quantity = BigDecimal.valueOf(line.quantity());
        List<List<Work>> plans = new ArrayList<>(line.ratePlans().size());
        List<Work> all = new ArrayList<>();
        for (RatePlan plan : line.ratePlans()) {
            List<Work> works = new ArrayList<>(plan.charges().size());
            for (Charge charge : plan.charges()) {
                Work w = work(charge, currency, quantity);
                works.add(w);
                all.add(w);
            }
            plans.add(works);
        }
        for (Work w : all) {
            if (w.charge.model().isDiscount()) {
                applyDiscount(w.charge, currency, all);
            }
        }
        List<RatePlanPrice> planPrices = new ArrayList<>(plans.size());
        Map<String, Amounts> lineTotals = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            Map<String, Amounts> planTotals = new LinkedHashMap<>();
            List<ChargePrice> charges = new ArrayList<>(plans.get(i).size());
            for (Work w : plans.get(i)) {
                Amounts amounts = w.priced() ? taxed(w, rate) : Amounts.zero(currency);
                String period = w.charge.periodLabel();
                charges.add(new ChargePrice(w.charge.id(), w.quantity, period, amounts, w.unitPrice != null,
                        w.unitPrice));
                if (w.priced()) {
                    planTotals.merge(period, amounts, Amounts::plus);
                    lineTotals.merge(period, amounts, Amounts::plus);
                }
            }
            planPrices.add(new RatePlanPrice(line.ratePlans().get(i).id(), line.quantity(), periods(planTotals),
                    charges));
        }
        return new SuiteProductPrice(line.suiteProductId(), line.quantity(), line.orderPos(), periods(lineTotals),
                planPrices);
    }

    private static Work work(Charge charge, CurrencyUnit currency, BigDecimal quantity) {
        List<Tier> tiers = charge.tiersIn(currency);
        Money zero = Money.zero(currency);
        if (charge.model().isDiscount()) {
            return new Work(charge, BigDecimal.ONE, zero, null);
        }
        if (charge.type() == ChargeType.USAGE) {
            return new Work(charge, BigDecimal.ZERO, zero,
                    BigMoney.of(currency, ChargeAmounts.unitPrice(tiers)));
        }
        BigDecimal chargeQuantity = charge.model().usesQuantity() ? quantity : BigDecimal.ONE;
        Money listed = Rounding.line(currency, ChargeAmounts.listAmount(charge, tiers, quantity));
        return new Work(charge, chargeQuantity, listed, null);
    }

    private static void applyDiscount(Charge discount, CurrencyUnit currency, List<Work> all) {
        List<Work> targets = new ArrayList<>();
        for (Work w : all) {
            if (w.priced() && discount.discountAppliesTo().contains(w.charge.type())
                    && (discount.model() == ChargeModel.DISCOUNT_PERCENTAGE
                            || w.charge.periodLabel().equals(discount.periodLabel()))) {
                targets.add(w);
            }
        }
        // a percentage is the same in every currency; a fixed amount is priced per currency
        List<Tier> tiers = discount.model() == ChargeModel.DISCOUNT_PERCENTAGE ? discount.tiers()
                : discount.tiersIn(currency);
        if (targets.isEmpty() || tiers.isEmpty()) {
            return;
        }
        BigDecimal value = tiers.get(0).price();
        if (discount.model() == ChargeModel.DISCOUNT_PERCENTAGE) {
            BigDecimal fraction = Rounding.divide(value, HUNDRED);
            for (Work w : targets) {
                w.current = w.current.minus(Rounding.line(currency, w.current.getAmount().multiply(fraction)));
            }
        } else {
            allocate(Rounding.line(currency, value), targets, currency);
        }
    }

    /**
     * Spreads a fixed discount over the targets in proportion to their current amounts by the
     * largest-remainder method, in minor units, so the parts add up to the discount exactly and no
     * line goes below zero. A discount larger than the targets' total takes them to zero.
     */
    private static void allocate(Money discount, List<Work> targets, CurrencyUnit currency) {
        long[] amounts = new long[targets.size()];
        long total = 0;
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = targets.get(i).current.getAmountMinorLong();
            total += amounts[i];
        }
        if (total <= 0) {
            return;
        }
        long off = Math.min(discount.getAmountMinorLong(), total);
        long[] parts = new long[amounts.length];
        BigDecimal[] remainders = new BigDecimal[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal exact = BigDecimal.valueOf(off).multiply(BigDecimal.valueOf(amounts[i]))
                    .divide(BigDecimal.valueOf(total), Rounding.FACTOR_SCALE, RoundingMode.HALF_UP);
            parts[i] = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(parts[i]));
            given += parts[i];
        }
        while (given < off) {
            int best = -1;
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] < amounts[i] && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = BigDecimal.ZERO.subtract(BigDecimal.ONE);
            given++;
        }
        for (int i = 0; i < parts.length; i++) {
            Work w = targets.get(i);
            w.current = w.current.minus(Money.ofMinor(currency, parts[i]));
        }
    }

    private static Amounts taxed(Work w, BigDecimal decisionRate) {
        BigDecimal rate = w.charge.taxable() ? decisionRate : BigDecimal.ZERO;
        TaxSplit now = TaxSplit.of(w.current, w.charge.taxMode(), rate);
        TaxSplit before = w.current.isEqual(w.listed) ? now : TaxSplit.of(w.listed, w.charge.taxMode(), rate);
        return new Amounts(now.netto(), now.tax(), now.brutto(), before.netto(), before.tax(), before.brutto());
    }

    private static List<PeriodPrice> periods(Map<String, Amounts> totals) {
        if (totals.size() == 1) { // most plans bill one period: nothing to sort
            Map.Entry<String, Amounts> only = totals.entrySet().iterator().next();
            List<PeriodPrice> out = new ArrayList<>(1);
            out.add(new PeriodPrice(only.getKey(), only.getValue()));
            return out;
        }
        List<PeriodPrice> out = new ArrayList<>(totals.size());
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey(PERIOD_ORDER))
                .forEach(e -> out.add(new PeriodPrice(e.getKey(), e.getValue())));
        return out;
    }

    /** OneTime first, then periods from the shortest (Week) to the longest; Specific_* after. */
    private static int periodRank(String label) {
        if (label.equals(ChargeType.ONE_TIME.wireName())) {
            return -2;
        }
        if (label.equals(BillingPeriod.WEEK.wireName())) {
            return -1;
        }
        for (BillingPeriod p : PERIODS) {
            if (label.equals(p.wireName())) {
                return p.months() > 0 ? p.months() : 100 + p.ordinal();
            }
        }
        return 1000;
    }
}
