package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.FaultyBillingGateway;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.fixtures.FaultyBillingGateway.Call;
import com.subscriptionsuite.application.fixtures.FaultyBillingGateway.Fault;
import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Subscribed;
import com.subscriptionsuite.application.port.in.checkout.Checkout.SubscribeCommand;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.out.BillingOperations.PendingOperation;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The services in front of a billing system that fails (issue 12; docs/billing-boundary.md): before
 * the call, answered by the billing system (refused, rate-limited), after the billing system accepted
 * (a timeout, or the engine's process dying), each followed by the client's retry with the same
 * {@code Idempotency-Key}. The billing system is the built-in ledger behind a
 * {@link FaultyBillingGateway}; the counts are read from the ledger's own store, the engine's links,
 * operations and vouchers.
 */
class BillingFaultsTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    /** Wraps the engine's billing gateway once, and keeps the wrapper for the test to plan faults on. */
    static final class Faulty {
        FaultyBillingGateway gateway;

        BillingGateway wrap(BillingGateway ledger) {
            gateway = new FaultyBillingGateway(ledger);
            return gateway;
        }
    }

    @Nested
    class A_first_checkout_with_a_held_voucher {
        final Faulty faulty = new Faulty();
        final BillingTestEngine t = new BillingTestEngine(NOW, true, links -> links, faulty::wrap);
        final FaultyBillingGateway billing = faulty.gateway;
        final long ann = t.customer(1);
        final List<Subscribed> kept = new ArrayList<>();

        A_first_checkout_with_a_held_voucher() {
            Campaign spring = new Campaign(1, "Spring", 204, null, null, List.of(601L), CodeKind.SINGLE_USE, null,
                    null);
            t.engine.defineCampaigns().define(1, List.of(new CampaignWithCodes(spring, List.of("SPRING-1")))).get();
            t.engine.holdVoucher().hold(new VoucherCommand(1, "spring-1", 601L, ann)).get();
        }

        SubscribeCommand cart() {
            return new SubscribeCommand(1, ann, false, List.of(item(401, 3, 1)), berliner(null), null, "SPRING-1",
                    601L);
        }

        Either<CheckoutFailure, Subscribed> checkout(String key) {
            return t.engine.checkout().subscribe(cart(), Operation.keyed(key, kept::add));
        }

        int accounts() {
            return t.billing.accountOfUser(1, ann).isDefined() ? 1 : 0;
        }

        List<Subscription> subscriptions() {
            return t.billing.accountOfUser(1, ann).map(a -> t.billing.subscriptions(1, a.id())).getOrElse(List.of());
        }

        int invoices() {
            return t.billing.accountOfUser(1, ann).map(a -> t.billing.invoices(1, a.id()).size()).getOrElse(0);
        }

        long redemptions() {
            return t.vouchers.readCode(1, "SPRING-1", ann, NOW).get().redemptions();
        }

        boolean held() {
            return t.vouchers.readCode(1, "SPRING-1", ann, NOW).get().callerHold().isDefined();
        }

        List<PendingOperation> unfinished() {
            return t.operations.unfinished(Instant.parse("2100-01-01T00:00:00Z"));
        }

        void bookedOnceAndRedeemedOnce(Subscribed answer) {
            assertThat(accounts()).isEqualTo(1);
            assertThat(subscriptions()).singleElement().extracting(Subscription::id)
                    .isEqualTo(answer.subscriptions().get(0).id());
            assertThat(invoices()).isEqualTo(1);
            assertThat(redemptions()).as("the voucher is redeemed once").isEqualTo(1);
            assertThat(t.links.accountOf(1, ann).map(r -> r.accountId()))
                    .contains(t.billing.accountOfUser(1, ann).get().id());
            assertThat(unfinished()).as("the operation finished").isEmpty();
            assertThat(kept).as("the answer was kept with what it committed").containsExactly(answer);
        }

        @Test
        void that_fails_before_the_billing_system_is_reached_books_nothing_keeps_the_hold_and_a_retry_books_once() {
            billing.plan(Call.OPEN_ACCOUNT, Fault.failBefore());

            CheckoutFailure failure = checkout("K1").getLeft();

            assertThat(failure.code()).isEqualTo("billing_unavailable");
            assertThat(accounts()).isZero();
            assertThat(t.links.accountOf(1, ann)).isEmpty();
            assertThat(held()).as("the voucher is still held").isTrue();
            assertThat(redemptions()).isZero();
            assertThat(unfinished()).as("the operation stays pending").hasSize(1);
            assertThat(kept).isEmpty();

            Subscribed retried = checkout("K1").get();

            bookedOnceAndRedeemedOnce(retried);
            assertThat(billing.keys(Call.OPEN_ACCOUNT)).hasSize(2);
            assertThat(billing.keys(Call.OPEN_ACCOUNT).get(1)).as("the retry repeats the command under its key")
                    .isEqualTo(billing.keys(Call.OPEN_ACCOUNT).get(0));
        }

        @Test
        void that_the_billing_system_refuses_books_no_subscription_redeems_nothing_and_keeps_its_code_and_message() {
            billing.plan(Call.SUBSCRIBE, Fault.reject("INVALID_VALUE", "Invalid rate plan charge"));

            CheckoutFailure failure = checkout("K1").getLeft();

            assertThat(failure.code()).isEqualTo("billing_rejected");
            assertThat(failure).isInstanceOfSatisfying(CheckoutFailure.BillingFailed.class, f -> assertThat(f.failure())
                    .isEqualTo(new BillingFailure.Rejected("INVALID_VALUE", "Invalid rate plan charge")));
            assertThat(subscriptions()).isEmpty();
            assertThat(invoices()).isZero();
            assertThat(held()).isTrue();
            assertThat(redemptions()).isZero();
            assertThat(billing.reached(Call.SUBSCRIBE)).isZero();
        }

        @Test
        void that_is_rate_limited_books_nothing_and_says_when_to_retry() {
            billing.plan(Call.OPEN_ACCOUNT, Fault.rateLimit(Duration.ofSeconds(7)));

            CheckoutFailure failure = checkout("K1").getLeft();

            assertThat(failure.code()).isEqualTo("billing_rate_limited");
            assertThat(((CheckoutFailure.BillingFailed) failure).failure())
                    .isEqualTo(new BillingFailure.RateLimited(Duration.ofSeconds(7)));
            assertThat(accounts()).isZero();
            assertThat(redemptions()).isZero();
        }

        @Test
        void that_times_out_after_the_billing_system_booked_is_booked_once_when_retried_with_its_key() {
            billing.plan(Call.SUBSCRIBE, Fault.timeoutAfter());

            CheckoutFailure failure = checkout("K1").getLeft();

            assertThat(failure.code()).isEqualTo("billing_unavailable");
            assertThat(subscriptions()).as("the billing system booked it").hasSize(1);
            assertThat(redemptions()).as("the engine does not know: nothing redeemed").isZero();
            assertThat(held()).isTrue();
            assertThat(unfinished()).hasSize(1);

            Subscribed retried = checkout("K1").get();

            bookedOnceAndRedeemedOnce(retried);
            assertThat(billing.reached(Call.SUBSCRIBE)).isEqualTo(2);
            List<RequestKey> keys = billing.keys(Call.SUBSCRIBE);
            assertThat(keys).hasSize(2);
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
            assertThat(unfinished()).isEmpty();
        }

        @Test
        void whose_process_dies_after_the_billing_system_booked_is_booked_once_when_retried_with_its_key() {
            billing.plan(Call.SUBSCRIBE, Fault.throwAfter());

            assertThatThrownBy(() -> checkout("K1")).isInstanceOf(FaultyBillingGateway.CrashAfterCall.class);
            assertThat(subscriptions()).hasSize(1);
            assertThat(redemptions()).isZero();

            Subscribed retried = checkout("K1").get();

            bookedOnceAndRedeemedOnce(retried);
            String operationKey = billing.keys(Call.SUBSCRIBE).get(0).value().split(":")[0];
            assertThat(t.operations.operation(1, operationKey).map(PendingOperation::attempts))
                    .as("the repeat counted as a second attempt of the same operation").contains(2);
        }

        @Test
        void retried_without_its_key_after_a_timeout_is_a_new_operation_and_the_first_stays_in_doubt() {
            billing.plan(Call.SUBSCRIBE, Fault.timeoutAfter());
            assertThat(t.engine.checkout().subscribe(cart()).getLeft().code()).isEqualTo("billing_unavailable");

            Either<CheckoutFailure, Subscribed> again = t.engine.checkout().subscribe(cart());

            // the suite product allows one subscription: the first attempt's booking refuses the second
            assertThat(again.isLeft() ? again.getLeft().code() : "booked").isEqualTo("multiple_subscriptions_not_allowed");
            assertThat(subscriptions()).hasSize(1);
            assertThat(unfinished()).as("the first operation is left in doubt for an operator").hasSize(1);
        }
    }

    @Nested
    class An_account_update {
        final Faulty faulty = new Faulty();
        final BillingTestEngine t = new BillingTestEngine(NOW, true, links -> links, faulty::wrap);
        final FaultyBillingGateway billing = faulty.gateway;
        final long ann = t.customer(1);

        An_account_update() {
            t.engine.checkout().subscribe(BillingTestEngine.cart(1, ann, berliner(null), item(401, 1, 1))).get();
        }

        Either<AccountFailure, BillingAccount> moveTo(String city, String key) {
            var d = berliner(null);
            var moved = new com.subscriptionsuite.domain.account.AccountDetails(d.company(), d.companyName(),
                    d.firstName(), d.lastName(), d.street(), d.zipCode(), city, d.state(), d.country(), d.email(),
                    d.phone(), d.additionalInfo(), d.hasBillingAddress(), d.billingFirstName(), d.billingLastName(),
                    d.billingStreet(), d.billingAdditionalInfo(), d.billingZipCode(), d.billingCity(),
                    d.billingCountry(), d.billingEmail(), d.billingPhone(), d.vatId(), d.currency());
            return t.engine.manageAccount().update(1, ann, moved, Operation.keyed(key, a -> {
            }));
        }

        @Test
        void that_times_out_after_the_billing_system_took_it_is_answered_when_retried_with_its_key() {
            billing.plan(Call.UPDATE_ACCOUNT, Fault.timeoutAfter());

            assertThat(moveTo("Potsdam", "U1").getLeft().code()).isEqualTo("billing_unavailable");
            assertThat(t.billing.accountOfUser(1, ann).get().details().city()).as("the billing system took it")
                    .isEqualTo("Potsdam");

            BillingAccount retried = moveTo("Potsdam", "U1").get();

            assertThat(retried.details().city()).isEqualTo("Potsdam");
            assertThat(billing.keys(Call.UPDATE_ACCOUNT).get(1)).isEqualTo(billing.keys(Call.UPDATE_ACCOUNT).get(0));
            assertThat(billing.reached(Call.UPDATE_ACCOUNT)).isEqualTo(2);
        }

        @Test
        void that_is_refused_or_rate_limited_changes_nothing() {
            billing.plan(Call.UPDATE_ACCOUNT, Fault.reject("INVALID_VALUE", "bad city"),
                    Fault.rateLimit(Duration.ofSeconds(3)));

            assertThat(moveTo("Potsdam", "U1").getLeft().code()).isEqualTo("billing_rejected");
            assertThat(moveTo("Potsdam", "U2").getLeft().code()).isEqualTo("billing_rate_limited");
            assertThat(t.billing.accountOfUser(1, ann).get().details().city()).isEqualTo("Berlin");
        }

        @Test
        void read_while_the_billing_system_is_down_answers_billing_unavailable_not_an_error() {
            billing.plan(Call.ACCOUNT, Fault.failBefore());
            billing.plan(Call.INVOICES, Fault.failBefore());

            assertThat(t.engine.manageAccount().show(1, ann).getLeft().code()).isEqualTo("billing_unavailable");
            assertThat(t.engine.readInvoices().invoices(1, ann).getLeft().code()).isEqualTo("billing_unavailable");
        }
    }

    @Nested
    class A_new_bank_transfer_as_the_account_s_payment_method {
        final Faulty faulty = new Faulty();
        final BillingTestEngine t = new BillingTestEngine(NOW, true, links -> links, faulty::wrap);
        final FaultyBillingGateway billing = faulty.gateway;
        final long ann = t.customer(1);

        A_new_bank_transfer_as_the_account_s_payment_method() {
            t.engine.checkout().subscribe(BillingTestEngine.cart(1, ann, berliner(null), item(401, 1, 1))).get();
        }

        Either<PaymentFailure, PaymentMethod> change(String key) {
            return t.engine.changeAccountPaymentMethod().change(new ChangeAccountPaymentMethod.Change(1, ann, null,
                    "BankTransfer", Map.of("bank_transfer_account_name", "Ann Example")),
                    Operation.keyed(key, m -> {
                    }));
        }

        @Test
        void that_times_out_after_the_billing_system_created_it_is_created_once_when_retried_with_its_key() {
            billing.plan(Call.SET_DEFAULT_PAYMENT_METHOD, Fault.timeoutAfter());

            assertThat(change("P1").getLeft().code()).isEqualTo("billing_unavailable");
            PaymentMethod retried = change("P1").get();

            assertThat(billing.keys(Call.ADD_PAYMENT_METHOD)).hasSize(2);
            assertThat(billing.keys(Call.ADD_PAYMENT_METHOD).get(1)).isEqualTo(billing.keys(Call.ADD_PAYMENT_METHOD)
                    .get(0));
            assertThat(t.paymentMethods.all()).filteredOn(m -> m.userId() == ann).singleElement().extracting(PaymentMethod::id)
                    .isEqualTo(retried.id());
            assertThat(t.billing.accountOfUser(1, ann).get().paymentMethodId()).isEqualTo(retried.id());
        }
    }

    @Nested
    class A_quantity_change {
        final Faulty faulty = new Faulty();
        final ChangeSubscriptionTest.Shop shop = new ChangeSubscriptionTest.Shop(TeamShop.BASIC_RULES,
                TeamShop.CANCEL_SELF_SERVICE, faulty::wrap);
        final FaultyBillingGateway billing = faulty.gateway;
        final Subscription basic = shop.basic(2);

        Either<ChangeFailure, AppliedChange> toThree(String key) {
            return shop.engine.changeSubscription().apply(ChangeSubscriptionTest.quantity(basic, 3),
                    Operation.keyed(key, a -> {
                    }));
        }

        @Test
        void that_fails_before_the_billing_system_is_reached_amends_nothing_and_a_retry_amends_once() {
            billing.plan(Call.CHANGE_QUANTITY, Fault.failBefore());

            assertThat(toThree("C1").getLeft().code()).isEqualTo("billing_unavailable");
            assertThat(shop.stored(basic).version()).isEqualTo(basic.version());

            AppliedChange applied = toThree("C1").get();

            assertThat(shop.stored(basic).version()).isEqualTo(basic.version() + 1);
            assertThat(shop.billing.amendments(ChangeSubscriptionTest.TENANT, basic.id())).singleElement()
                    .extracting(a -> a.id()).isEqualTo(applied.amendmentId());
        }

        @Test
        void that_the_billing_system_refuses_amends_nothing() {
            billing.plan(Call.CHANGE_QUANTITY, Fault.reject("INVALID_VALUE", "quantity"));

            assertThat(toThree("C1").getLeft().code()).isEqualTo("billing_rejected");
            assertThat(shop.stored(basic)).isEqualTo(basic);
            assertThat(shop.billing.amendments(ChangeSubscriptionTest.TENANT, basic.id())).isEmpty();
        }

        @Test
        void that_times_out_after_the_billing_system_booked_it_is_not_booked_again_when_retried_with_its_key() {
            billing.plan(Call.CHANGE_QUANTITY, Fault.timeoutAfter());

            assertThat(toThree("C1").getLeft().code()).isEqualTo("billing_unavailable");
            ChangeFailure retried = toThree("C1").getLeft();

            assertThat(retried).isInstanceOf(ChangeFailure.AlreadyApplied.class);
            assertThat(retried.code()).isEqualTo("change_already_applied");
            var amendments = shop.billing.amendments(ChangeSubscriptionTest.TENANT, basic.id());
            assertThat(amendments).as("booked once").singleElement();
            assertThat(((ChangeFailure.AlreadyApplied) retried).amendmentId()).isEqualTo(amendments.get(0).id());
            assertThat(shop.stored(basic).version()).isEqualTo(basic.version() + 1);
            assertThat(billing.reached(Call.CHANGE_QUANTITY)).as("the retry sent no second change").isEqualTo(1);
        }
    }
}
