package com.subscriptionsuite.domain.subscription;

import static com.subscriptionsuite.domain.subscription.Fixtures.MONTHLY_FROM_JAN_15;
import static com.subscriptionsuite.domain.subscription.Fixtures.cancelRules;
import static com.subscriptionsuite.domain.subscription.Fixtures.charge;
import static com.subscriptionsuite.domain.subscription.Fixtures.d;
import static com.subscriptionsuite.domain.subscription.Fixtures.product;
import static com.subscriptionsuite.domain.subscription.Fixtures.requestFor;
import static com.subscriptionsuite.domain.subscription.Fixtures.rules;
import static com.subscriptionsuite.domain.subscription.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeDecisionTest {
    /** Asked inside the billing period 2023-05-15..2023-06-15 of the term 2023-01-15..2024-01-15. */
    static final LocalDate REQUESTED = d("2023-05-23");

    static Either<ChangeRejection, ChangeAllowance> decide(ChangeRequest request, LocalDate on, SuiteProduct product,
            SubscriptionDates dates, boolean cancelAtAnyTime) {
        return ChangeDecision.decide(request, on, product, dates, settings(cancelAtAnyTime));
    }

    static Either<ChangeRejection, ChangeAllowance> cancel(ChangeRules rules, LocalDate on, boolean atAnyTime) {
        return decide(ChangeRequest.cancel(), on, product(rules), MONTHLY_FROM_JAN_15, atAnyTime);
    }

    /** The effective date of an allowance, or the rejection's code. */
    static String outcome(Either<ChangeRejection, ChangeAllowance> decision) {
        return decision.fold(ChangeRejection::code, a -> a.effectiveDate().toString());
    }

    static ChangeAllowance allowed(Either<ChangeRejection, ChangeAllowance> decision) {
        return decision.getOrElseThrow(r -> new AssertionError("refused: " + r));
    }

    static ChangeRejection refused(Either<ChangeRejection, ChangeAllowance> decision) {
        return decision.swap().getOrElseThrow(a -> new AssertionError("allowed: " + a));
    }

    @Nested
    class Behaviour_and_mode {
        /** behaviour, mode → the outcome of a request on 2023-05-23 without notice. */
        static final String[][] TABLE = {
            {"0", "0", "change_not_allowed"},
            {"0", "1", "change_not_allowed"},
            {"0", "2", "change_not_allowed"},
            {"1", "0", "2023-05-23"},
            {"1", "1", "2023-06-15"},
            {"1", "2", "2024-01-15"},
            {"2", "0", "change_contact_us"},
            {"2", "1", "change_contact_us"},
            {"2", "2", "change_contact_us"},
        };

        static Stream<Arguments> everyActionBehaviourAndMode() {
            List<Arguments> all = new ArrayList<>();
            for (ChangeAction action : ChangeAction.values()) {
                for (String[] row : TABLE) {
                    all.add(Arguments.of(action, Integer.parseInt(row[0]), Integer.parseInt(row[1]), row[2]));
                }
            }
            return all.stream();
        }

        @ParameterizedTest(name = "{0} with behaviour {1}, mode {2}: {3}")
        @MethodSource("everyActionBehaviourAndMode")
        void decide_whether_and_when_each_change_takes_effect(ChangeAction action, int behaviour, int mode,
                String expected) {
            Either<ChangeRejection, ChangeAllowance> decision = decide(requestFor(action), REQUESTED,
                    product(rules(action, behaviour, mode, 0)), MONTHLY_FROM_JAN_15, false);
            assertThat(outcome(decision)).isEqualTo(expected);
            decision.forEach(a -> {
                assertThat(a.action()).isEqualTo(action);
                assertThat(a.timing()).isEqualTo(ChangeTiming.of(mode));
                assertThat(a.prorated()).isEqualTo(mode == 0);
                assertThat(a.requestDate()).isEqualTo(REQUESTED);
                assertThat(a.noticeEnd()).isEqualTo(REQUESTED);
            });
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ChangeAction.class)
        void a_refusal_names_the_change_and_never_turns_into_another(ChangeAction action) {
            ChangeRejection notAllowed = refused(decide(requestFor(action), REQUESTED, product(rules(action, 0, 0, 0)),
                    MONTHLY_FROM_JAN_15, true));
            assertThat(notAllowed).isEqualTo(new ChangeRejection.NotAllowed(action));
            assertThat(notAllowed.message()).startsWith(action.wireName() + ":");
            ChangeRejection contactUs = refused(decide(requestFor(action), REQUESTED, product(rules(action, 2, 0, 0)),
                    MONTHLY_FROM_JAN_15, true));
            assertThat(contactUs).isEqualTo(new ChangeRejection.ContactUs(action));
        }
    }

    @Nested
    class Notice_periods {
        @ParameterizedTest(name = "mode {0}, {1} days of notice, asked on {2}: effective {3}")
        @CsvSource({
            // end of billing period: the first period end on or after the notice end
            "1,  0, 2023-05-23, 2023-06-15",
            "1, 23, 2023-05-23, 2023-06-15",
            "1, 24, 2023-05-23, 2023-07-15",
            "1, 30, 2023-05-23, 2023-07-15",
            "1, 60, 2023-05-23, 2023-08-15",
            "1,  0, 2023-05-15, 2023-06-15",
            "1,  0, 2023-06-14, 2023-06-15",
            "1,  1, 2023-06-14, 2023-06-15",
            "1,  2, 2023-06-14, 2023-07-15",
            // immediately: the notice end itself
            "0,  0, 2023-05-23, 2023-05-23",
            "0, 30, 2023-05-23, 2023-06-22",
            "0, 14, 2023-12-28, 2024-01-11",
            // end of term: the first term end on or after the notice end, a renewal term's if needed
            "2,  0, 2023-05-23, 2024-01-15",
            "2, 26, 2023-12-20, 2024-01-15",
            "2, 27, 2023-12-20, 2025-01-15",
            "2, 30, 2023-12-20, 2025-01-15",
            "2,  0, 2024-01-15, 2025-01-15",
        })
        void a_cancel_takes_the_earliest_date_allowed_by_both_notice_and_mode(int mode, int notice,
                LocalDate requested, String effective) {
            Either<ChangeRejection, ChangeAllowance> decision = cancel(cancelRules(mode, notice), requested, false);
            assertThat(outcome(decision)).isEqualTo(effective);
            assertThat(allowed(decision).noticeEnd()).isEqualTo(requested.plusDays(notice));
        }

        @ParameterizedTest(name = "{0}, mode {1}: effective {2}")
        @CsvSource({
            "QUANTITY_UPGRADE, 0, 2023-05-23",
            "UPGRADE,          1, 2023-06-15",
            "DOWNGRADE,        2, 2024-01-15",
        })
        void only_a_cancel_waits_for_the_notice_period(ChangeAction action, int mode, String effective) {
            ChangeRules r = rules(action, 1, mode, 90);
            assertThat(outcome(decide(requestFor(action), REQUESTED, product(r), MONTHLY_FROM_JAN_15, false)))
                    .isEqualTo(effective);
        }

        @ParameterizedTest(name = "mode {0}, {1} days, at any time {2}, wished {3}: {4}")
        @CsvSource({
            "0, 30, false, 2023-06-01, notice_period",
            "0, 30, false, 2023-06-22, 2023-06-22",
            "0, 30, false, 2023-07-01, 2023-07-01",
            "1, 30, false, 2023-07-01, 2023-07-15",
            "1, 30, false, 2023-07-15, 2023-07-15",
            "1, 30, false, 2023-07-16, 2023-08-15",
            "1,  0, false, 2023-05-22, notice_period",
            "2, 14, false, 2023-07-01, 2024-01-15",
            "2, 14, true,  2023-06-05, notice_period",
            "2, 14, true,  2023-07-01, 2023-07-01",
        })
        void a_wished_date_within_the_notice_period_is_refused_and_a_later_one_is_honoured(int mode, int notice,
                boolean atAnyTime, LocalDate wished, String expected) {
            assertThat(outcome(decide(ChangeRequest.cancelOn(wished), REQUESTED, product(cancelRules(mode, notice)),
                    MONTHLY_FROM_JAN_15, atAnyTime))).isEqualTo(expected);
        }

        @Test
        void the_notice_refusal_says_the_earliest_date() {
            ChangeRejection r = refused(decide(ChangeRequest.cancelOn(d("2023-06-01")), REQUESTED,
                    product(cancelRules(0, 30)), MONTHLY_FROM_JAN_15, false));
            assertThat(r).isEqualTo(new ChangeRejection.NoticePeriod(d("2023-06-01"), d("2023-06-22"), 30));
            assertThat(r.message()).contains("2023-06-22");
        }
    }

    @Nested
    class Cancel_at_any_time {
        @ParameterizedTest(name = "mode {0}, {1} days of notice, at any time {2}: {3} ({4})")
        @CsvSource({
            "2,  0, true,  2023-05-23, IMMEDIATELY",
            "2, 14, true,  2023-06-06, IMMEDIATELY",
            "1, 14, true,  2023-06-06, IMMEDIATELY",
            "0, 14, true,  2023-06-06, IMMEDIATELY",
            "1, 14, false, 2023-06-15, END_OF_BILLING_PERIOD",
            "2, 14, false, 2024-01-15, END_OF_TERM",
        })
        void overrides_the_cancel_mode_with_immediately_but_keeps_the_notice(int mode, int notice,
                boolean atAnyTime, String effective, ChangeTiming timing) {
            Either<ChangeRejection, ChangeAllowance> decision = cancel(cancelRules(mode, notice), REQUESTED, atAnyTime);
            assertThat(outcome(decision)).isEqualTo(effective);
            assertThat(allowed(decision).timing()).isEqualTo(timing);
            assertThat(allowed(decision).cancelAtAnyTime()).isEqualTo(atAnyTime);
        }

        @ParameterizedTest(name = "cancel behaviour {0}: {1}")
        @CsvSource({"0, change_not_allowed", "2, change_contact_us"})
        void does_not_allow_a_cancel_the_product_does_not_allow(int behaviour, String code) {
            assertThat(outcome(cancel(rules(ChangeAction.CANCEL, behaviour, 2, 0), REQUESTED, true))).isEqualTo(code);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = ChangeAction.class, names = "CANCEL", mode = EnumSource.Mode.EXCLUDE)
        void leaves_the_other_changes_at_their_mode(ChangeAction action) {
            Either<ChangeRejection, ChangeAllowance> decision = decide(requestFor(action), REQUESTED,
                    product(rules(action, 1, 2, 0)), MONTHLY_FROM_JAN_15, true);
            assertThat(outcome(decision)).isEqualTo("2024-01-15");
            assertThat(allowed(decision).cancelAtAnyTime()).isEqualTo(false);
        }
    }

    @Nested
    class Quantities {
        /** Seats 1..10, a flat fee (its limits do not apply: it does not use the quantity), a charge from 2. */
        static final List<Charge> CHARGES = List.of(charge(31, ChargeModel.PER_UNIT, "1", "10"),
                charge(32, ChargeModel.FLAT_FEE, "1", "1"), charge(33, ChargeModel.TIERED, "2", null));

        @ParameterizedTest(name = "from 5 to {0}: {1}")
        @CsvSource({
            "7,  QUANTITY_UPGRADE",
            "10, QUANTITY_UPGRADE",
            "3,  QUANTITY_DOWNGRADE",
            "2,  QUANTITY_DOWNGRADE",
        })
        void more_is_an_upgrade_and_less_a_downgrade(long requested, ChangeAction action) {
            assertThat(allowed(decide(ChangeRequest.changeQuantity(5, requested, CHARGES), REQUESTED,
                    product(ChangeRules.selfServiceImmediate()), MONTHLY_FROM_JAN_15, false)).action())
                    .isEqualTo(action);
        }

        @ParameterizedTest(name = "from 5 to {0}: {1} {2} ({3})")
        @CsvSource({
            "11, quantity_out_of_range, 31, at most 10",
            "1,  quantity_out_of_range, 33, at least 2",
            "0,  quantity_out_of_range, 0,  at least 1",
            "-2, quantity_out_of_range, 0,  at least 1",
        })
        void must_respect_every_charges_min_and_max(long requested, String code, long chargeId, String limit) {
            ChangeRejection r = refused(decide(ChangeRequest.changeQuantity(5, requested, CHARGES), REQUESTED,
                    product(ChangeRules.selfServiceImmediate()), MONTHLY_FROM_JAN_15, false));
            assertThat(r.code()).isEqualTo(code);
            assertThat(r).isEqualTo(new ChangeRejection.QuantityOutOfRange(requested, chargeId, limit));
        }

        @Test
        void must_change_the_quantity() {
            assertThat(outcome(decide(ChangeRequest.changeQuantity(5, 5, CHARGES), REQUESTED,
                    product(ChangeRules.selfServiceImmediate()), MONTHLY_FROM_JAN_15, false)))
                    .isEqualTo("quantity_unchanged");
        }

        @Test
        void cannot_change_on_a_product_sold_in_one_quantity_only() {
            assertThat(outcome(decide(ChangeRequest.changeQuantity(5, 7, CHARGES), REQUESTED,
                    product(ChangeRules.selfServiceImmediate(), false), MONTHLY_FROM_JAN_15, false)))
                    .isEqualTo("quantity_fixed");
        }

        @ParameterizedTest(name = "upgrade behaviour {0}, downgrade behaviour {1}, from 5 to {2}: {3}")
        @CsvSource({
            "0, 1, 11, change_not_allowed",
            "0, 1, 7,  change_not_allowed",
            "0, 1, 3,  2023-05-23",
            "1, 2, 3,  change_contact_us",
            "1, 2, 7,  2023-05-23",
        })
        void are_ruled_by_the_quantity_upgrade_or_downgrade_fields_before_the_limits(int up, int down,
                long requested, String expected) {
            ChangeRules r = new ChangeRules(1, 0, 0, up, 0, down, 0, 1, 0, 1, 0);
            assertThat(outcome(decide(ChangeRequest.changeQuantity(5, requested, CHARGES), REQUESTED, product(r),
                    MONTHLY_FROM_JAN_15, false))).isEqualTo(expected);
        }
    }

    @Nested
    class Replacing_the_product {
        @ParameterizedTest(name = "option {0}: {1}")
        @CsvSource({"901, UPGRADE", "902, DOWNGRADE"})
        void is_an_upgrade_or_downgrade_as_its_change_option_says(long option, ChangeAction action) {
            assertThat(allowed(decide(ChangeRequest.replace(option), REQUESTED,
                    product(ChangeRules.selfServiceImmediate()), MONTHLY_FROM_JAN_15, false)).action())
                    .isEqualTo(action);
        }

        @Test
        void needs_one_of_the_products_change_options() {
            ChangeRejection r = refused(decide(ChangeRequest.replace(999), REQUESTED,
                    product(ChangeRules.selfServiceImmediate()), MONTHLY_FROM_JAN_15, false));
            assertThat(r).isEqualTo(new ChangeRejection.ChangeOptionNotFound(7, 999));
            assertThat(r.code()).isEqualTo("change_option_not_found");
        }
    }

    @Nested
    class Calendars {
        @ParameterizedTest(name = "mode {0}, asked on {1}: {2}")
        @CsvSource({
            "1, 2023-02-10, 2023-02-28",
            "1, 2023-02-28, 2023-03-31",
            "1, 2024-02-29, 2024-03-31",
            "2, 2023-02-10, 2024-01-31",
            "0, 2023-02-28, 2023-02-28",
        })
        void a_31st_anchor_ends_periods_on_the_last_day_of_short_months(int mode, LocalDate requested,
                String effective) {
            SubscriptionDates dates = new SubscriptionDates(BillingCycle.of(d("2023-01-31"), BillingPeriod.MONTH),
                    TermSchedule.termed(d("2023-01-31"), 12, 12));
            assertThat(outcome(decide(ChangeRequest.cancel(), requested, product(cancelRules(mode, 0)), dates,
                    false))).isEqualTo(effective);
        }

        @ParameterizedTest(name = "{0}, mode 2, asked on {1}: {2}")
        @CsvSource({
            "evergreen,       2023-05-23, 2023-06-15",
            "not renewing,    2023-05-23, 2024-01-15",
            "not renewing,    2024-02-01, 2024-02-15",
            "renewing 1 month, 2024-02-01, 2024-02-15",
        })
        void the_end_of_term_is_the_term_end_or_without_one_the_end_of_the_billing_period(String kind,
                LocalDate requested, String effective) {
            TermSchedule terms = switch (kind) {
                case "evergreen" -> TermSchedule.evergreen(d("2023-01-15"));
                case "not renewing" -> TermSchedule.termed(d("2023-01-15"), 12, 0);
                default -> TermSchedule.termed(d("2023-01-15"), 12, 1);
            };
            SubscriptionDates dates = new SubscriptionDates(BillingCycle.of(d("2023-01-15"), BillingPeriod.MONTH),
                    terms);
            assertThat(outcome(decide(ChangeRequest.cancel(), requested, product(cancelRules(2, 0)), dates, false)))
                    .isEqualTo(effective);
        }

        @ParameterizedTest(name = "annual billing, mode {0}, asked on {1}: {2}")
        @CsvSource({
            "1, 2023-05-23, 2024-01-15",
            "0, 2023-05-23, 2023-05-23",
        })
        void an_annual_period_ends_with_its_year(int mode, LocalDate requested, String effective) {
            SubscriptionDates dates = new SubscriptionDates(BillingCycle.of(d("2023-01-15"), BillingPeriod.ANNUAL),
                    TermSchedule.termed(d("2023-01-15"), 24, 12));
            assertThat(outcome(decide(ChangeRequest.cancel(), requested, product(cancelRules(mode, 0)), dates,
                    false))).isEqualTo(effective);
        }
    }

    @Nested
    class Offering_a_change_before_its_details_are_known {
        @ParameterizedTest(name = "{0}: behaviour {1}, mode {2}: {3}")
        @CsvSource({
            "QUANTITY_UPGRADE,   1, 0, 2023-05-23",
            "QUANTITY_DOWNGRADE, 1, 1, 2023-06-15",
            "UPGRADE,            1, 2, 2024-01-15",
            "QUANTITY_UPGRADE,   0, 0, change_not_allowed",
            "QUANTITY_DOWNGRADE, 2, 1, change_contact_us",
        })
        void gives_the_behaviour_and_the_effective_date_of_a_change_asked_today(ChangeAction action, int behaviour,
                int mode, String expected) {
            assertThat(outcome(ChangeDecision.offer(action, REQUESTED, product(rules(action, behaviour, mode, 0)),
                    MONTHLY_FROM_JAN_15, settings(false)))).isEqualTo(expected);
        }

        @Test
        void counts_the_notice_of_a_cancel_and_the_cancel_at_any_time_setting() {
            SuiteProduct p = product(cancelRules(1, 24));
            assertThat(outcome(ChangeDecision.offer(ChangeAction.CANCEL, REQUESTED, p, MONTHLY_FROM_JAN_15,
                    settings(false)))).isEqualTo("2023-07-15");
            assertThat(outcome(ChangeDecision.offer(ChangeAction.CANCEL, REQUESTED, p, MONTHLY_FROM_JAN_15,
                    settings(true)))).isEqualTo("2023-06-16");
        }
    }

    @Test
    void the_same_inputs_give_the_same_decision_for_preview_and_booking() {
        SuiteProduct p = product(cancelRules(1, 30));
        assertThat(cancel(p.changeRules(), REQUESTED, false)).isEqualTo(cancel(p.changeRules(), REQUESTED, false));
    }
}
