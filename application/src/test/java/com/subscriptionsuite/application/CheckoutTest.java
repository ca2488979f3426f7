package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.cart;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static com.subscriptionsuite.application.BillingTestEngine.viennaCompany;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.checkout.Checkout.Item;
import com.subscriptionsuite.application.port.in.checkout.Checkout.NewPaymentMethod;
import com.subscriptionsuite.application.port.in.checkout.Checkout.RatePlanChoice;
import com.subscriptionsuite.application.port.in.checkout.Checkout.SubscribeCommand;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Subscribed;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckoutTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    final BillingTestEngine t = new BillingTestEngine(NOW);
    final long ann = t.customer(1);

    Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command) {
        return t.engine.checkout().subscribe(command);
    }

    String refusal(SubscribeCommand command) {
        CheckoutFailure failure = subscribe(command).getLeft();
        return failure.code() + " " + failure.field();
    }

    Invoice onlyInvoice(long userId) {
        List<Invoice> invoices = t.engine.readInvoices().invoices(1, userId).get();
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    void assertNothingBooked(long userId) {
        assertThat(t.billing.accountOfUser(1, userId).isEmpty()).as("no account").isTrue();
        assertThat(t.engine.readInvoices().invoices(1, userId).get()).as("no invoice").isEmpty();
    }

    @Nested
    class A_customer_subscribing_to_basic_and_premium {
        final Subscribed done = subscribe(cart(1, ann, berliner(null), item(402, 5, 2), item(401, 2, 1))).get();
        final BillingAccount account = t.billing.accountOfUser(1, ann).get();
        final List<Subscription> subscriptions = t.billing.subscriptions(1, account.id());

        @Test
        void gets_one_subscription_per_suite_product_in_order_pos_order() {
            assertThat(done.subscriptions()).extracting(s -> s.suiteProductId() + " " + s.number())
                    .containsExactly("401 S00000001", "402 S00000002");
            assertThat(done.ids()).containsExactlyElementsOf(subscriptions.stream().map(Subscription::id).toList());
            assertThat(done.subscriptions()).extracting(s -> s.uuid())
                    .containsExactlyElementsOf(subscriptions.stream().map(Subscription::uuid).toList());
        }

        @Test
        void gets_an_account_in_the_shop_s_default_currency_with_the_given_details() {
            assertThat(account.number()).isEqualTo("A00000001");
            assertThat(account.currency()).isEqualTo(CurrencyUnit.EUR);
            assertThat(account.details().lastName()).isEqualTo("Example");
            assertThat(account.details().currency()).isEqualTo("EUR");
            assertThat(account.paymentMethodId()).isNull();
        }

        @Test
        void starts_each_subscription_today_with_the_suite_product_s_terms_charged_through_its_first_period() {
            Subscription basic = subscriptions.get(0);
            Subscription premium = subscriptions.get(1);

            assertThat(basic.startDate()).isEqualTo(TODAY);
            assertThat(basic.billingAnchor()).isEqualTo(TODAY);
            assertThat(basic.terms()).isEqualTo(TermSchedule.evergreen(TODAY));
            assertThat(basic.chargedThroughDate()).isEqualTo(LocalDate.of(2025, 7, 15));
            assertThat(premium.terms()).isEqualTo(TermSchedule.termed(TODAY, 12, 12));
            assertThat(premium.autoRenew()).isTrue();
            // its shortest recurring charge bills every 3 months (in arrears)
            assertThat(premium.chargedThroughDate()).isEqualTo(LocalDate.of(2025, 9, 15));
            assertThat(basic.charges()).extracting(c -> c.chargeId() + " " + c.quantity() + " " + c.periodPrice())
                    .containsExactly("301 2 EUR 9.99", "302 2 EUR 19.00", "303 2 EUR 5.00");
        }

        @Test
        void raises_one_invoice_with_the_in_advance_periods_and_the_one_time_charge() {
            Invoice invoice = onlyInvoice(ann);

            assertThat(done.invoiceId()).isEqualTo(invoice.id());
            assertThat(invoice.number()).isEqualTo("INV00000001");
            assertThat(invoice.invoiceDate()).isEqualTo(TODAY);
            assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2025, 6, 29));
            assertThat(invoice.lines()).extracting(l -> l.subscriptionNumber() + " " + l.chargeId() + " "
                    + l.serviceStart() + ".." + l.serviceEnd() + " " + l.amounts().netto() + " + "
                    + l.amounts().tax().getAmount() + " = " + l.amounts().brutto().getAmount())
                    .containsExactly(
                            "S00000001 301 2025-06-15..2025-07-15 EUR 8.39 + 1.60 = 9.99",
                            "S00000001 302 2025-06-15..2025-06-16 EUR 19.00 + 0.00 = 19.00",
                            "S00000001 303 2025-06-15..2025-07-15 EUR 4.20 + 0.80 = 5.00",
                            "S00000002 304 2025-06-15..2026-06-15 EUR 150.00 + 28.50 = 178.50");
            // 9.99 + 19.00 + 5.00 + 178.50
            assertThat(invoice.total().brutto()).isEqualTo(Money.parse("EUR 212.49"));
            assertThat(invoice.balance()).isEqualTo(Money.parse("EUR 212.49"));
            assertThat(invoice.seller().name()).isEqualTo("Shop of acme");
            assertThat(invoice.seller().vatId()).isEqualTo("DE123456788");
            assertThat(invoice.billTo().name()).isEqualTo("Ann Example");
            assertThat(invoice.billTo().addressLines()).containsExactly("Hauptstr. 1", "10115 Berlin");
            assertThat(invoice.taxRate()).isEqualByComparingTo("0.19");
        }
    }

    @Nested
    class The_first_invoice {
        Money previewTotal(PricePreview preview) {
            Money sum = Money.zero(preview.currency());
            for (SuiteProductPrice sp : preview.suiteProducts()) {
                for (PeriodPrice p : sp.prices()) {
                    sum = sum.plus(p.amounts().brutto());
                }
            }
            return sum;
        }

        PreviewPricesQuery previewOf(AccountDetails a, String voucher, long userId, List<Long> suiteProducts) {
            List<PreviewPricesQuery.Item> items = new java.util.ArrayList<>();
            for (int i = 0; i < suiteProducts.size(); i++) {
                items.add(new PreviewPricesQuery.Item(suiteProducts.get(i), 3, i + 1));
            }
            return new PreviewPricesQuery(1, a.currency(), new TaxCustomerData(a.taxCountry(), a.taxZipCode(),
                    a.company(), a.vatId()), items, voucher, 601L, userId);
        }

        @Test
        void totals_what_the_preview_showed_for_a_german_consumer_hand_computed() {
            Money preview = previewTotal(t.engine.previewPrices()
                    .preview(previewOf(berliner(null), null, ann, List.of(401L))).get());

            subscribe(cart(1, ann, berliner(null), item(401, 3, 1))).get();

            // 9.99 base + 3 × 2.50 screens (tax included) + 19.00 setup (not taxable)
            assertThat(preview).isEqualTo(Money.parse("EUR 36.49"));
            assertThat(onlyInvoice(ann).total().brutto()).isEqualTo(preview);
        }

        @Test
        void totals_what_the_preview_showed_for_a_company_abroad_with_reverse_charge() {
            Money preview = previewTotal(t.engine.previewPrices()
                    .preview(previewOf(viennaCompany(), null, ann, List.of(401L))).get());

            subscribe(cart(1, ann, viennaCompany(), item(401, 3, 1))).get();

            Invoice invoice = onlyInvoice(ann);
            assertThat(invoice.total().brutto()).isEqualTo(preview);
            assertThat(invoice.total().tax()).isEqualTo(Money.parse("EUR 0.00"));
            assertThat(invoice.taxNote()).startsWith("Reverse charge");
            assertThat(invoice.billTo().vatId()).isEqualTo("ATU13585627");
        }

        @Test
        void totals_what_the_preview_showed_with_a_held_voucher_and_consumes_it() {
            defineSpringCampaign();
            t.engine.holdVoucher().hold(new VoucherCommand(1, "spring-1", 601L, ann)).get();
            Money preview = previewTotal(t.engine.previewPrices()
                    .preview(previewOf(berliner(null), "spring-1", ann, List.of(401L))).get());

            Subscribed done = subscribe(new SubscribeCommand(1, ann, false, List.of(item(401, 3, 1)),
                    berliner(null), null, "SPRING-1", 601L)).get();

            // 10 % off 9.99 and 7.50 (tax included), 5.00 off the 19.00 setup
            assertThat(preview).isEqualTo(Money.parse("EUR 29.74"));
            assertThat(onlyInvoice(ann).total().brutto()).isEqualTo(preview);
            assertThat(t.billing.subscription(1, done.subscriptions().get(0).uuid()).get().charges())
                    .extracting(c -> c.ratePlanId() + "/" + c.chargeId() + " " + c.periodPrice())
                    .containsExactly("201/301 EUR 8.99", "201/302 EUR 14.00", "201/303 EUR 6.75",
                            "204/309 EUR 0.00", "204/310 EUR 0.00");
            assertThat(t.engine.consumeVoucher().consume(new VoucherCommand(1, "SPRING-1", 601L, ann))
                    .getLeft().code()).isEqualTo("voucher_not_held");
        }
    }

    void defineSpringCampaign() {
        Campaign spring = new Campaign(1, "Spring", 204, null, null, List.of(601L), CodeKind.SINGLE_USE, null, null);
        t.engine.defineCampaigns().define(1, List.of(new CampaignWithCodes(spring, List.of("SPRING-1")))).get();
    }

    @Nested
    class Is_refused_and_books_nothing {
        @Test
        void for_account_data_that_breaks_the_seed_s_rules() {
            AccountDetails b = berliner(null);
            AccountDetails noName = new AccountDetails(false, null, "", b.lastName(), b.street(), b.zipCode(),
                    b.city(), null, "Deutschland", b.email(), b.phone(), null, false, null, null, null, null, null,
                    null, null, null, null, null, null);

            CheckoutFailure failure = subscribe(cart(1, ann, noName, item(401, 1, 1))).getLeft();

            assertThat(failure.code()).isEqualTo("account_invalid");
            assertThat(failure.field()).isEqualTo("account.first_name");
            assertThat(failure.message()).isEqualTo("account.first_name: is required (and 2 more)");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_currency_the_shop_does_not_sell_in() {
            assertThat(refusal(cart(1, ann, berliner("CHF"), item(401, 1, 1))))
                    .isEqualTo("currency_not_offered account.currency");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_cart_the_preview_refuses_with_the_preview_s_code() {
            assertThat(refusal(cart(1, ann, berliner(null), item(999, 1, 1))))
                    .isEqualTo("suite_product_not_found suite_products[0].id");
            assertThat(refusal(cart(1, ann, berliner(null), item(401, 11, 1))))
                    .isEqualTo("quantity_out_of_range suite_products[0].quantity");
            assertThat(refusal(cart(1, ann, berliner(null)))).isEqualTo("cart_empty suite_products");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_suite_product_customers_cannot_buy() {
            assertThat(refusal(cart(1, ann, berliner(null), item(401, 1, 1), item(403, 1, 2))))
                    .isEqualTo("suite_product_not_purchasable suite_products[1].id");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_second_subscription_of_a_suite_product_that_allows_one_in_the_cart() {
            assertThat(refusal(cart(1, ann, berliner(null), item(401, 1, 1), item(401, 2, 2))))
                    .isEqualTo("multiple_subscriptions_not_allowed suite_products[1].id");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_second_subscription_of_a_suite_product_that_allows_one_on_the_account() {
            subscribe(cart(1, ann, berliner(null), item(401, 1, 1))).get();

            CheckoutFailure again = subscribe(cart(1, ann, berliner(null), item(401, 1, 1))).getLeft();

            assertThat(again.code()).isEqualTo("multiple_subscriptions_not_allowed");
            assertThat(again.message()).endsWith("you have a subscription of it already");
            assertThat(t.engine.readInvoices().invoices(1, ann).get()).hasSize(1);
        }

        @Test
        void for_a_currency_other_than_the_existing_account_s() {
            subscribe(cart(1, ann, berliner(null), item(402, 1, 1))).get();

            assertThat(refusal(cart(1, ann, berliner("USD"), item(402, 1, 1))))
                    .isEqualTo("account_currency_locked account.currency");
            assertThat(t.engine.readInvoices().invoices(1, ann).get()).hasSize(1);
        }

        @Test
        void for_rate_plans_and_charges_that_are_not_the_suite_product_s() {
            assertThat(refusal(cart(1, ann, berliner(null), new Item(401, 1, 1,
                    List.of(new RatePlanChoice(202, null))))))
                    .isEqualTo("rate_plan_mismatch suite_products[0].rate_plans[0].id");
            assertThat(refusal(cart(1, ann, berliner(null), new Item(401, 1, 1,
                    List.of(new RatePlanChoice(201, List.of(301L, 304L)))))))
                    .isEqualTo("rate_plan_mismatch suite_products[0].rate_plans[0].charges[1].id");
            assertThat(refusal(cart(1, ann, berliner(null), new Item(401, 1, 1,
                    List.of(new RatePlanChoice(201, List.of(301L, 302L)))))))
                    .isEqualTo("rate_plan_mismatch suite_products[0].rate_plans[0].charges");
            assertThat(refusal(cart(1, ann, berliner(null), new Item(401, 1, 1,
                    List.of(new RatePlanChoice(201, null), new RatePlanChoice(201, null))))))
                    .isEqualTo("rate_plan_mismatch suite_products[0].rate_plans");
            assertNothingBooked(ann);
        }

        @Test
        void for_a_payment_method_that_is_not_the_caller_s_active_one() {
            long bob = t.customer(1);
            t.paymentMethods.save(new PaymentMethod("pm-bob", 1, bob, "CreditCard", Map.of(),
                    PaymentMethod.Status.ACTIVE, NOW));
            t.paymentMethods.save(new PaymentMethod("pm-pending", 1, ann, "PayPal", Map.of(),
                    PaymentMethod.Status.PENDING, NOW));
            for (String id : List.of("pm-bob", "pm-pending", "pm-none")) {
                assertThat(refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), id,
                        null, null))).as(id).isEqualTo("payment_method_not_found payment_method.id");
            }
            assertNothingBooked(ann);
        }

        @Test
        void for_a_voucher_the_caller_does_not_hold_and_the_hold_of_another_stays() {
            defineSpringCampaign();
            long bob = t.customer(1);
            t.engine.holdVoucher().hold(new VoucherCommand(1, "SPRING-1", 601L, bob)).get();

            assertThat(refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), null,
                    "spring-1", null))).isEqualTo("voucher_not_held voucher_code");
            assertNothingBooked(ann);
            assertThat(t.engine.consumeVoucher().consume(new VoucherCommand(1, "SPRING-1", 601L, bob)).isRight())
                    .isTrue();
        }

        @Test
        void and_keeps_the_caller_s_hold_when_another_rule_refuses() {
            defineSpringCampaign();
            t.engine.holdVoucher().hold(new VoucherCommand(1, "SPRING-1", 601L, ann)).get();

            assertThat(refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1), item(403, 1, 2)),
                    berliner(null), null, "SPRING-1", null))).startsWith("suite_product_not_purchasable");

            assertThat(t.engine.consumeVoucher().consume(new VoucherCommand(1, "SPRING-1", 601L, ann)).isRight())
                    .isTrue();
        }

        @Test
        void for_a_voucher_on_a_page_its_campaign_is_not_valid_on() {
            defineSpringCampaign();
            t.engine.holdVoucher().hold(new VoucherCommand(1, "SPRING-1", 601L, ann)).get();

            assertThat(refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), null,
                    "SPRING-1", 602L))).isEqualTo("voucher_not_valid_on_page page_id");
        }

        @Test
        void for_a_guest_where_the_shop_has_no_guest_checkout() {
            // a guest of "members", e.g. with a token issued before the shop turned guest checkout off
            long guest = t.customer(2);

            CheckoutFailure failure = t.engine.checkout().subscribe(new SubscribeCommand(2, guest, true,
                    List.of(item(401, 1, 1)), berliner(null), null, null, null)).getLeft();

            assertThat(failure.code()).isEqualTo("guest_checkout_disabled");
            assertThat(t.billing.accountOfUser(2, guest).isEmpty()).isTrue();
        }
    }

    @Test
    void lets_a_guest_subscribe_where_the_shop_allows_guest_checkout() {
        long guest = t.guest(1);

        Subscribed done = subscribe(new SubscribeCommand(1, guest, true, List.of(item(401, 1, 1)), berliner(null),
                null, null, null)).get();

        assertThat(done.subscriptions()).hasSize(1);
        assertThat(t.billing.accountOfUser(1, guest).isDefined()).isTrue();
    }

    @Test
    void sets_the_caller_s_active_payment_method_as_the_account_s_default() {
        t.paymentMethods.save(new PaymentMethod("pm-ann", 1, ann, "CreditCard", Map.of("mask", "****4242"),
                PaymentMethod.Status.ACTIVE, NOW));

        subscribe(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), "pm-ann", null, null))
                .get();

        assertThat(t.billing.accountOfUser(1, ann).get().paymentMethodId()).isEqualTo("pm-ann");
    }

    @Test
    void creates_a_bank_transfer_described_without_an_id_with_the_account_and_makes_it_its_default() {
        subscribe(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), null, null, null,
                new NewPaymentMethod("BankTransfer", Map.of("bank_transfer_account_name", "Ann Example")))).get();

        assertThat(t.paymentMethods.all()).singleElement().satisfies(m -> {
            assertThat(m.userId()).isEqualTo(ann);
            assertThat(m.type()).isEqualTo("BankTransfer");
            assertThat(m.status()).isEqualTo(PaymentMethod.Status.ACTIVE);
            assertThat(m.data()).containsEntry("bank_transfer_account_name", "Ann Example");
            assertThat(t.billing.accountOfUser(1, ann).get().paymentMethodId()).isEqualTo(m.id());
        });
    }

    @Test
    void stores_no_bank_transfer_when_a_later_rule_refuses_the_checkout() {
        defineSpringCampaign();
        String refused = refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), null,
                "SPRING-1", null, new NewPaymentMethod("BankTransfer", Map.of())));

        assertThat(refused).isEqualTo("voucher_not_held voucher_code");
        assertThat(t.paymentMethods.all()).isEmpty();
        assertNothingBooked(ann);
    }

    @Test
    void refuses_a_card_described_without_an_id_by_the_rules_of_the_account_s_payment_method() {
        assertThat(refusal(new SubscribeCommand(1, ann, false, List.of(item(401, 1, 1)), berliner(null), null, null,
                null, new NewPaymentMethod("CreditCard", Map.of()))))
                .isEqualTo("payment_method_id_required payment_method.id");
        assertThat(t.paymentMethods.all()).isEmpty();
        assertNothingBooked(ann);
    }

    @Test
    void updates_the_existing_account_and_keeps_its_number_on_a_second_checkout() {
        subscribe(cart(1, ann, berliner(null), item(402, 1, 1))).get();
        AccountDetails b = berliner("EUR");
        AccountDetails moved = new AccountDetails(false, null, b.firstName(), "Married", "Neue Str. 2", "80331",
                "München", null, "DE", b.email(), b.phone(), null, false, null, null, null, null, null, null, null,
                null, null, "", "EUR");

        subscribe(cart(1, ann, moved, item(402, 2, 1))).get();

        BillingAccount account = t.billing.accountOfUser(1, ann).get();
        assertThat(account.number()).isEqualTo("A00000001");
        assertThat(account.details().lastName()).isEqualTo("Married");
        assertThat(t.billing.subscriptions(1, account.id())).hasSize(2);
        assertThat(t.engine.readInvoices().invoices(1, ann).get()).extracting(i -> i.billTo().name())
                .containsExactly("Ann Married", "Ann Example");
    }

    @Test
    void refuses_a_voucher_code_when_the_engine_has_no_voucher_store() {
        BillingTestEngine noVouchers = new BillingTestEngine(NOW, false);
        long bob = noVouchers.customer(1);

        CheckoutFailure failure = noVouchers.engine.checkout().subscribe(new SubscribeCommand(1, bob, false,
                List.of(item(401, 1, 1)), berliner(null), null, "SPRING-1", null)).getLeft();

        assertThat(failure.code()).isEqualTo("voucher_unknown");
        assertThat(noVouchers.billing.accountOfUser(1, bob).isEmpty()).isTrue();
    }
}
