package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.cart;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.account.ReadInvoices.Document;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.ChargeView;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.RatePlanView;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscribedProduct;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscriptionRatePlan;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions.SubscriptionView;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Subscribed;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerCenterTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    final BillingTestEngine t = new BillingTestEngine(NOW);
    final long ann = t.customer(1);
    final long bob = t.customer(1);

    static Money eur(String amount) {
        return Money.parse("EUR " + amount);
    }

    @Nested
    class Before_the_first_checkout {
        @Test
        void has_no_account_no_subscriptions_and_no_invoices() {
            assertThat(t.engine.manageAccount().show(1, ann).getLeft().code()).isEqualTo("account_not_found");
            assertThat(t.engine.manageAccount().update(1, ann, berliner(null)).getLeft().code())
                    .isEqualTo("account_not_found");
            assertThat(t.engine.readSubscriptions().subscriptions(1, ann).get()).isEmpty();
            assertThat(t.engine.readSubscriptions().ratePlans(1, ann).get()).isEmpty();
            assertThat(t.engine.readInvoices().invoices(1, ann).get()).isEmpty();
        }
    }

    @Nested
    class The_account {
        final Subscribed done = t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 2, 1))).get();

        @Test
        void is_shown_to_its_owner_only() {
            assertThat(t.engine.manageAccount().show(1, ann).get().details().city()).isEqualTo("Berlin");
            assertThat(t.engine.manageAccount().show(1, bob).isLeft()).isTrue();
            assertThat(t.engine.manageAccount().show(2, ann).isLeft()).isTrue();
        }

        @Test
        void is_replaced_whole_by_an_update_and_keeps_its_currency() {
            AccountDetails b = berliner(null);
            AccountDetails moved = new AccountDetails(true, "Ann GmbH", b.firstName(), b.lastName(), "Neue Str. 2",
                    "80331", "München", null, "DE", "ann@gmbh.example", b.phone(), null, false, null, null, null,
                    null, null, null, null, null, null, "DE136695976", "");

            BillingAccount updated = t.engine.manageAccount().update(1, ann, moved).get();

            assertThat(updated.details().companyName()).isEqualTo("Ann GmbH");
            assertThat(updated.details().currency()).isEqualTo("EUR");
            assertThat(t.engine.manageAccount().show(1, ann).get().details().vatId()).isEqualTo("DE136695976");
            assertThat(updated.number()).isEqualTo("A00000001");
        }

        @Test
        void refuses_data_that_breaks_the_seed_s_rules_naming_every_field() {
            AccountDetails b = berliner(null);
            AccountDetails broken = new AccountDetails(true, null, b.firstName(), b.lastName(), b.street(), b.zipCode(),
                    b.city(), null, "DE", "nope", b.phone(), null, false, null, null, null, null, null, null, null,
                    null, null, "DE136695977", null);

            AccountFailure failure = t.engine.manageAccount().update(1, ann, broken).getLeft();

            assertThat(failure).isInstanceOf(AccountFailure.AccountInvalid.class);
            assertThat(((AccountFailure.AccountInvalid) failure).problems()).extracting(p -> p.field())
                    .containsExactly("company_name", "email", "vat_id");
            assertThat(t.engine.manageAccount().show(1, ann).get().details().email()).isEqualTo("ann@example.com");
        }

        @Test
        void refuses_another_currency() {
            assertThat(t.engine.manageAccount().update(1, ann, berliner("USD")).getLeft().code())
                    .isEqualTo("account_currency_locked");
            assertThat(t.engine.manageAccount().update(1, ann, berliner("CHF")).getLeft().code())
                    .isEqualTo("currency_not_offered");
            assertThat(t.engine.manageAccount().update(1, ann, berliner("eur")).isRight()).isTrue();
        }

        @Test
        void lists_its_invoices_and_hands_out_their_documents_to_its_owner_only() {
            String invoiceId = done.invoiceId();

            assertThat(t.engine.readInvoices().invoices(1, ann).get()).extracting(i -> i.number())
                    .containsExactly("INV00000001");
            Document document = t.engine.readInvoices().document(1, ann, invoiceId).get();
            assertThat(document.mediaType()).isEqualTo("text/plain");
            assertThat(new String(document.content(), StandardCharsets.UTF_8)).startsWith("Invoice INV00000001");
            assertThat(t.engine.readInvoices().document(1, bob, invoiceId).getLeft().code())
                    .isEqualTo("invoice_not_found");
            assertThat(t.engine.readInvoices().document(1, ann, "nope").getLeft().code())
                    .isEqualTo("invoice_not_found");
            assertThat(t.engine.readInvoices().invoices(1, bob).get()).isEmpty();
        }
    }

    @Nested
    class The_subscriptions {
        final Subscribed done = t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 2, 1),
                item(402, 5, 2))).get();

        SubscribedProduct of(long suiteProductId) {
            return t.engine.readSubscriptions().subscriptions(1, ann).get().stream()
                    .filter(p -> p.suiteProduct().id() == suiteProductId).findFirst().orElseThrow();
        }

        @Test
        void show_each_subscribed_suite_product_with_its_uuid_quantity_and_account() {
            List<SubscribedProduct> products = t.engine.readSubscriptions().subscriptions(1, ann).get();

            assertThat(products).extracting(p -> p.suiteProduct().id() + " x" + p.quantity() + " " + p.uuid())
                    .containsExactly("401 x2 " + done.subscriptions().get(0).uuid(),
                            "402 x5 " + done.subscriptions().get(1).uuid());
            SubscriptionView s = products.get(0).subscription();
            assertThat(s.id()).isEqualTo(done.ids().get(0));
            assertThat(s.accountNumber()).isEqualTo("A00000001");
            assertThat(s.accountName()).isEqualTo("Ann Example");
            assertThat(s.subscriptionNumber()).isEqualTo("S00000001");
            assertThat(s.status()).isEqualTo("Active");
            assertThat(t.engine.readSubscriptions().subscriptions(1, bob).get()).isEmpty();
        }

        @Test
        void show_an_evergreen_subscription_with_twelve_months_of_mrr_as_its_tcv() {
            SubscriptionView basic = of(401).subscription();

            assertThat(basic.termType()).isEqualTo("EVERGREEN");
            assertThat(basic.termStartDate()).isEqualTo(LocalDate.of(2025, 6, 15));
            assertThat(basic.termEndDate()).isNull();
            assertThat(basic.renewalSetting()).isEqualTo("RENEW_TO_EVERGREEN");
            // net: 9.99 incl. 19 % = 8.39, 2 × 2.50 incl. = 4.20
            assertThat(basic.contractedMrr()).isEqualTo(eur("12.59"));
            // 19.00 setup + 12 × 12.59
            assertThat(basic.totalContractedValue()).isEqualTo(eur("170.08"));
            assertThat(basic.currentEndDate()).isEqualTo(LocalDate.of(2025, 7, 15));
        }

        @Test
        void show_a_termed_subscription_with_its_term_and_values() {
            SubscriptionView premium = of(402).subscription();

            assertThat(premium.termType()).isEqualTo("TERMED");
            assertThat(premium.termStartDate()).isEqualTo(LocalDate.of(2025, 6, 15));
            assertThat(premium.termEndDate()).isEqualTo(LocalDate.of(2026, 6, 15));
            assertThat(premium.initialTerm()).isEqualTo(12);
            assertThat(premium.currentTerm()).isEqualTo(12);
            assertThat(premium.renewalTerm()).isEqualTo(12);
            assertThat(premium.autoRenew()).isTrue();
            assertThat(premium.renewalSetting()).isEqualTo("RENEW_WITH_SPECIFIC_TERM");
            // seats: 5 × 30.00 a year = 12.50 a month; licences: 5 × 4.20 a quarter = 7.00 a month
            assertThat(premium.contractedMrr()).isEqualTo(eur("19.50"));
            assertThat(premium.totalContractedValue()).isEqualTo(eur("234.00"));
            assertThat(premium.currentEndDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        }

        @Test
        void show_each_charge_with_its_price_timing_metrics_and_invoiced_through_date() {
            RatePlanView plan = of(402).subscription().ratePlans().get(0);

            assertThat(plan.id()).isEqualTo(done.ids().get(1) + "-202");
            assertThat(plan.productName()).isEqualTo("Streaming acme");
            assertThat(plan.productSku()).isEqualTo("SKU-STREAM");
            assertThat(plan.ratePlanName()).isEqualTo("Premium annual acme");
            assertThat(plan.charges()).extracting(CustomerCenterTest::describe).containsExactly(
                    "304 Annual IN_ADVANCE 150.00 through 2026-06-15 mrr 12.50 tcv 150.00 dmrc 12.50",
                    "305 Specific_Months IN_ARREARS 21.00 through - mrr 7.00 tcv 84.00 dmrc 7.00",
                    "306 Month IN_ARREARS 0.00 through - mrr 0.00 tcv 0.00 dmrc 0.00",
                    "307 Month IN_ARREARS 0.00 through - mrr 0.00 tcv 0.00 dmrc 0.00");
            ChargeView setup = of(401).subscription().ratePlans().get(0).charges().get(1);
            assertThat(setup.chargedThroughDate()).isEqualTo(LocalDate.of(2025, 6, 16));
            assertThat(setup.done()).isTrue();
            assertThat(setup.billingTiming()).isNull();
        }

        @Test
        void show_the_rate_plans_in_force_with_their_subscription() {
            List<SubscriptionRatePlan> plans = t.engine.readSubscriptions().ratePlans(1, ann).get();

            assertThat(plans).extracting(p -> p.subscription().subscriptionNumber() + " " + p.ratePlan().ratePlanId())
                    .containsExactly("S00000001 201", "S00000002 202");
        }

        @Test
        void show_latest_rate_plans_with_a_change_booked_for_later_and_a_cancel() {
            Subscription basic = t.billing.subscription(1, done.subscriptions().get(0).uuid()).get();
            var old = basic.charges().get(2);
            var more = new com.subscriptionsuite.domain.billing.SubscribedCharge("n1", old.originalId(), old.number(),
                    2, old.suiteProductId(), old.ratePlanId(), old.chargeId(), old.name(), old.type(), old.model(),
                    old.billingPeriod(), old.specificBillingPeriod(), old.taxMode(), old.taxable(), old.discount(), 4,
                    eur("10.00"), eur("10.00"), null, LocalDate.of(2025, 7, 15), null);
            // 4 screens from the next period: 10.00 incl. = 8.40 net, 4.20 more a month
            t.billing.saveSubscription(basic.amended(List.of(basic.charges().get(0), basic.charges().get(1),
                    old.endingOn(LocalDate.of(2025, 7, 15)), more), basic.chargedThroughDate(),
                    LocalDate.of(2025, 9, 15)));

            SubscriptionView view = of(401).subscription();

            assertThat(view.ratePlans().get(0).charges()).extracting(c -> c.charge().chargeId() + "#"
                    + c.charge().segment()).containsExactly("301#1", "302#1", "303#1");
            assertThat(view.latestRatePlans().get(0).charges()).extracting(c -> c.charge().chargeId() + "#"
                    + c.charge().segment() + " dmrc " + c.dmrc().getAmount()).containsExactly("301#1 dmrc 8.39",
                    "302#1 dmrc 0.00", "303#2 dmrc 4.20");
            assertThat(view.currentEndDate()).isEqualTo(LocalDate.of(2025, 9, 15));
            assertThat(view.status()).isEqualTo("Active");
            t.clock.advance(Duration.ofDays(100));
            assertThat(of(401).subscription().status()).isEqualTo("Cancelled");
            assertThat(of(401).subscription().contractedMrr()).isEqualTo(eur("0.00"));
            assertThat(of(401).subscription().ratePlans()).isNotEmpty();
        }
    }

    static String describe(ChargeView c) {
        return c.charge().chargeId() + " " + c.charge().billingPeriod().wireName() + " " + c.billingTiming() + " "
                + c.charge().periodPrice().getAmount() + " through "
                + (c.chargedThroughDate() == null ? "-" : c.chargedThroughDate()) + " mrr " + c.mrr().getAmount()
                + " tcv " + c.tcv().getAmount() + " dmrc " + c.dmrc().getAmount();
    }
}
