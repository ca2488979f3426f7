package com.subscriptionsuite.domain.subscription;

import static com.subscriptionsuite.domain.subscription.Fixtures.d;
import static com.subscriptionsuite.domain.subscription.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingCycleTest {

    @Nested
    class The_current_billing_period {
        @ParameterizedTest(name = "anchor {0}, {1} ×{2}, on {3}: {4}..{5} ({6} days)")
        @CsvSource({
            // the anchors.md §6.5 periods
            "2023-01-15, MONTH,           1, 2023-05-23, 2023-05-15, 2023-06-15, 31",
            "2023-01-15, MONTH,           1, 2023-06-23, 2023-06-15, 2023-07-15, 30",
            "2023-01-15, MONTH,           1, 2023-02-23, 2023-02-15, 2023-03-15, 28",
            "2024-01-15, MONTH,           1, 2024-02-23, 2024-02-15, 2024-03-15, 29",
            // the anchor day starts a period, the day before a boundary ends one, the boundary starts the next
            "2023-01-15, MONTH,           1, 2023-01-15, 2023-01-15, 2023-02-15, 31",
            "2023-01-15, MONTH,           1, 2023-05-15, 2023-05-15, 2023-06-15, 31",
            "2023-01-15, MONTH,           1, 2023-06-14, 2023-05-15, 2023-06-15, 31",
            "2023-01-15, MONTH,           1, 2023-06-15, 2023-06-15, 2023-07-15, 30",
            "2023-01-15, MONTH,           1, 2033-01-14, 2032-12-15, 2033-01-15, 31",
            // a 31st anchor: clamped in short months, back to the 31st when the month has one
            "2023-01-31, MONTH,           1, 2023-02-15, 2023-01-31, 2023-02-28, 28",
            "2023-01-31, MONTH,           1, 2023-02-28, 2023-02-28, 2023-03-31, 31",
            "2023-01-31, MONTH,           1, 2023-04-29, 2023-03-31, 2023-04-30, 30",
            "2023-01-31, MONTH,           1, 2023-04-30, 2023-04-30, 2023-05-31, 31",
            "2024-01-31, MONTH,           1, 2024-02-10, 2024-01-31, 2024-02-29, 29",
            "2024-01-31, MONTH,           1, 2024-02-29, 2024-02-29, 2024-03-31, 31",
            "2024-01-30, MONTH,           1, 2024-02-29, 2024-02-29, 2024-03-30, 30",
            // longer month-based periods
            "2023-03-31, QUARTER,         3, 2023-12-31, 2023-12-31, 2024-03-31, 91",
            "2023-11-30, QUARTER,         3, 2024-03-01, 2024-02-29, 2024-05-30, 91",
            "2023-08-31, SEMI_ANNUAL,     6, 2024-03-01, 2024-02-29, 2024-08-31, 184",
            "2023-01-15, ANNUAL,         12, 2023-05-23, 2023-01-15, 2024-01-15, 365",
            "2024-02-29, ANNUAL,         12, 2025-03-01, 2025-02-28, 2026-02-28, 365",
            "2024-02-29, ANNUAL,         12, 2028-02-28, 2027-02-28, 2028-02-29, 366",
            "2024-02-29, ANNUAL,         12, 2028-02-29, 2028-02-29, 2029-02-28, 365",
            "2023-01-15, EIGHTEEN_MONTHS, 18, 2024-08-01, 2024-07-15, 2026-01-15, 549",
            "2023-01-15, TWO_YEARS,      24, 2025-01-14, 2023-01-15, 2025-01-15, 731",
            "2023-01-15, THREE_YEARS,    36, 2026-01-15, 2026-01-15, 2029-01-15, 1096",
            "2023-01-15, FIVE_YEARS,     60, 2027-12-31, 2023-01-15, 2028-01-15, 1826",
            "2023-12-31, SPECIFIC_MONTHS, 2, 2024-03-15, 2024-02-29, 2024-04-30, 61",
            // weeks and days
            "2024-02-26, WEEK,            1, 2024-03-01, 2024-02-26, 2024-03-04, 7",
            "2024-02-26, WEEK,            1, 2024-03-04, 2024-03-04, 2024-03-11, 7",
            "2024-01-01, SPECIFIC_WEEKS,  2, 2024-01-20, 2024-01-15, 2024-01-29, 14",
            "2024-01-01, SPECIFIC_DAYS,  10, 2024-01-20, 2024-01-11, 2024-01-21, 10",
        })
        void runs_from_the_last_boundary_on_or_before_the_day_to_the_next(LocalDate anchor, BillingPeriod period,
                int length, LocalDate day, LocalDate start, LocalDate end, long days) {
            DateRange p = BillingCycle.of(anchor, period, length).periodOn(day);
            assertThat(p).isEqualTo(new DateRange(start, end));
            assertThat(p.days()).isEqualTo(days);
            assertThat(p.contains(day)).isTrue();
        }

        @Test
        void is_the_same_whether_a_month_based_cycle_is_built_from_the_period_or_with_its_length() {
            assertThat(BillingCycle.of(d("2023-01-31"), BillingPeriod.QUARTER))
                    .isEqualTo(BillingCycle.of(d("2023-01-31"), BillingPeriod.QUARTER, 3));
        }

        @Test
        void does_not_exist_before_the_anchor() {
            BillingCycle cycle = BillingCycle.of(d("2023-01-15"), BillingPeriod.MONTH);
            assertThatThrownBy(() -> cycle.periodOn(d("2023-01-14"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the billing anchor");
        }

        @Test
        void follows_every_day_of_four_years_back_to_back_from_a_31st_anchor() {
            BillingCycle cycle = BillingCycle.of(d("2023-01-31"), BillingPeriod.MONTH);
            DateRange previous = cycle.periodOn(d("2023-01-31"));
            for (LocalDate day = d("2023-01-31"); day.isBefore(d("2027-01-31")); day = day.plusDays(1)) {
                DateRange p = cycle.periodOn(day);
                assertThat(p.contains(day)).as(day.toString()).isTrue();
                assertThat(p.equals(previous) || p.start().equals(previous.end())).as(day.toString()).isTrue();
                assertThat(p.start().getDayOfMonth()).as(day.toString())
                        .isEqualTo(Math.min(31, p.start().lengthOfMonth()));
                previous = p;
            }
        }
    }

    @Nested
    class Building_a_cycle {
        @ParameterizedTest(name = "{0} ×{1} is refused")
        @CsvSource({
            "SUBSCRIPTION_TERM, 1",
            "SPECIFIC_MONTHS,   0",
            "SPECIFIC_DAYS,    -1",
            "MONTH,             2",
            "QUARTER,           1",
            "WEEK,              2",
        })
        void refuses_a_term_period_and_lengths_that_do_not_fit_the_period(BillingPeriod period, int length) {
            assertThatThrownBy(() -> BillingCycle.of(d("2023-01-15"), period, length))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class The_current_term {
        @ParameterizedTest(name = "from {0}, {1} then {2} months, on {3}: {4}..{5} ({6} months)")
        @CsvSource({
            "2023-01-15, 12, 12, 2023-05-23, 2023-01-15, 2024-01-15, 12",
            "2023-01-15, 12, 12, 2024-01-14, 2023-01-15, 2024-01-15, 12",
            "2023-01-15, 12, 12, 2024-01-15, 2024-01-15, 2025-01-15, 12",
            "2023-01-15, 12, 12, 2026-03-01, 2026-01-15, 2027-01-15, 12",
            "2023-01-15, 12,  6, 2024-08-01, 2024-07-15, 2025-01-15, 6",
            "2023-01-15, 24,  1, 2025-02-20, 2025-02-15, 2025-03-15, 1",
            // a 31st start: renewal terms keep the 31st after a clamped February
            "2023-01-31,  1,  1, 2023-02-27, 2023-01-31, 2023-02-28, 1",
            "2023-01-31,  1,  1, 2023-02-28, 2023-02-28, 2023-03-31, 1",
            "2023-01-31,  1,  1, 2023-04-30, 2023-04-30, 2023-05-31, 1",
            // a 29 February start
            "2024-02-29, 12, 12, 2025-02-28, 2025-02-28, 2026-02-28, 12",
            "2024-02-29, 12, 12, 2028-02-29, 2028-02-29, 2029-02-28, 12",
        })
        void is_the_initial_or_the_renewal_term_that_contains_the_day(LocalDate start, int initial, int renewal,
                LocalDate day, LocalDate termStart, LocalDate termEnd, int months) {
            assertThat(TermSchedule.termed(start, initial, renewal).termOn(day))
                    .isEqualTo(Option.some(new Term(termStart, termEnd, months)));
        }

        @Test
        void does_not_exist_for_an_evergreen_subscription() {
            assertThat(TermSchedule.evergreen(d("2023-01-15")).termOn(d("2023-05-23"))).isEmpty();
        }

        @Test
        void does_not_exist_after_an_initial_term_that_does_not_renew_with_a_term() {
            TermSchedule terms = TermSchedule.termed(d("2023-01-15"), 12, 0);
            assertThat(terms.termOn(d("2024-01-14"))).isNotEmpty();
            assertThat(terms.termOn(d("2024-01-15"))).isEmpty();
        }

        @ParameterizedTest(name = "{0} / {1}, term {2}, renewal {3}, auto-renew {4}: {5} then {6} months")
        @CsvSource({
            "TERMED,    RENEW_WITH_SPECIFIC_TERM, 12, 1, true,  12, 1",
            "TERMED,    RENEW_WITH_SPECIFIC_TERM, 12, 1, false, 12, 0",
            "TERMED,    RENEW_TO_EVERGREEN,       24, 1, true,  24, 0",
            "EVERGREEN, RENEW_WITH_SPECIFIC_TERM, 12, 12, true, 0,  0",
        })
        void comes_from_the_suite_products_term_fields(String type, String renewalType, int term, int renewalTerm,
                boolean autoRenew, int initial, int renewal) {
            assertThat(TermSchedule.of(d("2023-01-15"), product(type, renewalType, term, renewalTerm, autoRenew)))
                    .isEqualTo(new TermSchedule(d("2023-01-15"), initial, renewal));
        }
    }
}
