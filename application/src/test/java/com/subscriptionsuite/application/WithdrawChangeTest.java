package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.ChangeSubscriptionTest.ANN;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.BOB;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.TENANT;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.cancel;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.d;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.ok;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.quantity;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.refusal;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.segments;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.split;
import static com.subscriptionsuite.application.fixtures.TeamShop.BASIC_RULES;
import static com.subscriptionsuite.application.fixtures.TeamShop.CANCEL_AT_ANY_TIME;
import static com.subscriptionsuite.application.fixtures.TeamShop.CANCEL_SELF_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.ChangeSubscriptionTest.Shop;
import com.subscriptionsuite.application.fixtures.FaultyBillingGateway;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.change.ChangePreview.NextInvoice;
import com.subscriptionsuite.application.port.in.change.PendingWithdrawal;
import com.subscriptionsuite.application.port.in.change.WithdrawChange.WithdrawCommand;
import com.subscriptionsuite.application.port.in.change.WithdrawnChange;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing a change or cancel booked for a later date, over the in-memory ledger: Ann's Basic
 * subscription of ChangeSubscriptionTest (2 seats at 29.90 a month, DE VAT 19 %, invoiced through
 * 2023-06-15), asked on 2023-05-23. Basic cancels and downgrades at the end of the billing period,
 * 2023-06-15.
 */
class WithdrawChangeTest {

    static WithdrawCommand of(Subscription s) {
        return new WithdrawCommand(TENANT, ANN, s.uuid());
    }

    static Either<ChangeFailure, PendingWithdrawal> preview(Shop shop, Subscription s) {
        return shop.engine.withdrawChange().preview(of(s));
    }

    static Either<ChangeFailure, WithdrawnChange> withdraw(Shop shop, Subscription s) {
        return shop.engine.withdrawChange().withdraw(of(s), Operation.unkeyed());
    }

    @Nested
    class A_cancel_booked_for_the_period_end {
        final Shop shop = new Shop();
        final Subscription basic = shop.basic(2);
        final List<String> before = segments(basic);

        A_cancel_booked_for_the_period_end() {
            ok(shop.apply(cancel(basic)));
        }

        @Test
        void previews_the_cancel_and_the_subscription_going_on_at_todays_price() {
            PendingWithdrawal p = ok(preview(shop, basic));

            assertThat(p.kind()).isEqualTo("cancel");
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.requestDate()).isEqualTo(d("2023-05-23"));
            assertThat(p.pendingPeriodPrice()).isEqualTo(split("0.00", "0.00", "0.00"));
            assertThat(p.quantity()).isEqualTo(2);
            // 2 × 29.90 = 59.80, tax 11.362 → 11.36
            assertThat(p.periodPrice()).isEqualTo(split("59.80", "11.36", "71.16"));
            assertThat(p.nextBillingDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.nextInvoice()).isEqualTo(new NextInvoice(d("2023-06-15"), false,
                    split("59.80", "11.36", "71.16")));
        }

        @Test
        void withdraws_what_the_preview_announced_and_the_subscription_runs_on_as_before() {
            PendingWithdrawal p = ok(preview(shop, basic));
            WithdrawnChange done = ok(withdraw(shop, basic));
            Subscription after = shop.stored(basic);

            assertThat(done.withdrawal()).isEqualTo(p);
            assertThat(after.cancelDate()).isNull();
            assertThat(after.statusOn(d("2023-07-01"))).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(segments(after)).containsExactlyElementsOf(before);
            assertThat(after.version()).isEqualTo(3);
            assertThat(done.subscriptionVersion()).isEqualTo(3);
            assertThat(shop.billing.amendments(TENANT, basic.id())).extracting(a -> a.action())
                    .containsExactly(ChangeAction.CANCEL, ChangeAction.CANCEL);
            assertThat(shop.billing.amendments(TENANT, basic.id()).get(1).id()).isEqualTo(done.withdrawalId());
        }

        @Test
        void drops_the_scheduled_cancelled_event_and_records_the_withdrawal() {
            assertThat(shop.events.scheduled()).extracting(BusinessEvent::type)
                    .containsExactly(EventType.SUBSCRIPTION_CANCELLED);
            WithdrawnChange done = ok(withdraw(shop, basic));

            assertThat(shop.events.scheduled()).isEmpty();
            BusinessEvent withdrawn = shop.events.all().get(shop.events.all().size() - 1);
            assertThat(withdrawn.type()).isEqualTo(EventType.SUBSCRIPTION_CHANGE_WITHDRAWN);
            assertThat(withdrawn.payload()).isEqualTo(new EventPayload.ChangeWithdrawn(shop.ann.id(), ANN, basic.id(),
                    basic.number(), basic.uuid(), done.withdrawalId(), 3, "cancel", d("2023-06-15"),
                    basic.charges().get(0).suiteProductId(), 2, basic.charges().get(0).suiteProductId(), 2, "EUR",
                    d("2023-05-23")));
            shop.clock.advance(Duration.ofDays(30));
            shop.events.releaseDue(d("2023-06-22"), shop.clock.instant());
            assertThat(shop.events.all()).extracting(BusinessEvent::type)
                    .doesNotContain(EventType.SUBSCRIPTION_CANCELLED);
        }

        @Test
        void leaves_the_subscription_open_to_a_new_change_and_a_new_cancel() {
            ok(withdraw(shop, basic));

            assertThat(ok(shop.preview(quantity(basic, 3))).currentQuantity()).isEqualTo(2);
            ok(shop.apply(cancel(basic)));
            assertThat(shop.stored(basic).cancelDate()).isEqualTo(d("2023-06-15"));
            assertThat(shop.events.scheduled()).extracting(BusinessEvent::type)
                    .containsExactly(EventType.SUBSCRIPTION_CANCELLED);
        }

        @Test
        void is_refused_once_the_cancel_took_effect() {
            shop.clock.advance(Duration.ofDays(23));

            ChangeFailure f = preview(shop, basic).getLeft();
            assertThat(f.code()).isEqualTo("change_in_effect");
            assertThat(f.message()).contains("2023-06-15");
            assertThat(refusal(withdraw(shop, basic))).isEqualTo("change_in_effect");
        }

        @Test
        void is_not_found_for_another_customer() {
            WithdrawCommand bobs = new WithdrawCommand(TENANT, BOB, basic.uuid());

            assertThat(refusal(shop.engine.withdrawChange().preview(bobs))).isEqualTo("subscription_not_found");
            assertThat(refusal(shop.engine.withdrawChange().withdraw(bobs, Operation.unkeyed())))
                    .isEqualTo("subscription_not_found");
            assertThat(shop.stored(basic).cancelDate()).isEqualTo(d("2023-06-15"));
        }

        @Test
        void repeated_with_its_key_after_it_withdrew_answers_already_withdrawn_and_does_nothing_more() {
            List<WithdrawnChange> kept = new ArrayList<>();
            ok(shop.engine.withdrawChange().withdraw(of(basic), Operation.keyed("k-1", kept::add)));
            int events = shop.events.all().size();

            ChangeFailure again = shop.engine.withdrawChange().withdraw(of(basic), Operation.keyed("k-1", kept::add))
                    .getLeft();

            assertThat(again.code()).isEqualTo("change_already_withdrawn");
            assertThat(kept).hasSize(1);
            assertThat(shop.stored(basic).version()).isEqualTo(3);
            assertThat(shop.events.all()).hasSize(events);
        }

        @Test
        void a_second_withdrawal_without_a_key_finds_nothing_pending() {
            ok(withdraw(shop, basic));

            assertThat(refusal(withdraw(shop, basic))).isEqualTo("pending_change_not_found");
            assertThat(shop.stored(basic).version()).isEqualTo(3);
        }
    }

    @Nested
    class A_quantity_downgrade_booked_for_the_period_end {
        final Shop shop = new Shop();
        final Subscription basic = shop.basic(2);
        final List<String> before = segments(basic);

        A_quantity_downgrade_booked_for_the_period_end() {
            ok(shop.apply(quantity(basic, 1)));
        }

        @Test
        void previews_the_pending_quantity_and_price() {
            PendingWithdrawal p = ok(preview(shop, basic));

            assertThat(p.kind()).isEqualTo("quantity");
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.pendingQuantity()).isEqualTo(1);
            // 29.90, tax 5.681 → 5.68
            assertThat(p.pendingPeriodPrice()).isEqualTo(split("29.90", "5.68", "35.58"));
            assertThat(p.quantity()).isEqualTo(2);
            assertThat(p.nextInvoice().amounts()).isEqualTo(split("59.80", "11.36", "71.16"));
        }

        @Test
        void restores_the_segments_as_they_were_before_the_change() {
            ok(withdraw(shop, basic));
            Subscription after = shop.stored(basic);

            assertThat(segments(after)).containsExactlyElementsOf(before);
            assertThat(after.pendingAfter(d("2023-05-23"))).isEmpty();
            assertThat(ok(shop.preview(quantity(basic, 3))).currentQuantity()).isEqualTo(2);
        }

        @Test
        void answers_a_billing_system_that_is_down_with_its_failure_and_changes_nothing() {
            Shop failing = new Shop(BASIC_RULES, CANCEL_SELF_SERVICE, gateway -> new FaultyBillingGateway(gateway)
                    .plan(FaultyBillingGateway.Call.WITHDRAW, new FaultyBillingGateway.FailBefore()));
            Subscription s = failing.basic(2);
            ok(failing.apply(quantity(s, 1)));

            assertThat(refusal(withdraw(failing, s))).isEqualTo("billing_unavailable");
            assertThat(failing.stored(s).pendingAfter(d("2023-05-23"))).hasSize(1);
        }
    }

    @Nested
    class Nothing_pending {
        @Test
        void is_pending_change_not_found_for_a_subscription_never_changed() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);

            ChangeFailure f = preview(shop, basic).getLeft();
            assertThat(f.code()).isEqualTo("pending_change_not_found");
            assertThat(f.field()).isEqualTo("uuid");
        }

        @Test
        void is_change_in_effect_after_an_immediate_change() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);
            ok(shop.apply(quantity(basic, 3)));

            ChangeFailure f = withdraw(shop, basic).getLeft();
            assertThat(f.code()).isEqualTo("change_in_effect");
            assertThat(f.message()).contains("2023-05-23");
        }

        @Test
        void is_change_invoiced_for_a_future_cancel_that_raised_a_credit_note() {
            Shop shop = new Shop(new ChangeRules(1, 1, 14, 1, 0, 1, 1, 1, 0, 1, 1), CANCEL_AT_ANY_TIME);
            Subscription basic = shop.basic(2);
            ok(shop.apply(cancel(basic)));

            ChangeFailure f = preview(shop, basic).getLeft();
            assertThat(f.code()).isEqualTo("change_invoiced");
            assertThat(f.message()).contains("2023-06-06").contains("2023-06-15");
            assertThat(refusal(withdraw(shop, basic))).isEqualTo("change_invoiced");
            assertThat(shop.stored(basic).cancelDate()).isEqualTo(d("2023-06-06"));
        }

        @Test
        void is_subscription_not_found_for_an_unknown_uuid_or_a_customer_without_an_account() {
            Shop shop = new Shop();
            shop.basic(2);

            assertThat(refusal(shop.engine.withdrawChange().preview(new WithdrawCommand(TENANT, ANN, "nope"))))
                    .isEqualTo("subscription_not_found");
            assertThat(refusal(shop.engine.withdrawChange().preview(new WithdrawCommand(TENANT, 999, "nope"))))
                    .isEqualTo("subscription_not_found");
        }
    }
}
