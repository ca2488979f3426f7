package com.subscriptionsuite.domain.subscription;

import static com.subscriptionsuite.domain.subscription.Fixtures.EUR;
import static com.subscriptionsuite.domain.subscription.Fixtures.MONTHLY_FROM_JAN_15;
import static com.subscriptionsuite.domain.subscription.Fixtures.d;
import static com.subscriptionsuite.domain.subscription.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeQuoteTest {
    static final TaxDecision DE_19 = new TaxDecision("DE", n("0.19"), TaxReason.DOMESTIC, "domestic");

    static Money eur(String amount) {
        return Money.of(EUR, n(amount));
    }

    static PeriodCharge exclusive(long id, String price) {
        return new PeriodCharge(id, eur(price), TaxMode.TAX_EXCLUSIVE, true);
    }

    static ChangeAllowance allowance(ChangeAction action, ChangeTiming timing, String effective) {
        return new ChangeAllowance(action, timing, d("2023-05-23"), d("2023-05-23"), d(effective), false);
    }

    static ChangeAllowance immediateUpgradeOn(String date) {
        return new ChangeAllowance(ChangeAction.UPGRADE, ChangeTiming.IMMEDIATELY, d(date), d(date), d(date), false);
    }

    static void assertSplit(TaxSplit s, String netto, String tax, String brutto) {
        assertThat(s.netto().getAmount()).as("netto").isEqualByComparingTo(netto);
        assertThat(s.tax().getAmount()).as("tax").isEqualByComparingTo(tax);
        assertThat(s.brutto().getAmount()).as("brutto").isEqualByComparingTo(brutto);
    }

    @Nested
    class An_immediate_change {
        @Test
        void credits_the_unused_old_price_and_charges_the_remaining_new_price() {
            // the worked example of docs/subscription-changes.md
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15,
                    List.of(exclusive(1, "29.90")), List.of(exclusive(2, "49.90")), DE_19, EUR);
            assertThat(q).isInstanceOf(ChangeQuote.Prorated.class);
            ChangeQuote.Prorated p = (ChangeQuote.Prorated) q;
            assertThat(p.proration().period()).isEqualTo(new DateRange(d("2023-05-15"), d("2023-06-15")));
            assertThat(p.factor()).isEqualByComparingTo("0.741935484");
            assertThat(q.effectiveDate()).isEqualTo(d("2023-05-23"));
            assertThat(q.lines()).extracting(QuoteLine::kind, QuoteLine::chargeId)
                    .containsExactly(tuple(QuoteLine.Kind.CREDIT, 1L),
                            tuple(QuoteLine.Kind.CHARGE, 2L));
            assertSplit(q.lines().get(0).amounts(), "-22.18", "-4.21", "-26.39");
            assertSplit(q.lines().get(1).amounts(), "37.02", "7.03", "44.05");
            assertSplit(q.total(), "14.84", "2.82", "17.66");
            assertSplit(q.newPeriodPrice(), "49.90", "9.48", "59.38");
            assertThat(q.nextBillingDate()).isEqualTo(d("2023-06-15"));
        }

        @ParameterizedTest(name = "changed on {0}: factor {1}, credit {2}, charge {3}")
        @CsvSource({
            "2023-05-23, 0.741935484, -22.18, 37.02",
            "2023-06-23, 0.733333333, -21.93, 36.59",
            "2023-02-23, 0.714285714, -21.36, 35.64",
            "2024-02-23, 0.724137931, -21.65, 36.13",
            "2023-05-15, 1.000000000, -29.90, 49.90",
            "2023-06-14, 0.032258065, -0.96,  1.61",
            "2023-06-15, 1.000000000, -29.90, 49.90",
        })
        void prorates_over_the_billing_period_that_contains_the_effective_date(LocalDate on, BigDecimal factor,
                BigDecimal credit, BigDecimal charge) {
            SubscriptionDates dates = new SubscriptionDates(
                    BillingCycle.of(on.getYear() == 2024 ? d("2024-01-15") : d("2023-01-15"),
                            BillingPeriod.MONTH),
                    TermSchedule.termed(d("2023-01-15"), 12, 12));
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn(on.toString()), dates,
                    List.of(exclusive(1, "29.90")), List.of(exclusive(2, "49.90")), DE_19, EUR);
            assertThat(q.lines()).allSatisfy(l -> assertThat(l.factor()).isEqualByComparingTo(factor));
            assertThat(q.lines().get(0).amounts().netto().getAmount()).isEqualByComparingTo(credit);
            assertThat(q.lines().get(1).amounts().netto().getAmount()).isEqualByComparingTo(charge);
        }

        @Test
        void splits_tax_inclusive_prices_from_the_brutto() {
            PeriodCharge inclusive = new PeriodCharge(3, eur("59.50"), TaxMode.TAX_INCLUSIVE, true);
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15, List.of(),
                    List.of(inclusive), DE_19, EUR);
            assertSplit(q.lines().get(0).amounts(), "37.10", "7.05", "44.15");
            assertSplit(q.newPeriodPrice(), "50.00", "9.50", "59.50");
        }

        @Test
        void charges_no_tax_on_a_non_taxable_charge() {
            PeriodCharge untaxed = new PeriodCharge(4, eur("29.90"), TaxMode.TAX_EXCLUSIVE, false);
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15, List.of(untaxed),
                    List.of(), DE_19, EUR);
            assertSplit(q.total(), "-22.18", "0.00", "-22.18");
        }

        @Test
        void totals_the_rounded_lines_not_the_rounded_sum() {
            // three lines of 0.10 × 23/31: 0.0742 → 0.07 each, total 0.21 (not round(0.30 × 0.7419) = 0.22)
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15, List.of(),
                    List.of(exclusive(1, "0.10"), exclusive(2, "0.10"), exclusive(3, "0.10")), DE_19, EUR);
            assertSplit(q.total(), "0.21", "0.03", "0.24");
            TaxSplit sum = TaxSplit.zero(EUR);
            for (QuoteLine l : q.lines()) {
                sum = sum.plus(l.amounts());
            }
            assertThat(q.total()).isEqualTo(sum);
        }

        @Test
        void nets_to_zero_when_the_price_does_not_change() {
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15,
                    List.of(exclusive(1, "19.99")), List.of(exclusive(2, "19.99")), DE_19, EUR);
            assertSplit(q.total(), "0", "0", "0");
        }

        @Test
        void of_a_cancel_only_credits_and_leaves_no_new_price() {
            ChangeQuote q = ChangeQuote.quote(allowance(ChangeAction.CANCEL, ChangeTiming.IMMEDIATELY, "2023-05-23"),
                    MONTHLY_FROM_JAN_15, List.of(exclusive(1, "29.90"), exclusive(5, "5.00")), List.of(), DE_19, EUR);
            assertThat(q.lines()).extracting(QuoteLine::kind).containsOnly(QuoteLine.Kind.CREDIT);
            assertSplit(q.total(), "-25.89", "-4.91", "-30.80");
            assertSplit(q.newPeriodPrice(), "0", "0", "0");
        }

        @Test
        void rounds_to_the_currencys_minor_unit() {
            CurrencyUnit jpy = CurrencyUnit.JPY;
            ChangeQuote q = ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15,
                    List.of(new PeriodCharge(1, Money.of(jpy, n("1000")), TaxMode.TAX_EXCLUSIVE, true)),
                    List.of(new PeriodCharge(2, Money.of(jpy, n("1500")), TaxMode.TAX_EXCLUSIVE, true)),
                    new TaxDecision("JP", n("0.10"), TaxReason.OUTSIDE_SCOPE, "x"), jpy);
            assertSplit(q.lines().get(0).amounts(), "-742", "-74", "-816");
            assertSplit(q.lines().get(1).amounts(), "1113", "111", "1224");
        }
    }

    @Nested
    class A_change_at_a_period_or_term_end {
        @ParameterizedTest(name = "{0} at {1}: effective {2}")
        @CsvSource({
            "UPGRADE,            END_OF_BILLING_PERIOD, 2023-06-15",
            "QUANTITY_DOWNGRADE, END_OF_TERM,           2024-01-15",
        })
        void has_no_lines_and_bills_the_new_price_from_the_effective_date(ChangeAction action, ChangeTiming timing,
                LocalDate effective) {
            ChangeQuote q = ChangeQuote.quote(allowance(action, timing, effective.toString()), MONTHLY_FROM_JAN_15,
                    List.of(exclusive(1, "29.90")), List.of(exclusive(2, "49.90")), DE_19, EUR);
            assertThat(q).isInstanceOf(ChangeQuote.Scheduled.class);
            assertThat(q.lines()).isEmpty();
            assertSplit(q.total(), "0", "0", "0");
            assertThat(q.effectiveDate()).isEqualTo(effective);
            assertThat(q.nextBillingDate()).isEqualTo(effective);
            assertSplit(q.newPeriodPrice(), "49.90", "9.48", "59.38");
        }
    }

    @Nested
    class Refuses {
        @Test
        void prices_in_another_currency() {
            assertThatThrownBy(() -> ChangeQuote.quote(immediateUpgradeOn("2023-05-23"), MONTHLY_FROM_JAN_15,
                    List.of(exclusive(1, "29.90")), List.of(new PeriodCharge(2, Money.of(CurrencyUnit.USD, n("1")),
                            TaxMode.TAX_EXCLUSIVE, true)), DE_19, EUR))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
        }

        @Test
        void new_charges_on_a_cancel() {
            assertThatThrownBy(() -> ChangeQuote.quote(
                    allowance(ChangeAction.CANCEL, ChangeTiming.IMMEDIATELY, "2023-05-23"), MONTHLY_FROM_JAN_15,
                    List.of(exclusive(1, "29.90")), List.of(exclusive(2, "1.00")), DE_19, EUR))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void preview_and_booking_from_the_same_decision_are_equal() {
        SubscriptionDates dates = MONTHLY_FROM_JAN_15;
        ChangeAllowance a = ChangeDecision.decide(ChangeRequest.replace(Fixtures.UPGRADE_OPTION), d("2023-05-23"),
                Fixtures.product(ChangeRules.selfServiceImmediate()), dates,
                Fixtures.settings(false)).getOrElseThrow(r -> new AssertionError(r.message()));
        ChangeQuote preview = ChangeQuote.quote(a, dates, List.of(exclusive(1, "29.90")),
                List.of(exclusive(2, "49.90")), DE_19, EUR);
        ChangeQuote booking = ChangeQuote.quote(a, dates, List.of(exclusive(1, "29.90")),
                List.of(exclusive(2, "49.90")), DE_19, EUR);
        assertThat(booking).isEqualTo(preview);
    }
}
