package com.subscriptionsuite.domain.pricing;

import static com.subscriptionsuite.domain.pricing.Charges.EUR;
import static com.subscriptionsuite.domain.pricing.Charges.charge;
import static com.subscriptionsuite.domain.pricing.Charges.d;
import static com.subscriptionsuite.domain.pricing.Charges.monthly;
import static com.subscriptionsuite.domain.pricing.Charges.tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CartPricingTest {
    static final TaxDecision DE_19 = new TaxDecision("DE", d("0.19"), TaxReason.DOMESTIC, "domestic");
    static final TaxDecision REVERSE = new TaxDecision("FR", BigDecimal.ZERO, TaxReason.REVERSE_CHARGE, "rc");

    static RatePlan plan(long id, Charge... charges) {
        return new RatePlan(id, "zp" + id, 1, "plan " + id, "", null, null, List.of(charges));
    }

    static SuiteProductPrice priceOne(TaxDecision tax, long quantity, Charge... charges) {
        return CartPricing.price(List.of(new CartLine(10, quantity, 0, List.of(plan(100, charges)))), EUR, tax)
                .suiteProducts().get(0);
    }

    static void assertAmounts(Amounts a, String netto, String tax, String brutto) {
        assertThat(a.netto().getAmount()).as("netto").isEqualByComparingTo(netto);
        assertThat(a.tax().getAmount()).as("tax").isEqualByComparingTo(tax);
        assertThat(a.brutto().getAmount()).as("brutto").isEqualByComparingTo(brutto);
    }

    @Nested
    class Tax_per_line {
        @ParameterizedTest(name = "{0} {1} at {2}: netto {3}, tax {4}, brutto {5}")
        @CsvSource({
            "TAX_EXCLUSIVE, 29.90, 0.19, 29.90, 5.68, 35.58",
            "TAX_INCLUSIVE, 29.90, 0.19, 25.13, 4.77, 29.90",
            "TAX_EXCLUSIVE, 10.00, 0.255, 10.00, 2.55, 12.55",
            "TAX_INCLUSIVE, 12.55, 0.255, 10.00, 2.55, 12.55",
            "TAX_EXCLUSIVE, 0.05, 0.19, 0.05, 0.01, 0.06",
            "TAX_INCLUSIVE, 100.00, 0, 100.00, 0.00, 100.00",
        })
        void follows_the_exclusive_and_inclusive_formulas(TaxMode mode, String price, String rate, String netto,
                String tax, String brutto) {
            Charge c = charge(1, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.MONTH, mode, true,
                    List.of(tier("0", null, price)));
            TaxDecision decision = new TaxDecision("DE", d(rate), TaxReason.DOMESTIC, "x");
            SuiteProductPrice p = priceOne(decision, 1, c);
            assertAmounts(p.ratePlans().get(0).charges().get(0).amounts(), netto, tax, brutto);
            assertAmounts(p.prices().get(0).amounts(), netto, tax, brutto);
        }

        @Test
        void is_rounded_per_line_and_totals_are_sums_of_rounded_lines() {
            // three lines of 0.13 at 19 %: 0.0247 → 0.02 each, total 0.06 (not round(0.39 × 0.19) = 0.07)
            Charge a = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "0.13")));
            Charge b = monthly(2, ChargeModel.FLAT_FEE, List.of(tier("0", null, "0.13")));
            Charge c = monthly(3, ChargeModel.FLAT_FEE, List.of(tier("0", null, "0.13")));
            SuiteProductPrice p = priceOne(DE_19, 1, a, b, c);
            assertAmounts(p.prices().get(0).amounts(), "0.39", "0.06", "0.45");
        }

        @Test
        void a_non_taxable_charge_carries_no_tax() {
            Charge c = charge(1, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.MONTH,
                    TaxMode.TAX_EXCLUSIVE, false, List.of(tier("0", null, "50")));
            assertAmounts(priceOne(DE_19, 1, c).prices().get(0).amounts(), "50.00", "0.00", "50.00");
        }

        @Test
        void reverse_charge_prices_carry_no_tax() {
            Charge c = monthly(1, ChargeModel.PER_UNIT, List.of(tier("0", null, "12.50")));
            assertAmounts(priceOne(REVERSE, 4, c).prices().get(0).amounts(), "50.00", "0.00", "50.00");
        }
    }

    @ParameterizedTest(name = "{0}: {1} rounds to {2}")
    @CsvSource({"JPY, 99.5, 100", "JPY, 99.4, 99", "KWD, 1.2345, 1.235", "EUR, 0.125, 0.13", "EUR, 0.124, 0.12"})
    void lines_round_half_up_to_the_currency_minor_unit(String currency, String price, String expected) {
        CurrencyUnit cu = CurrencyUnit.of(currency);
        Charge c = new Charge(1, "z", "c", "", ChargeType.RECURRING, ChargeModel.PER_UNIT, BillingPeriod.MONTH, null,
                null, BigDecimal.ONE, null, null, "u", TaxMode.TAX_EXCLUSIVE, false, null, null,
                List.of(new Tier(cu, BigDecimal.ZERO, null, d(price), PriceFormat.PER_UNIT, false)));
        PricePreview p = CartPricing.price(List.of(new CartLine(1, 1, 0, List.of(plan(1, c)))), cu, DE_19);
        Money netto = p.suiteProducts().get(0).prices().get(0).amounts().netto();
        assertThat(netto.getAmount()).isEqualByComparingTo(expected);
        assertThat(netto.getAmount().scale()).isEqualTo(cu.getDecimalPlaces());
    }

    @Nested
    class Discounts {
        final Charge monthly2990 = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "29.90")));

        @Test
        void a_percentage_comes_off_the_net_before_tax_and_keeps_the_original() {
            Charge tenPercent = monthly(9, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "10")));
            SuiteProductPrice p = priceOne(DE_19, 1, monthly2990, tenPercent);
            Amounts line = p.ratePlans().get(0).charges().get(0).amounts();
            assertAmounts(line, "26.91", "5.11", "32.02");
            assertThat(line.originalNetto().getAmount()).isEqualByComparingTo("29.90");
            assertThat(line.originalTax().getAmount()).isEqualByComparingTo("5.68");
            assertThat(line.originalBrutto().getAmount()).isEqualByComparingTo("35.58");
            assertThat(line.discounted()).isTrue();
            assertThat(p.prices().get(0).amounts().discounted()).isTrue();
            Amounts discountLine = p.ratePlans().get(0).charges().get(1).amounts();
            assertAmounts(discountLine, "0", "0", "0");
            assertAmounts(p.prices().get(0).amounts(), "26.91", "5.11", "32.02");
        }

        @Test
        void a_percentage_on_a_tax_inclusive_price_comes_off_the_listed_price() {
            Charge inclusive = charge(1, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.MONTH,
                    TaxMode.TAX_INCLUSIVE, true, List.of(tier("0", null, "119.00")));
            Charge half = monthly(9, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "50")));
            assertAmounts(priceOne(DE_19, 1, inclusive, half).prices().get(0).amounts(), "50.00", "9.50", "59.50");
        }

        @Test
        void a_fixed_amount_is_spread_over_its_period_lines_in_proportion() {
            Charge a = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "10.00")));
            Charge b = monthly(2, ChargeModel.FLAT_FEE, List.of(tier("0", null, "30.00")));
            Charge five = monthly(9, ChargeModel.DISCOUNT_FIXED_AMOUNT, List.of(tier("0", null, "5.00")));
            SuiteProductPrice p = priceOne(DE_19, 1, a, b, five);
            assertThat(p.ratePlans().get(0).charges().get(0).amounts().netto().getAmount()).isEqualByComparingTo("8.75");
            assertThat(p.ratePlans().get(0).charges().get(1).amounts().netto().getAmount()).isEqualByComparingTo("26.25");
            assertThat(p.prices().get(0).amounts().netto().getAmount()).isEqualByComparingTo("35.00");
        }

        @Test
        void a_fixed_amount_that_does_not_divide_evenly_still_adds_up_to_the_cent() {
            Charge a = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "1.00")));
            Charge b = monthly(2, ChargeModel.FLAT_FEE, List.of(tier("0", null, "1.00")));
            Charge c = monthly(3, ChargeModel.FLAT_FEE, List.of(tier("0", null, "1.00")));
            Charge tenCents = monthly(9, ChargeModel.DISCOUNT_FIXED_AMOUNT, List.of(tier("0", null, "0.10")));
            SuiteProductPrice p = priceOne(DE_19, 1, a, b, c, tenCents);
            assertThat(p.prices().get(0).amounts().netto().getAmount()).isEqualByComparingTo("2.90");
            assertThat(p.ratePlans().get(0).charges().stream().limit(3).map(x -> x.amounts().netto().getAmount())
                    .toList()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(d("0.96"), d("0.97"), d("0.97"));
        }

        @Test
        void a_fixed_amount_larger_than_the_lines_takes_them_to_zero_not_below() {
            Charge five = monthly(9, ChargeModel.DISCOUNT_FIXED_AMOUNT, List.of(tier("0", null, "100")));
            assertAmounts(priceOne(DE_19, 1, monthly2990, five).prices().get(0).amounts(), "0.00", "0.00", "0.00");
        }

        @Test
        void a_fixed_amount_leaves_lines_of_other_billing_periods_alone() {
            Charge annual = charge(2, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.ANNUAL,
                    TaxMode.TAX_EXCLUSIVE, true, List.of(tier("0", null, "300")));
            Charge five = monthly(9, ChargeModel.DISCOUNT_FIXED_AMOUNT, List.of(tier("0", null, "5.00")));
            SuiteProductPrice p = priceOne(DE_19, 1, monthly2990, annual, five);
            assertThat(p.prices()).extracting(PeriodPrice::billingPeriod).containsExactly("Month", "Annual");
            assertThat(p.prices().get(0).amounts().netto().getAmount()).isEqualByComparingTo("24.90");
            assertThat(p.prices().get(1).amounts().netto().getAmount()).isEqualByComparingTo("300.00");
            assertThat(p.prices().get(1).amounts().discounted()).isFalse();
        }

        @Test
        void a_discount_for_recurring_charges_leaves_one_time_charges_alone() {
            Charge setup = charge(2, ChargeModel.FLAT_FEE, ChargeType.ONE_TIME, null, TaxMode.TAX_EXCLUSIVE, true,
                    List.of(tier("0", null, "99")));
            Charge tenPercent = monthly(9, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "10")));
            SuiteProductPrice p = priceOne(DE_19, 1, monthly2990, setup, tenPercent);
            assertThat(p.prices().get(0).billingPeriod()).isEqualTo("OneTime");
            assertThat(p.prices().get(0).amounts().netto().getAmount()).isEqualByComparingTo("99.00");
            assertThat(p.prices().get(0).amounts().discounted()).isFalse();
        }

        @Test
        void a_percentage_given_in_one_currency_applies_in_every_currency() {
            CurrencyUnit usd = CurrencyUnit.USD;
            Charge base = new Charge(1, "z", "c", "", ChargeType.RECURRING, ChargeModel.FLAT_FEE, BillingPeriod.MONTH,
                    null, null, BigDecimal.ONE, null, null, "u", TaxMode.TAX_EXCLUSIVE, false, null, null,
                    List.of(new Tier(usd, BigDecimal.ZERO, null, d("50"), PriceFormat.FLAT_FEE, false)));
            Charge tenPercentInEuro = monthly(9, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "10")));
            PricePreview p = CartPricing.price(List.of(new CartLine(1, 1, 0, List.of(plan(1, base, tenPercentInEuro)))),
                    usd, DE_19);
            assertThat(p.suiteProducts().get(0).prices().get(0).amounts().netto().getAmount())
                    .isEqualByComparingTo("45.00");
        }

        @Test
        void a_discount_plan_beside_the_product_plan_reduces_the_product_plan() {
            Charge tenPercent = monthly(9, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "10")));
            CartLine line = new CartLine(1, 1, 0, List.of(plan(1, monthly2990), plan(2, tenPercent)));
            SuiteProductPrice p = CartPricing.price(List.of(line), EUR, DE_19).suiteProducts().get(0);
            assertAmounts(p.ratePlans().get(0).prices().get(0).amounts(), "26.91", "5.11", "32.02");
            assertThat(p.ratePlans().get(1).prices()).isEmpty();
            assertAmounts(p.prices().get(0).amounts(), "26.91", "5.11", "32.02");
        }
    }

    @Test
    void usage_charges_are_listed_with_their_unit_price_and_left_out_of_totals() {
        Charge usage = charge(2, ChargeModel.PER_UNIT, ChargeType.USAGE, BillingPeriod.MONTH, TaxMode.TAX_EXCLUSIVE,
                true, List.of(tier("0", null, "0.002")));
        Charge base = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "10")));
        SuiteProductPrice p = priceOne(DE_19, 1, base, usage);
        ChargePrice usageLine = p.ratePlans().get(0).charges().get(1);
        assertThat(usageLine.usage()).isTrue();
        assertThat(usageLine.unitPrice().getAmount()).isEqualByComparingTo("0.002");
        assertAmounts(p.prices().get(0).amounts(), "10.00", "1.90", "11.90");
    }

    @Test
    void suite_products_come_back_in_order_pos_order_with_periods_one_time_first() {
        Charge setup = charge(2, ChargeModel.FLAT_FEE, ChargeType.ONE_TIME, null, TaxMode.TAX_EXCLUSIVE, true,
                List.of(tier("0", null, "99")));
        Charge annual = charge(3, ChargeModel.FLAT_FEE, ChargeType.RECURRING, BillingPeriod.ANNUAL,
                TaxMode.TAX_EXCLUSIVE, true, List.of(tier("0", null, "300")));
        Charge month = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, "30")));
        PricePreview p = CartPricing.price(List.of(new CartLine(7, 1, 5, List.of(plan(1, annual, month, setup))),
                new CartLine(8, 1, 2, List.of(plan(2, month)))), EUR, DE_19);
        assertThat(p.suiteProducts()).extracting(SuiteProductPrice::id).containsExactly(8L, 7L);
        assertThat(p.suiteProducts().get(1).prices()).extracting(PeriodPrice::billingPeriod)
                .containsExactly("OneTime", "Month", "Annual");
    }

    /** Seeded random carts: lines always add up, at every level (domain-rules §1). */
    @Test
    void random_carts_add_up_at_every_level() {
        Random random = new Random(20261121L);
        ChargeModel[] models = {ChargeModel.FLAT_FEE, ChargeModel.PER_UNIT, ChargeModel.TIERED, ChargeModel.VOLUME,
            ChargeModel.DISCOUNT_PERCENTAGE, ChargeModel.DISCOUNT_FIXED_AMOUNT};
        BillingPeriod[] periods = {BillingPeriod.MONTH, BillingPeriod.ANNUAL, BillingPeriod.QUARTER};
        for (int cart = 0; cart < 500; cart++) {
            List<CartLine> lines = new ArrayList<>();
            for (int l = 0; l < 1 + random.nextInt(4); l++) {
                List<Charge> charges = new ArrayList<>();
                for (int c = 0; c < 1 + random.nextInt(5); c++) {
                    ChargeModel model = models[random.nextInt(models.length)];
                    String price = model == ChargeModel.DISCOUNT_PERCENTAGE ? String.valueOf(1 + random.nextInt(100))
                            : BigDecimal.valueOf(random.nextInt(100000), 3).toPlainString();
                    List<Tier> tiers = model == ChargeModel.TIERED || model == ChargeModel.VOLUME
                            ? List.of(tier("1", "10", price), tier("11", null, "0.377"))
                            : List.of(tier("0", null, price));
                    Charge charge = new Charge(c, "z", "c", "", ChargeType.RECURRING, model,
                            periods[random.nextInt(periods.length)], null, null, BigDecimal.ONE, null, null, "u",
                            random.nextBoolean() ? TaxMode.TAX_EXCLUSIVE : TaxMode.TAX_INCLUSIVE, random.nextBoolean(),
                            null, Set.of(ChargeType.RECURRING), tiers);
                    charges.add(charge);
                }
                lines.add(new CartLine(l, 1 + random.nextInt(30), l, List.of(plan(l, charges.toArray(Charge[]::new)))));
            }
            PricePreview preview = CartPricing.price(lines, EUR, random.nextBoolean() ? DE_19 : REVERSE);
            for (SuiteProductPrice sp : preview.suiteProducts()) {
                for (PeriodPrice total : sp.prices()) {
                    assertAddsUp(total.amounts());
                    Amounts sum = Amounts.zero(EUR);
                    for (RatePlanPrice rp : sp.ratePlans()) {
                        for (PeriodPrice pp : rp.prices()) {
                            assertAddsUp(pp.amounts());
                            if (pp.billingPeriod().equals(total.billingPeriod())) {
                                sum = sum.plus(pp.amounts());
                                Amounts charges = Amounts.zero(EUR);
                                for (ChargePrice ch : rp.charges()) {
                                    assertAddsUp(ch.amounts());
                                    assertThat(ch.amounts().netto().isNegative()).isFalse();
                                    if (ch.billingPeriod().equals(pp.billingPeriod())) {
                                        charges = charges.plus(ch.amounts());
                                    }
                                }
                                assertThat(charges).isEqualTo(pp.amounts());
                            }
                        }
                    }
                    assertThat(sum).isEqualTo(total.amounts());
                }
            }
        }
    }

    private static void assertAddsUp(Amounts a) {
        assertThat(a.netto().plus(a.tax())).isEqualTo(a.brutto());
        assertThat(a.originalNetto().plus(a.originalTax())).isEqualTo(a.originalBrutto());
    }
}
