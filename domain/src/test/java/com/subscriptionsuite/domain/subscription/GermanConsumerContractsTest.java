package com.subscriptionsuite.domain.subscription;

import static com.subscriptionsuite.domain.subscription.Fixtures.cancelRules;
import static com.subscriptionsuite.domain.subscription.Fixtures.d;
import static com.subscriptionsuite.domain.subscription.Fixtures.product;
import static com.subscriptionsuite.domain.subscription.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanConsumerContractsTest {

    @ParameterizedTest(name = "asked {0}, effective {1}: {2}")
    @CsvSource({
        "2023-05-23, 2023-06-23, true",
        "2023-05-23, 2023-06-24, false",
        "2023-05-23, 2023-05-23, true",
        "2023-01-31, 2023-02-28, true",
        "2023-01-31, 2023-03-01, false",
        "2024-01-31, 2024-02-29, true",
        "2024-02-29, 2024-03-29, true",
        "2024-02-29, 2024-03-30, false",
    })
    void notice_after_the_initial_term_is_at_most_one_calendar_month(LocalDate asked, LocalDate effective,
            boolean ok) {
        assertThat(GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(asked, effective)).isEqualTo(ok);
    }

    /** A monthly B2C product in its second year (past a 12-month initial term), cancelled on 2024-05-23. */
    @ParameterizedTest(name = "cancel mode {0}, {1} days, at any time {2}: effective {3}, within a month {4}")
    @CsvSource({
        "0, 28, false, 2024-06-20, true",
        "0, 30, false, 2024-06-22, true",
        "0, 32, false, 2024-06-24, false",
        "1,  0, false, 2024-06-15, true",
        "1, 14, false, 2024-06-15, true",
        "1, 24, false, 2024-07-15, false",
        "1, 14, true,  2024-06-06, true",
        "2,  0, false, 2025-01-15, false",
    })
    void holds_for_some_configurations_and_not_others(int mode, int notice, boolean atAnyTime, LocalDate effective,
            boolean ok) {
        ChangeAllowance cancel = ChangeDecision.decide(ChangeRequest.cancel(), d("2024-05-23"),
                product(cancelRules(mode, notice)), Fixtures.MONTHLY_FROM_JAN_15, settings(atAnyTime))
                .getOrElseThrow(r -> new AssertionError(r.message()));
        assertThat(cancel.effectiveDate()).isEqualTo(effective);
        assertThat(GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(cancel)).isEqualTo(ok);
    }

    @Test
    void a_period_end_from_a_31st_anchor_can_be_more_than_a_month_away() {
        // asked on the clamped 28 February, the period runs to 31 March: one month from 28 February is 28 March
        SubscriptionDates dates = new SubscriptionDates(BillingCycle.of(d("2023-01-31"), BillingPeriod.MONTH),
                TermSchedule.termed(d("2023-01-31"), 1, 1));
        ChangeAllowance cancel = ChangeDecision.decide(ChangeRequest.cancel(), d("2023-02-28"),
                product(cancelRules(1, 0)), dates, settings(false)).getOrElseThrow(r -> new AssertionError(r));
        assertThat(cancel.effectiveDate()).isEqualTo(d("2023-03-31"));
        assertThat(GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(cancel)).isFalse();
    }

    @Test
    void twenty_eight_days_of_notice_are_within_a_month_from_every_day_and_twenty_nine_are_not() {
        boolean twentyNineAlways = true;
        for (LocalDate day = d("2023-01-01"); day.isBefore(d("2028-01-01")); day = day.plusDays(1)) {
            assertThat(GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(day, day.plusDays(28)))
                    .as(day.toString()).isTrue();
            twentyNineAlways &= GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(day, day.plusDays(29));
        }
        assertThat(twentyNineAlways).isFalse();
        assertThat(GermanConsumerContracts.noticeDaysWithinAMonthFromAnyDay(28)).isTrue();
        assertThat(GermanConsumerContracts.noticeDaysWithinAMonthFromAnyDay(29)).isFalse();
    }

    @ParameterizedTest(name = "{0} months: {1}")
    @CsvSource({"12, true", "24, true", "25, false"})
    void the_initial_term_is_at_most_two_years(int months, boolean ok) {
        assertThat(GermanConsumerContracts.initialTermAtMostTwoYears(months)).isEqualTo(ok);
    }

    @Test
    void is_about_cancelling_only() {
        ChangeAllowance upgrade = new ChangeAllowance(ChangeAction.UPGRADE, ChangeTiming.IMMEDIATELY, d("2024-05-23"),
                d("2024-05-23"), d("2024-05-23"), false);
        assertThatThrownBy(() -> GermanConsumerContracts.noticeAfterInitialTermAtMostOneMonth(upgrade))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
