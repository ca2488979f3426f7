package com.subscriptionsuite.domain.billing;

import static com.subscriptionsuite.domain.billing.BillingFixtures.DE_19;
import static com.subscriptionsuite.domain.billing.BillingFixtures.EUR;
import static com.subscriptionsuite.domain.billing.BillingFixtures.booked;
import static com.subscriptionsuite.domain.billing.BillingFixtures.cancelledOn;
import static com.subscriptionsuite.domain.billing.BillingFixtures.catalog;
import static com.subscriptionsuite.domain.billing.BillingFixtures.charge;
import static com.subscriptionsuite.domain.billing.BillingFixtures.d;
import static com.subscriptionsuite.domain.billing.BillingFixtures.monthly;
import static com.subscriptionsuite.domain.billing.BillingFixtures.plan;
import static com.subscriptionsuite.domain.billing.BillingFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.billing.SubscriptionBilling.Billed;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriptionBillingTest {
    private static final RatePlan MONTHLY_WITH_SETUP = plan(1, monthly(11, "10.00"), setup(12, "20.00"));
    private static final Catalog CATALOG = catalog(MONTHLY_WITH_SETUP);

    private static List<String> periods(Billed billed) {
        return billed.lines().stream().map(l -> l.chargeId() + " " + l.serviceStart() + ".." + l.serviceEnd())
                .toList();
    }

    @Nested
    class On_the_first_day {
        private final Billed first = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2023-01-15")), CATALOG,
                d("2023-01-15"), DE_19);

        @Test
        void bills_the_first_period_in_advance_and_the_one_time_charge() {
            assertThat(periods(first)).containsExactly("11 2023-01-15..2023-02-15", "12 2023-01-15..2023-01-16");
        }

        @Test
        void splits_each_line_by_the_tax_decision() {
            assertThat(first.lines().get(0).amounts().brutto()).isEqualTo(Money.parse("EUR 11.90"));
            assertThat(first.lines().get(1).amounts().tax()).isEqualTo(Money.parse("EUR 3.80"));
        }

        @Test
        void charges_the_subscription_through_the_end_of_the_first_period() {
            assertThat(first.subscription().chargedThroughDate()).isEqualTo(d("2023-02-15"));
            assertThat(first.subscription().version()).isEqualTo(1);
        }

        @Test
        void bills_nothing_when_run_again_the_same_day() {
            Billed again = SubscriptionBilling.due(first.subscription(), CATALOG, d("2023-01-15"), DE_19);

            assertThat(again.lines()).isEmpty();
            assertThat(again.subscription()).isEqualTo(first.subscription());
        }
    }

    @Nested
    class Anchored_on_the_31st {
        private final Subscription start = booked(MONTHLY_WITH_SETUP, d("2023-01-31"));

        @Test
        void bills_each_month_on_its_last_day_when_shorter_and_back_on_the_31st() {
            Subscription s = SubscriptionBilling.due(start, CATALOG, d("2023-01-31"), DE_19).subscription();
            List<String> seen = new ArrayList<>();
            for (String day : List.of("2023-02-27", "2023-02-28", "2023-03-30", "2023-03-31", "2023-04-30")) {
                Billed billed = SubscriptionBilling.due(s, CATALOG, d(day), DE_19);
                seen.addAll(periods(billed).stream().map(p -> day + ": " + p).toList());
                s = billed.subscription();
            }

            assertThat(seen).containsExactly("2023-02-28: 11 2023-02-28..2023-03-31",
                    "2023-03-31: 11 2023-03-31..2023-04-30", "2023-04-30: 11 2023-04-30..2023-05-31");
            assertThat(s.chargedThroughDate()).isEqualTo(d("2023-05-31"));
        }

        @Test
        void catches_up_every_missed_period_in_one_run() {
            Subscription s = SubscriptionBilling.due(start, CATALOG, d("2023-01-31"), DE_19).subscription();

            Billed late = SubscriptionBilling.due(s, CATALOG, d("2023-05-01"), DE_19);

            assertThat(periods(late)).containsExactly("11 2023-02-28..2023-03-31", "11 2023-03-31..2023-04-30",
                    "11 2023-04-30..2023-05-31");
            assertThat(late.subscription().chargedThroughDate()).isEqualTo(d("2023-05-31"));
        }

        @Test
        void uses_29_february_in_a_leap_year() {
            Subscription s = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2024-01-31")), CATALOG,
                    d("2024-01-31"), DE_19).subscription();

            assertThat(periods(SubscriptionBilling.due(s, CATALOG, d("2024-02-29"), DE_19)))
                    .containsExactly("11 2024-02-29..2024-03-31");
        }
    }

    @Nested
    class With_a_booked_cancel {
        @Test
        void bills_no_period_from_the_cancel_date_on() {
            Subscription first = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2023-01-15")), CATALOG,
                    d("2023-01-15"), DE_19).subscription();
            Subscription cancelled = cancelledOn(first, d("2023-03-15"));

            Billed feb = SubscriptionBilling.due(cancelled, CATALOG, d("2023-02-15"), DE_19);
            Billed march = SubscriptionBilling.due(feb.subscription(), CATALOG, d("2023-03-15"), DE_19);

            assertThat(periods(feb)).containsExactly("11 2023-02-15..2023-03-15");
            assertThat(feb.subscription().chargedThroughDate()).isEqualTo(d("2023-03-15"));
            assertThat(march.lines()).isEmpty();
        }

        @Test
        void stops_the_window_at_a_cancel_inside_it_but_bills_the_period_that_started_before() {
            Subscription first = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2023-01-15")), CATALOG,
                    d("2023-01-15"), DE_19).subscription();

            Billed feb = SubscriptionBilling.due(cancelledOn(first, d("2023-02-20")), CATALOG, d("2023-02-15"), DE_19);

            assertThat(periods(feb)).containsExactly("11 2023-02-15..2023-03-15");
            assertThat(feb.subscription().chargedThroughDate()).isEqualTo(d("2023-02-20"));
        }
    }

    @Test
    void bills_an_annual_charge_only_on_its_anniversary_within_monthly_windows() {
        RatePlan mixed = plan(2, monthly(21, "5.00"), charge(22, ChargeType.RECURRING, BillingPeriod.ANNUAL, null,
                BillingTiming.IN_ADVANCE, TaxMode.TAX_EXCLUSIVE, "100.00"));
        Catalog catalog = catalog(mixed);
        Subscription s = booked(mixed, d("2023-01-15"));
        List<String> lines = new ArrayList<>();
        for (LocalDate day = d("2023-01-15"); day.isBefore(d("2024-02-01")); day = day.plusMonths(1)) {
            Billed billed = SubscriptionBilling.due(s, catalog, day, DE_19);
            billed.lines().stream().filter(l -> l.chargeId() == 22)
                    .forEach(l -> lines.add(l.serviceStart() + ".." + l.serviceEnd()));
            s = billed.subscription();
        }

        assertThat(lines).containsExactly("2023-01-15..2024-01-15", "2024-01-15..2025-01-15");
    }

    @Test
    void bills_an_in_arrears_charge_at_the_first_run_after_its_period_ended() {
        RatePlan arrears = plan(3, monthly(31, "5.00"), charge(32, ChargeType.RECURRING, BillingPeriod.SPECIFIC_MONTHS,
                3, BillingTiming.IN_ARREARS, TaxMode.TAX_EXCLUSIVE, "42.00"));
        Catalog catalog = catalog(arrears);
        Subscription s = booked(arrears, d("2023-01-15"));
        List<String> lines = new ArrayList<>();
        for (LocalDate day = d("2023-01-15"); day.isBefore(d("2023-08-01")); day = day.plusMonths(1)) {
            Billed billed = SubscriptionBilling.due(s, catalog, day, DE_19);
            billed.lines().stream().filter(l -> l.chargeId() == 32)
                    .forEach(l -> lines.add(l.serviceStart() + ".." + l.serviceEnd()));
            s = billed.subscription();
        }

        assertThat(lines).containsExactly("2023-01-15..2023-04-15", "2023-04-15..2023-07-15");
    }

    @Test
    void makes_no_line_for_usage_and_discount_charges() {
        RatePlan withUsage = plan(4, monthly(41, "5.00"), charge(42, ChargeType.USAGE, BillingPeriod.MONTH, null,
                BillingTiming.IN_ARREARS, TaxMode.TAX_EXCLUSIVE, "0.10"));

        Billed first = SubscriptionBilling.due(booked(withUsage, d("2023-01-15")), catalog(withUsage),
                d("2023-01-15"), DE_19);

        assertThat(periods(first)).containsExactly("41 2023-01-15..2023-02-15");
    }

    @Test
    void prices_each_period_by_the_segment_in_force_on_its_start() {
        Subscription first = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2023-01-15")), CATALOG,
                d("2023-01-15"), DE_19).subscription();
        SubscribedCharge old = first.charges().get(0);
        SubscribedCharge more = new SubscribedCharge("c9", old.originalId(), old.number(), 2, old.suiteProductId(),
                old.ratePlanId(), old.chargeId(), old.name(), old.type(), old.model(), old.billingPeriod(),
                old.specificBillingPeriod(), old.taxMode(), old.taxable(), old.discount(), 3,
                Money.parse("EUR 30.00"), Money.parse("EUR 30.00"), null, d("2023-03-15"), null);
        Subscription changed = first.amended(List.of(old.endingOn(d("2023-03-15")), more, first.charges().get(1)),
                first.chargedThroughDate(), null);

        Billed run = SubscriptionBilling.due(changed, CATALOG, d("2023-03-20"), DE_19);

        assertThat(run.lines()).extracting(l -> l.serviceStart() + " " + l.amounts().netto())
                .containsExactly("2023-02-15 EUR 10.00", "2023-03-15 EUR 30.00");
    }

    @Test
    void bills_a_one_time_only_subscription_once_and_then_never_again() {
        RatePlan once = plan(5, setup(51, "99.00"));
        Billed first = SubscriptionBilling.due(booked(once, d("2023-01-15")), catalog(once), d("2023-01-15"), DE_19);

        assertThat(periods(first)).containsExactly("51 2023-01-15..2023-01-16");
        assertThat(first.subscription().chargedThroughDate()).isEqualTo(SubscriptionBilling.NOTHING_MORE);
    }

    @Test
    void bills_a_subscription_term_charge_once_per_term() {
        RatePlan perTerm = plan(6, charge(61, ChargeType.RECURRING, BillingPeriod.SUBSCRIPTION_TERM, null,
                BillingTiming.IN_ADVANCE, TaxMode.TAX_EXCLUSIVE, "120.00"));
        Subscription s = booked(perTerm, d("2023-01-15"), TermSchedule.termed(d("2023-01-15"), 6, 6), 1);
        List<String> lines = new ArrayList<>();
        for (LocalDate day = d("2023-01-15"); day.isBefore(d("2024-01-01")); day = day.plusMonths(1)) {
            Billed billed = SubscriptionBilling.due(s, catalog(perTerm), day, DE_19);
            billed.lines().forEach(l -> lines.add(l.serviceStart() + ".." + l.serviceEnd()));
            s = billed.subscription();
        }

        assertThat(lines).containsExactly("2023-01-15..2023-07-15", "2023-07-15..2024-01-15");
    }

    @Test
    void keeps_the_price_s_currency_on_every_line() {
        Billed first = SubscriptionBilling.due(booked(MONTHLY_WITH_SETUP, d("2023-01-15")), CATALOG,
                d("2023-01-15"), DE_19);

        assertThat(first.lines()).allSatisfy(l -> assertThat(l.amounts().currency()).isEqualTo(EUR));
    }

    @Test
    void tells_through_when_each_charge_was_invoiced() {
        RatePlan arrears = plan(3, monthly(31, "5.00"), charge(32, ChargeType.RECURRING, BillingPeriod.SPECIFIC_MONTHS,
                3, BillingTiming.IN_ARREARS, TaxMode.TAX_EXCLUSIVE, "42.00"), setup(33, "1.00"));
        Catalog catalog = catalog(arrears);
        Subscription s = booked(arrears, d("2023-01-15"));
        for (String day : List.of("2023-01-15", "2023-02-15", "2023-03-15", "2023-04-15")) {
            s = SubscriptionBilling.due(s, catalog, d(day), DE_19).subscription();
        }
        Subscription billed = s;

        assertThat(billed.charges()).extracting(c -> SubscriptionBilling.chargedThrough(billed, c,
                SubscriptionBilling.timing(catalog, c)).map(LocalDate::toString).getOrElse("none"))
                .containsExactly("2023-05-15", "2023-04-15", "2023-01-16");
    }
}
