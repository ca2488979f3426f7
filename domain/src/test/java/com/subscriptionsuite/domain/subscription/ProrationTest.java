package com.subscriptionsuite.domain.subscription;

import static com.subscriptionsuite.domain.subscription.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProrationTest {

    @Nested
    class The_factor {
        @ParameterizedTest(name = "{0}..{1} changed on {2}: {3}/{4} = {5}")
        @CsvSource({
            // domain-rules §4 and anchors.md §6.5 (Kill Bill TestInvoiceDateUtilsWithoutFixedProration)
            "2023-05-15, 2023-06-15, 2023-05-23, 23, 31, 0.741935484",
            "2023-06-15, 2023-07-15, 2023-06-23, 22, 30, 0.733333333",
            "2023-02-15, 2023-03-15, 2023-02-23, 20, 28, 0.714285714",
            "2024-02-15, 2024-03-15, 2024-02-23, 21, 29, 0.724137931",
            // same-day change: the whole period; the last day: one day; the end date: nothing
            "2023-05-15, 2023-06-15, 2023-05-15, 31, 31, 1.000000000",
            "2023-05-15, 2023-06-15, 2023-06-14,  1, 31, 0.032258065",
            "2023-05-15, 2023-06-15, 2023-06-15,  0, 31, 0.000000000",
            // a 31st anchor in February, common and leap year, and the month after
            "2023-01-31, 2023-02-28, 2023-02-20,  8, 28, 0.285714286",
            "2024-01-31, 2024-02-29, 2024-02-20,  9, 29, 0.310344828",
            "2023-02-28, 2023-03-31, 2023-03-30,  1, 31, 0.032258065",
            // a week
            "2024-02-26, 2024-03-04, 2024-03-01,  3,  7, 0.428571429",
        })
        void is_days_remaining_over_days_in_the_period_at_scale_9_half_up(LocalDate start, LocalDate end,
                LocalDate change, long remaining, long days, BigDecimal factor) {
            Proration p = Proration.of(new DateRange(start, end), change);
            assertThat(p.remainingDays()).isEqualTo(remaining);
            assertThat(p.periodDays()).isEqualTo(days);
            assertThat(p.factor()).isEqualByComparingTo(factor);
            assertThat(p.factor().scale()).isEqualTo(9);
        }

        @ParameterizedTest(name = "anchor {0}, changed on {1}: {2}..{3}, factor {4}")
        @CsvSource({
            "2023-01-15, 2023-05-23, 2023-05-15, 2023-06-15, 0.741935484",
            "2023-01-15, 2023-06-23, 2023-06-15, 2023-07-15, 0.733333333",
            "2023-01-15, 2023-02-23, 2023-02-15, 2023-03-15, 0.714285714",
            "2024-01-15, 2024-02-23, 2024-02-15, 2024-03-15, 0.724137931",
            "2023-01-15, 2023-06-14, 2023-05-15, 2023-06-15, 0.032258065",
            // on a boundary the change belongs to the period that starts there: a full period
            "2023-01-15, 2023-06-15, 2023-06-15, 2023-07-15, 1.000000000",
            "2023-01-31, 2023-02-28, 2023-02-28, 2023-03-31, 1.000000000",
        })
        void on_a_billing_cycle_prorates_the_period_that_contains_the_change(LocalDate anchor, LocalDate change,
                LocalDate start, LocalDate end, BigDecimal factor) {
            Proration p = Proration.on(BillingCycle.of(anchor, BillingPeriod.MONTH), change);
            assertThat(p.period()).isEqualTo(new DateRange(start, end));
            assertThat(p.factor()).isEqualByComparingTo(factor);
        }

        @Test
        void refuses_a_change_date_outside_the_period() {
            DateRange may = new DateRange(d("2023-05-15"), d("2023-06-15"));
            assertThatThrownBy(() -> Proration.of(may, d("2023-05-14"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Proration.of(may, d("2023-06-16"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class The_amounts {
        @ParameterizedTest(name = "{0} {1} × {2}/{3}: charge {4}, credit -{4}")
        @CsvSource({
            "EUR,  29.90, 2023-05-23, 31, 22.18",
            "EUR,  49.90, 2023-05-23, 31, 37.02",
            "EUR,   9.99, 2023-05-23, 31, 7.41",
            "EUR,  31.00, 2023-05-23, 31, 23.00",
            "EUR,   0.10, 2023-05-23, 31, 0.07",
            "EUR, 100.00, 2023-05-23, 31, 74.19",
            "JPY,   1000, 2023-05-23, 31, 742",
            "KWD, 10.000, 2023-05-23, 31, 7.419",
            "EUR,  29.90, 2023-05-15, 31, 29.90",
            "EUR,  29.90, 2023-06-14, 31, 0.96",
            "EUR,  29.90, 2023-06-15, 31, 0.00",
        })
        void are_the_price_times_the_factor_rounded_once_at_the_line(String currency, BigDecimal price,
                LocalDate change, long days, BigDecimal expected) {
            CurrencyUnit unit = CurrencyUnit.of(currency);
            Proration p = Proration.of(new DateRange(d("2023-05-15"), d("2023-06-15")), change);
            assertThat(p.periodDays()).isEqualTo(days);
            Money periodPrice = Money.of(unit, price);
            assertThat(p.charge(periodPrice)).isEqualTo(Money.of(unit, expected));
            assertThat(p.credit(periodPrice)).isEqualTo(Money.of(unit, expected).negated());
        }

        @ParameterizedTest(name = "JPY {0} in leap February changed on {1}: {2}")
        @CsvSource({
            "1500, 2024-02-23, 1086",
            "1500, 2024-02-15, 1500",
            "1500, 2024-03-14, 52",
        })
        void round_to_the_currencys_minor_unit(BigDecimal price, LocalDate change, BigDecimal expected) {
            Proration p = Proration.of(new DateRange(d("2024-02-15"), d("2024-03-15")), change);
            assertThat(p.charge(Money.of(CurrencyUnit.JPY, price))).isEqualTo(Money.of(CurrencyUnit.JPY, expected));
        }

        @Test
        void of_the_same_price_credit_and_charge_cancel_out() {
            Proration p = Proration.of(new DateRange(d("2023-05-15"), d("2023-06-15")), d("2023-05-23"));
            Money price = Money.of(CurrencyUnit.EUR, new BigDecimal("19.99"));
            assertThat(p.credit(price).plus(p.charge(price)).isZero()).isTrue();
        }
    }
}
