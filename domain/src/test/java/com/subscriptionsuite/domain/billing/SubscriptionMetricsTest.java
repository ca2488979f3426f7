package com.subscriptionsuite.domain.billing;

import static com.subscriptionsuite.domain.billing.BillingFixtures.DE_19;
import static com.subscriptionsuite.domain.billing.BillingFixtures.EUR;
import static com.subscriptionsuite.domain.billing.BillingFixtures.booked;
import static com.subscriptionsuite.domain.billing.BillingFixtures.cancelledOn;
import static com.subscriptionsuite.domain.billing.BillingFixtures.charge;
import static com.subscriptionsuite.domain.billing.BillingFixtures.d;
import static com.subscriptionsuite.domain.billing.BillingFixtures.monthly;
import static com.subscriptionsuite.domain.billing.BillingFixtures.plan;
import static com.subscriptionsuite.domain.billing.BillingFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubscriptionMetricsTest {
    private static final LocalDate START = d("2023-01-15");

    private static Money eur(String amount) {
        return Money.parse("EUR " + amount);
    }

    private static Subscription single(BillingPeriod period, Integer length, TaxMode mode, String price) {
        return booked(plan(1, charge(11, ChargeType.RECURRING, period, length, BillingTiming.IN_ADVANCE, mode, price)),
                START, TermSchedule.termed(START, 12, 12), 1);
    }

    @ParameterizedTest(name = "{0} {1} at {3} ({2}) is {4} a month")
    @CsvSource({
        "MONTH, , TAX_EXCLUSIVE, 10.00, 10.00",
        "QUARTER, , TAX_EXCLUSIVE, 30.00, 10.00",
        "ANNUAL, , TAX_EXCLUSIVE, 100.00, 8.33",
        "SEMI_ANNUAL, , TAX_EXCLUSIVE, 59.99, 10.00",
        "WEEK, , TAX_EXCLUSIVE, 7.00, 30.33",
        "SPECIFIC_WEEKS, 2, TAX_EXCLUSIVE, 14.00, 30.33",
        "SPECIFIC_DAYS, 10, TAX_EXCLUSIVE, 12.00, 36.50",
        "SPECIFIC_MONTHS, 3, TAX_EXCLUSIVE, 42.00, 14.00",
        "SUBSCRIPTION_TERM, , TAX_EXCLUSIVE, 120.00, 10.00",
        "MONTH, , TAX_INCLUSIVE, 11.90, 10.00"
    })
    void normalises_the_net_period_price_to_a_month(BillingPeriod period, Integer length, TaxMode mode, String price,
            String mrr) {
        Subscription s = single(period, length, mode, price);

        assertThat(SubscriptionMetrics.mrr(s, s.charges().get(0), DE_19, START)).isEqualTo(eur(mrr));
    }

    @Test
    void has_no_mrr_for_one_time_charges() {
        Subscription s = booked(plan(1, setup(12, "20.00")), START);

        assertThat(SubscriptionMetrics.mrr(s, s.charges().get(0), DE_19, START)).isEqualTo(eur("0.00"));
    }

    @Test
    void counts_the_whole_current_term_and_one_time_charges_in_the_tcv_of_a_termed_subscription() {
        Subscription s = booked(plan(1, monthly(11, "10.00"), setup(12, "20.00")), START,
                TermSchedule.termed(START, 12, 12), 1);

        assertThat(SubscriptionMetrics.tcv(s, s.charges().get(0), DE_19, d("2023-06-01"))).isEqualTo(eur("120.00"));
        assertThat(SubscriptionMetrics.totalContractedValue(s, EUR, DE_19, d("2023-06-01"))).isEqualTo(eur("140.00"));
        assertThat(SubscriptionMetrics.contractedMrr(s, EUR, DE_19, d("2023-06-01"))).isEqualTo(eur("10.00"));
    }

    @Test
    void counts_from_the_start_to_the_end_of_the_renewal_term_in_the_second_term() {
        Subscription s = booked(plan(1, monthly(11, "10.00")), START, TermSchedule.termed(START, 12, 12), 1);

        assertThat(SubscriptionMetrics.totalContractedValue(s, EUR, DE_19, d("2024-02-01"))).isEqualTo(eur("240.00"));
    }

    @Test
    void counts_twelve_months_of_an_evergreen_subscription_s_mrr() {
        Subscription s = booked(plan(1, monthly(11, "10.00"), setup(12, "20.00")), START);

        assertThat(SubscriptionMetrics.tcv(s, s.charges().get(0), DE_19, d("2025-06-01"))).isEqualTo(eur("120.00"));
        assertThat(SubscriptionMetrics.totalContractedValue(s, EUR, DE_19, d("2025-06-01"))).isEqualTo(eur("140.00"));
    }

    @Test
    void counts_up_to_the_cancel_date_with_a_partial_month_in_actual_days() {
        Subscription s = cancelledOn(booked(plan(1, monthly(11, "10.00")), START, TermSchedule.termed(START, 12, 12),
                1), d("2023-03-20"));

        // 2 months (01-15..03-15) and 5 of March's 31 days (03-15..04-15): 10.00 × 2.161290323 = 21.61
        assertThat(SubscriptionMetrics.totalContractedValue(s, EUR, DE_19, d("2023-02-01"))).isEqualTo(eur("21.61"));
        assertThat(SubscriptionMetrics.contractedMrr(s, EUR, DE_19, d("2023-03-20"))).isEqualTo(eur("0.00"));
        assertThat(SubscriptionMetrics.contractedMrr(s, EUR, DE_19, d("2023-03-19"))).isEqualTo(eur("10.00"));
    }

    @Test
    void counts_months_whole_then_by_the_days_of_the_month_they_fall_in() {
        assertThat(SubscriptionMetrics.months(d("2023-01-15"), d("2023-02-20"))).isEqualByComparingTo("1.178571429");
        assertThat(SubscriptionMetrics.months(d("2023-01-31"), d("2023-02-28"))).isEqualByComparingTo("1");
        assertThat(SubscriptionMetrics.months(d("2023-01-15"), d("2024-01-15"))).isEqualByComparingTo("12");
        assertThat(SubscriptionMetrics.months(d("2023-01-15"), d("2023-01-16"))).isEqualByComparingTo("0.032258065");
    }

    @Test
    void gives_the_delta_against_the_charge_s_previous_segment() {
        Subscription s = booked(plan(1, monthly(11, "10.00")), START, TermSchedule.termed(START, 12, 12), 1);
        SubscribedCharge old = s.charges().get(0);
        SubscribedCharge more = new SubscribedCharge("c9", old.originalId(), old.number(), 2, old.suiteProductId(),
                old.ratePlanId(), old.chargeId(), old.name(), old.type(), old.model(), old.billingPeriod(),
                old.specificBillingPeriod(), old.taxMode(), old.taxable(), old.discount(), 3, eur("30.00"),
                eur("30.00"), null, d("2023-07-15"), null);
        Subscription changed = s.amended(List.of(old.endingOn(d("2023-07-15")), more), s.chargedThroughDate(), null);

        assertThat(SubscriptionMetrics.deltaMrr(changed, more, DE_19, d("2023-08-01"))).isEqualTo(eur("20.00"));
        assertThat(SubscriptionMetrics.deltaMrr(changed, old, DE_19, d("2023-08-01"))).isEqualTo(eur("10.00"));
        // 6 months at 10.00, then 6 months at 30.00
        assertThat(SubscriptionMetrics.tcv(changed, changed.charges().get(0), DE_19, d("2023-08-01")))
                .isEqualTo(eur("60.00"));
        assertThat(SubscriptionMetrics.deltaTcv(changed, more, DE_19, d("2023-08-01"))).isEqualTo(eur("120.00"));
        assertThat(SubscriptionMetrics.totalContractedValue(changed, EUR, DE_19, d("2023-08-01")))
                .isEqualTo(eur("240.00"));
    }

    @Test
    void rounds_the_mrr_once_from_the_exact_net_amount() {
        assertThat(new BigDecimal("100.00").divide(new BigDecimal("12"), 9, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("8.333333333");
        Subscription s = single(BillingPeriod.ANNUAL, null, TaxMode.TAX_EXCLUSIVE, "100.00");

        // 12 × 8.333333333 = 99.999999996 → 100.00, not 12 × 8.33 = 99.96
        assertThat(SubscriptionMetrics.tcv(s, s.charges().get(0), DE_19, START)).isEqualTo(eur("100.00"));
    }
}
