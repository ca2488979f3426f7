package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.fixtures.TeamShop.BASIC;
import static com.subscriptionsuite.application.fixtures.TeamShop.BASIC_RULES;
import static com.subscriptionsuite.application.fixtures.TeamShop.BASIC_SEATS;
import static com.subscriptionsuite.application.fixtures.TeamShop.CANCEL_AT_ANY_TIME;
import static com.subscriptionsuite.application.fixtures.TeamShop.CANCEL_SELF_SERVICE;
import static com.subscriptionsuite.application.fixtures.TeamShop.EUR;
import static com.subscriptionsuite.application.fixtures.TeamShop.PRO;
import static com.subscriptionsuite.application.fixtures.TeamShop.PRO_SEATS;
import static com.subscriptionsuite.application.fixtures.TeamShop.SETUP_FEE;
import static com.subscriptionsuite.application.fixtures.TeamShop.TEN_PERCENT_OFF;
import static com.subscriptionsuite.application.fixtures.TeamShop.TEN_PERCENT_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentMethods;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryCustomerLocks;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryBillingOperations;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.fixtures.Subscriptions;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.change.ChangeCommand;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.change.ChangePreview;
import com.subscriptionsuite.application.port.in.change.ChangePreview.ChangeLine;
import com.subscriptionsuite.application.port.in.change.ChangePreview.NextInvoice;
import com.subscriptionsuite.application.port.in.change.QuantityOptions;
import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeBehaviour;
import com.subscriptionsuite.domain.subscription.ChangeQuote;
import com.subscriptionsuite.domain.subscription.ChangeTiming;
import com.subscriptionsuite.domain.subscription.QuoteLine;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subscription changes over the in-memory billing ledger. The customer Ann has a Basic subscription
 * (seats at 29.90 a month, tax-exclusive, German VAT 19 %) started and billed monthly from 2023-01-15
 * on 12-month terms, invoiced through 2023-06-15; she asks on 2023-05-23, inside the billing period
 * 2023-05-15..2023-06-15 (31 days, 23 left: factor 0.741935484). Every amount below is worked out by
 * hand in its comment.
 */
class ChangeSubscriptionTest {
    static final long TENANT = 1;
    static final long ANN = 41;
    static final long BOB = 42;
    static final Instant ASKED = Instant.parse("2023-05-23T09:00:00Z");
    static final LocalDate START = d("2023-01-15");
    static final LocalDate INVOICED_THROUGH = d("2023-06-15");

    /** An engine over the team shop with these rules on Basic and these customer-center settings. */
    static final class Shop {
        final MutableClock clock = new MutableClock(ASKED);
        final InMemoryLedgerStore billing = new InMemoryLedgerStore();
        final InMemoryTransactions transactions = new InMemoryTransactions();
        final InMemoryAccountLinks links = new InMemoryAccountLinks(transactions);
        final com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents events =
                new com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents(transactions);
        final List<com.subscriptionsuite.application.port.out.events.EventListener.FeedEvent> heard =
                new java.util.ArrayList<>();
        final TenantDefinition definition;
        final Engine engine;
        final BillingAccount ann;

        Shop(ChangeRules basicRules, CustomerCenterSettings settings) {
            this(basicRules, settings, null);
        }

        /**
         * With {@code wrapGateway} null the engine is built on the built-in ledger ({@code .ledger});
         * otherwise it calls the ledger through {@code wrapGateway(ledger)} (a failing billing system).
         */
        Shop(ChangeRules basicRules, CustomerCenterSettings settings,
                java.util.function.UnaryOperator<com.subscriptionsuite.application.port.out.billing.BillingGateway>
                        wrapGateway) {
            definition = TeamShop.definition(TENANT, "team", basicRules, settings);
            InMemoryTenants tenants = new InMemoryTenants();
            tenants.store(definition);
            Engine.Builder builder = Engine.builder().tenants(tenants).clock(clock).users(new InMemoryUsers())
                    .sessions(new InMemorySessions()).passwordResets(new InMemoryPasswordResets())
                    .loginAttempts(new InMemoryLoginAttempts()).transactions(transactions)
                    .passwordHasher(new PlainTestHasher()).secrets(new CountingSecrets()).commonPasswords(p -> false)
                    .mailer(new RecordingMailer())
                    .customerLocks(new InMemoryCustomerLocks(transactions, clock)).accountLinks(links)
                    .billingOperations(new InMemoryBillingOperations(transactions))
                    .paymentMethods(new InMemoryPaymentMethods())
                    .outbox(events, events).listener("test", heard::add);
            if (wrapGateway == null) {
                builder.ledger(billing);
            } else {
                com.subscriptionsuite.application.service.tenant.TenantDirectory directory =
                        new com.subscriptionsuite.application.service.tenant.TenantDirectory(tenants);
                directory.refresh();
                builder.billingGateway(wrapGateway.apply(new com.subscriptionsuite.application.ledger.BuiltInLedger(
                        billing, transactions, directory, new CountingSecrets(),
                        new com.subscriptionsuite.domain.tax.VatDetermination(
                                com.subscriptionsuite.domain.tax.VatRates.euStandardRates()), clock)));
            }
            engine = builder.build();
            ann = Subscriptions.account(billing, links, TENANT, ANN, Subscriptions.germanConsumer("Ann"), EUR);
        }

        Shop() {
            this(BASIC_RULES, CANCEL_SELF_SERVICE);
        }

        Subscriptions subscription(long suiteProductId, long quantity) {
            return Subscriptions.in(billing, definition).account(ann).suiteProduct(suiteProductId).quantity(quantity)
                    .startingOn(START).chargedThrough(INVOICED_THROUGH);
        }

        Subscription basic(long quantity) {
            return subscription(BASIC, quantity).save();
        }

        Either<ChangeFailure, ChangePreview> preview(ChangeCommand command) {
            return engine.changeSubscription().preview(command);
        }

        Either<ChangeFailure, AppliedChange> apply(ChangeCommand command) {
            return engine.changeSubscription().apply(command);
        }

        Subscription stored(Subscription s) {
            return billing.subscription(TENANT, s.uuid()).getOrElseThrow(() -> new AssertionError("gone"));
        }

        Invoice invoice(AppliedChange applied) {
            return billing.invoice(TENANT, applied.invoiceId()).getOrElseThrow(() -> new AssertionError("no invoice"));
        }
    }

    static ChangeCommand quantity(Subscription s, long n) {
        return ChangeCommand.changeQuantity(TENANT, ANN, s.uuid(), n);
    }

    static ChangeCommand replace(Subscription s, long option) {
        return ChangeCommand.replace(TENANT, ANN, s.uuid(), option);
    }

    static ChangeCommand cancel(Subscription s) {
        return ChangeCommand.cancel(TENANT, ANN, s.uuid(), Option.none());
    }

    static ChangeCommand cancelOn(Subscription s, String wished) {
        return ChangeCommand.cancel(TENANT, ANN, s.uuid(), Option.some(d(wished)));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    static TaxSplit split(String netto, String tax, String brutto) {
        return new TaxSplit(eur(netto), eur(tax), eur(brutto));
    }

    static <T> T ok(Either<ChangeFailure, T> result) {
        return result.getOrElseThrow(f -> new AssertionError(f.code() + ": " + f.message()));
    }

    static String refusal(Either<ChangeFailure, ?> result) {
        return result.fold(ChangeFailure::code, r -> "allowed: " + r);
    }

    /** Ann's active segments on {@code day}, as "charge quantity start..end". */
    static List<String> segments(Subscription s) {
        return s.charges().stream().map(c -> c.chargeId() + " x" + c.quantity() + " #" + c.segment() + " "
                + c.effectiveStart() + ".." + c.effectiveEnd()).toList();
    }

    @Nested
    class An_immediate_quantity_upgrade {
        final Shop shop = new Shop();
        final Subscription basic = shop.basic(2);

        @Test
        void credits_the_old_quantity_and_charges_the_new_one_for_the_rest_of_the_period() {
            ChangePreview p = ok(shop.preview(quantity(basic, 3)));

            assertThat(p.action()).isEqualTo(ChangeAction.QUANTITY_UPGRADE);
            assertThat(p.timing()).isEqualTo(ChangeTiming.IMMEDIATELY);
            assertThat(p.effectiveDate()).isEqualTo(d("2023-05-23"));
            assertThat(((ChangeQuote.Prorated) p.quote()).factor()).isEqualByComparingTo("0.741935484");
            // credit 2 × 29.90 = 59.80 × 23/31 = 44.3677 → 44.37, tax 8.4303 → 8.43
            // charge 3 × 29.90 = 89.70 × 23/31 = 66.5516 → 66.55, tax 12.6445 → 12.64
            assertThat(p.lines()).extracting(ChangeLine::description, ChangeLine::amounts).containsExactly(
                    tuple("Credit: Basic seats (quantity 2)",
                            split("-44.37", "-8.43", "-52.80")),
                    tuple("Basic seats (quantity 3)", split("66.55", "12.64", "79.19")));
            assertThat(p.lines()).allSatisfy(l -> {
                assertThat(l.serviceStart()).isEqualTo(d("2023-05-23"));
                assertThat(l.serviceEnd()).isEqualTo(d("2023-06-15"));
                assertThat(l.chargeId()).isEqualTo(BASIC_SEATS);
            });
            assertThat(p.total()).isEqualTo(split("22.18", "4.21", "26.39"));
            // 59.80 + 11.36 (11.362); 89.70 + 17.04 (17.043)
            assertThat(p.currentPeriodPrice()).isEqualTo(split("59.80", "11.36", "71.16"));
            assertThat(p.newPeriodPrice()).isEqualTo(split("89.70", "17.04", "106.74"));
            assertThat(p.newPriceFrom()).isEqualTo(d("2023-06-15"));
            assertThat(p.nextBillingDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.nextInvoice()).isEqualTo(new NextInvoice(d("2023-05-23"), true, split("22.18", "4.21", "26.39")));
            assertThat(p.quantity()).isEqualTo(3);
            assertThat(p.currentQuantity()).isEqualTo(2);
            assertThat(p.product().id()).isEqualTo(801);
        }

        @Test
        void books_what_the_preview_announced() {
            ChangePreview preview = ok(shop.preview(quantity(basic, 3)));
            AppliedChange applied = ok(shop.apply(quantity(basic, 3)));

            assertThat(applied.change()).isEqualTo(preview);
            assertThat(applied.change().quote()).isEqualTo(preview.quote());
        }

        @Test
        void continues_the_seats_as_a_second_segment_and_leaves_the_setup_fee_alone() {
            ok(shop.apply(quantity(basic, 3)));
            Subscription after = shop.stored(basic);

            assertThat(after.version()).isEqualTo(2);
            assertThat(after.chargedThroughDate()).isEqualTo(INVOICED_THROUGH);
            assertThat(after.cancelDate()).isNull();
            assertThat(segments(after)).containsExactly(
                    BASIC_SEATS + " x2 #1 2023-01-15..2023-05-23",
                    SETUP_FEE + " x2 #1 2023-01-15..null",
                    BASIC_SEATS + " x3 #2 2023-05-23..null");
            SubscribedCharge first = after.charges().get(0);
            SubscribedCharge second = after.charges().get(2);
            assertThat(second.originalId()).isEqualTo(first.originalId());
            assertThat(second.number()).isEqualTo(first.number());
            assertThat(second.periodPrice()).isEqualTo(eur("89.70"));
        }

        @Test
        void raises_an_invoice_on_the_effective_date_with_a_line_per_quote_line() {
            AppliedChange applied = ok(shop.apply(quantity(basic, 3)));
            Invoice invoice = shop.invoice(applied);

            assertThat(invoice.invoiceDate()).isEqualTo(d("2023-05-23"));
            assertThat(invoice.dueDate()).isEqualTo(d("2023-06-06"));
            assertThat(invoice.accountId()).isEqualTo(shop.ann.id());
            assertThat(invoice.number()).isEqualTo(applied.invoiceNumber());
            assertThat(invoice.taxRate()).isEqualByComparingTo("0.19");
            assertThat(invoice.taxNote()).contains("DE VAT 19%");
            assertThat(invoice.lines()).containsExactly(
                    new InvoiceLine(basic.number(), BASIC_SEATS, "Credit: Basic seats (quantity 2)", d("2023-05-23"),
                            d("2023-06-15"), split("-44.37", "-8.43", "-52.80")),
                    new InvoiceLine(basic.number(), BASIC_SEATS, "Basic seats (quantity 3)", d("2023-05-23"),
                            d("2023-06-15"), split("66.55", "12.64", "79.19")));
            assertThat(invoice.total()).isEqualTo(split("22.18", "4.21", "26.39"));
            assertThat(invoice.paid()).isEqualTo(eur("0.00"));
            assertThat(invoice.seller()).isEqualTo(new InvoiceParty("Team Tools GmbH", List.of(), "DE", "DE123456788"));
            assertThat(invoice.billTo()).isEqualTo(new InvoiceParty("Ann Muster", List.of("Hauptstr. 1", "10115 Berlin"),
                    "DE", null));
        }

        @Test
        void records_an_amendment_with_the_invoice_and_the_new_version() {
            AppliedChange applied = ok(shop.apply(quantity(basic, 3)));
            List<Amendment> amendments = shop.billing.amendments(TENANT, basic.id());

            assertThat(amendments).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(applied.amendmentId());
                assertThat(a.action()).isEqualTo(ChangeAction.QUANTITY_UPGRADE);
                assertThat(a.requestDate()).isEqualTo(d("2023-05-23"));
                assertThat(a.effectiveDate()).isEqualTo(d("2023-05-23"));
                assertThat(a.version()).isEqualTo(2);
                assertThat(a.invoiceId()).isEqualTo(applied.invoiceId());
                assertThat(a.description()).isEqualTo("Quantity from 2 to 3 with effect from 2023-05-23");
                assertThat(a.createdAt()).isEqualTo(ASKED);
            });
            assertThat(applied.subscriptionVersion()).isEqualTo(2);
        }

        @Test
        void can_be_followed_by_another_immediate_change_the_same_day() {
            ok(shop.apply(quantity(basic, 3)));
            ChangePreview again = ok(shop.preview(quantity(basic, 4)));

            // credit 89.70 × 23/31 = 66.55, charge 119.60 × 23/31 = 88.7354 → 88.74
            assertThat(again.lines()).extracting(ChangeLine::amounts).extracting(TaxSplit::netto)
                    .containsExactly(eur("-66.55"), eur("88.74"));
            assertThat(again.currentQuantity()).isEqualTo(3);
        }

        @Test
        void keeps_a_voucher_discount_and_reprices_it_at_the_new_quantity() {
            Subscription discounted = shop.subscription(BASIC, 2).withDiscount(TEN_PERCENT_PLAN).save();
            ChangePreview p = ok(shop.preview(quantity(discounted, 3)));

            // booked 59.80 − 5.98 = 53.82, credit 53.82 × 23/31 = 39.9310 → 39.93, tax 7.5867 → 7.59
            // new 89.70 − 8.97 = 80.73, charge 80.73 × 23/31 = 59.8965 → 59.90, tax 11.381 → 11.38
            assertThat(p.lines()).extracting(ChangeLine::amounts)
                    .containsExactly(split("-39.93", "-7.59", "-47.52"), split("59.90", "11.38", "71.28"));
            assertThat(p.newPeriodPrice()).isEqualTo(split("80.73", "15.34", "96.07"));

            ok(shop.apply(quantity(discounted, 3)));
            assertThat(segments(shop.stored(discounted))).containsExactly(
                    BASIC_SEATS + " x2 #1 2023-01-15..2023-05-23",
                    SETUP_FEE + " x2 #1 2023-01-15..null",
                    TEN_PERCENT_OFF + " x2 #1 2023-01-15..2023-05-23",
                    BASIC_SEATS + " x3 #2 2023-05-23..null",
                    TEN_PERCENT_OFF + " x3 #2 2023-05-23..null");
        }
    }

    @Nested
    class A_quantity_downgrade_at_the_end_of_the_billing_period {
        final Shop shop = new Shop();
        final Subscription basic = shop.basic(2);

        @Test
        void invoices_nothing_now_and_bills_the_new_price_from_the_period_end() {
            ChangePreview p = ok(shop.preview(quantity(basic, 1)));

            assertThat(p.action()).isEqualTo(ChangeAction.QUANTITY_DOWNGRADE);
            assertThat(p.timing()).isEqualTo(ChangeTiming.END_OF_BILLING_PERIOD);
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.quote()).isInstanceOf(ChangeQuote.Scheduled.class);
            assertThat(p.lines()).isEmpty();
            assertThat(p.total()).isEqualTo(split("0.00", "0.00", "0.00"));
            // 29.90 + 5.68 (5.681)
            assertThat(p.newPeriodPrice()).isEqualTo(split("29.90", "5.68", "35.58"));
            assertThat(p.nextInvoice()).isEqualTo(new NextInvoice(d("2023-06-15"), false, split("29.90", "5.68", "35.58")));
        }

        @Test
        void books_a_segment_from_the_period_end_that_the_stored_state_shows_and_no_invoice() {
            AppliedChange applied = ok(shop.apply(quantity(basic, 1)));
            Subscription after = shop.stored(basic);

            assertThat(applied.invoiceId()).isNull();
            assertThat(shop.billing.invoices(TENANT, shop.ann.id())).isEmpty();
            assertThat(segments(after)).containsExactly(
                    BASIC_SEATS + " x2 #1 2023-01-15..2023-06-15",
                    SETUP_FEE + " x2 #1 2023-01-15..null",
                    BASIC_SEATS + " x1 #2 2023-06-15..null");
            assertThat(after.chargesOn(d("2023-06-14"))).extracting(SubscribedCharge::quantity).containsOnly(2L);
            assertThat(after.pendingAfter(d("2023-05-23"))).extracting(SubscribedCharge::quantity).containsExactly(1L);
            assertThat(shop.billing.amendments(TENANT, basic.id())).singleElement()
                    .satisfies(a -> assertThat(a.invoiceId()).isNull());
        }

        @Test
        void refuses_any_further_change_until_it_has_taken_effect() {
            ok(shop.apply(quantity(basic, 1)));

            assertThat(refusal(shop.preview(quantity(basic, 3)))).isEqualTo("change_pending");
            assertThat(refusal(shop.apply(cancel(basic)))).isEqualTo("change_pending");
            assertThat(shop.preview(cancel(basic)).getLeft().message()).contains("2023-06-15");

            shop.clock.advance(Duration.ofDays(23));
            assertThat(ok(shop.preview(quantity(basic, 3))).currentQuantity()).isEqualTo(1);
        }
    }

    @Nested
    class Replacing_the_product_through_a_change_option {
        final Shop shop = new Shop();

        @Test
        void upgrades_immediately_as_the_worked_example_says() {
            Subscription basic = shop.basic(1);
            ChangePreview p = ok(shop.preview(replace(basic, TeamShop.TO_PRO)));

            assertThat(p.action()).isEqualTo(ChangeAction.UPGRADE);
            assertThat(p.lines()).extracting(ChangeLine::description, ChangeLine::chargeId, ChangeLine::amounts)
                    .containsExactly(
                            tuple("Credit: Basic seats (quantity 1)", BASIC_SEATS,
                                    split("-22.18", "-4.21", "-26.39")),
                            tuple("Pro seats (quantity 1)", PRO_SEATS,
                                    split("37.02", "7.03", "44.05")));
            assertThat(p.total()).isEqualTo(split("14.84", "2.82", "17.66"));
            assertThat(p.newPeriodPrice()).isEqualTo(split("49.90", "9.48", "59.38"));
            assertThat(p.suiteProductId()).isEqualTo(PRO);
            assertThat(p.currentSuiteProductId()).isEqualTo(BASIC);

            AppliedChange applied = ok(shop.apply(replace(basic, TeamShop.TO_PRO)));
            assertThat(applied.change()).isEqualTo(p);
            Subscription after = shop.stored(basic);
            assertThat(segments(after)).containsExactly(
                    BASIC_SEATS + " x1 #1 2023-01-15..2023-05-23",
                    SETUP_FEE + " x1 #1 2023-01-15..null",
                    PRO_SEATS + " x1 #1 2023-05-23..null");
            assertThat(after.charges().get(2).suiteProductId()).isEqualTo(PRO);
            assertThat(shop.invoice(applied).total()).isEqualTo(split("14.84", "2.82", "17.66"));
            assertThat(shop.billing.amendments(TENANT, basic.id())).singleElement()
                    .extracting(Amendment::description)
                    .isEqualTo("Upgrade from Basic to Pro (change option 951) with effect from 2023-05-23");
        }

        @Test
        void drops_a_voucher_discount() {
            Subscription discounted = shop.subscription(BASIC, 1).withDiscount(TEN_PERCENT_PLAN).save();
            ChangePreview p = ok(shop.preview(replace(discounted, TeamShop.TO_PRO)));

            // booked 29.90 − 2.99 = 26.91, credit × 23/31 = 19.9655 → 19.97; the Pro seats at full price
            assertThat(p.lines()).extracting(ChangeLine::amounts).extracting(TaxSplit::netto)
                    .containsExactly(eur("-19.97"), eur("37.02"));
            assertThat(p.newPeriodPrice()).isEqualTo(split("49.90", "9.48", "59.38"));

            ok(shop.apply(replace(discounted, TeamShop.TO_PRO)));
            assertThat(shop.stored(discounted).chargesOn(d("2023-05-23"))).extracting(SubscribedCharge::chargeId)
                    .containsExactly(SETUP_FEE, PRO_SEATS);
        }

        @Test
        void downgrades_at_the_end_of_the_billing_period() {
            Subscription pro = shop.subscription(PRO, 1).save();
            ChangePreview p = ok(shop.preview(replace(pro, TeamShop.PRO_TO_BASIC)));

            assertThat(p.action()).isEqualTo(ChangeAction.DOWNGRADE);
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.lines()).isEmpty();
            assertThat(p.newPeriodPrice()).isEqualTo(split("29.90", "5.68", "35.58"));
            assertThat(p.currentPeriodPrice()).isEqualTo(split("49.90", "9.48", "59.38"));

            ok(shop.apply(replace(pro, TeamShop.PRO_TO_BASIC)));
            assertThat(segments(shop.stored(pro))).containsExactly(
                    PRO_SEATS + " x1 #1 2023-01-15..2023-06-15",
                    BASIC_SEATS + " x1 #1 2023-06-15..null");
        }

        @ParameterizedTest(name = "option {0} with quantity {1}: {2}")
        @CsvSource({
            "999, 1, change_option_not_found",
            "954, 1, change_option_unavailable",
            "955, 1, not_priced_in_currency",
            "952, 1, billing_period_change_not_supported",
            "953, 2, quantity_out_of_range",
            "953, 1, allowed",
        })
        void needs_a_target_that_can_be_booked_for_this_subscription(long option, long quantity, String expected) {
            Subscription basic = shop.basic(quantity);
            Either<ChangeFailure, ChangePreview> preview = shop.preview(replace(basic, option));

            assertThat(preview.fold(ChangeFailure::code, p -> "allowed")).isEqualTo(expected);
            assertThat(shop.apply(replace(basic, option)).fold(ChangeFailure::code, p -> "allowed"))
                    .isEqualTo(expected);
        }

        @Test
        void names_the_charge_and_limit_when_the_current_quantity_does_not_fit_the_target() {
            Subscription basic = shop.basic(2);
            ChangeFailure f = shop.preview(replace(basic, TeamShop.TO_SOLO)).getLeft();

            assertThat(f.message()).isEqualTo("quantity: 2 is not allowed for charge 825 (at most 1)");
            assertThat(f.field()).isEqualTo("quantity");
        }
    }

    @Nested
    class Cancelling {
        @Test
        void with_mode_1_ends_every_segment_at_the_end_of_the_billing_period() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);
            ChangePreview p = ok(shop.preview(cancel(basic)));

            assertThat(p.action()).isEqualTo(ChangeAction.CANCEL);
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.lines()).isEmpty();
            assertThat(p.newPeriodPrice()).isEqualTo(split("0.00", "0.00", "0.00"));
            assertThat(p.newPriceFrom()).isNull();
            assertThat(p.nextBillingDate()).as("the period to 2023-06-15 is the last").isNull();
            assertThat(p.nextInvoice()).isNull();

            AppliedChange applied = ok(shop.apply(cancel(basic)));
            assertThat(applied.change()).isEqualTo(p);
            assertThat(applied.invoiceId()).isNull();
            Subscription after = shop.stored(basic);
            assertThat(after.cancelDate()).isEqualTo(d("2023-06-15"));
            assertThat(after.statusOn(d("2023-06-14"))).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(after.statusOn(d("2023-06-15"))).isEqualTo(SubscriptionStatus.CANCELLED);
            assertThat(after.charges()).allSatisfy(c -> assertThat(c.effectiveEnd()).isEqualTo(d("2023-06-15")));
            assertThat(shop.billing.dueForBilling(TENANT, d("2023-06-15"))).isEmpty();
        }

        @ParameterizedTest(name = "mode {0}, {1} days of notice: {2}, next billing {3}")
        @CsvSource({
            "1, 0,  2023-06-15, ",
            "1, 23, 2023-06-15, ",
            "1, 24, 2023-07-15, 2023-06-15",
            "2, 0,  2024-01-15, 2023-06-15",
        })
        void waits_for_the_notice_and_the_mode(int mode, int notice, String effective, String nextBilling) {
            Shop shop = new Shop(new ChangeRules(1, mode, notice, 1, 0, 1, 1, 1, 0, 1, 1), CANCEL_SELF_SERVICE);
            Subscription basic = shop.basic(2);
            ChangePreview p = ok(shop.preview(cancel(basic)));

            assertThat(p.effectiveDate()).isEqualTo(d(effective));
            assertThat(p.quote().allowance().noticeEnd()).isEqualTo(d("2023-05-23").plusDays(notice));
            assertThat(p.nextBillingDate()).isEqualTo(nextBilling == null ? null : d(nextBilling));
            if (nextBilling != null) {
                // the current price is billed until the cancel takes effect
                assertThat(p.nextInvoice()).isEqualTo(new NextInvoice(d(nextBilling), false,
                        split("59.80", "11.36", "71.16")));
            }
            assertThat(shop.stored(basic).version()).as("a preview books nothing").isEqualTo(1);
        }

        @Test
        void at_any_time_takes_effect_today_and_raises_a_credit_note_for_the_rest_of_the_period() {
            Shop shop = new Shop(BASIC_RULES, CANCEL_AT_ANY_TIME);
            Subscription basic = shop.basic(2);
            AppliedChange applied = ok(shop.apply(cancel(basic)));

            assertThat(applied.change().timing()).isEqualTo(ChangeTiming.IMMEDIATELY);
            assertThat(applied.change().quote().allowance().cancelAtAnyTime()).isTrue();
            // credit 59.80 × 23/31 = 44.37, tax 8.43
            Invoice creditNote = shop.invoice(applied);
            assertThat(creditNote.total()).isEqualTo(split("-44.37", "-8.43", "-52.80"));
            assertThat(creditNote.lines()).extracting(InvoiceLine::description)
                    .containsExactly("Credit: Basic seats (quantity 2)");
            assertThat(shop.stored(basic).statusOn(d("2023-05-23"))).isEqualTo(SubscriptionStatus.CANCELLED);
            assertThat(applied.change().nextInvoice())
                    .isEqualTo(new NextInvoice(d("2023-05-23"), true, split("-44.37", "-8.43", "-52.80")));
        }

        @Test
        void at_any_time_keeps_the_notice_and_credits_from_its_end() {
            Shop shop = new Shop(new ChangeRules(1, 1, 14, 1, 0, 1, 1, 1, 0, 1, 1), CANCEL_AT_ANY_TIME);
            Subscription basic = shop.basic(2);
            AppliedChange applied = ok(shop.apply(cancel(basic)));

            // 2023-06-06..2023-06-15: 9/31 = 0.290322581; 59.80 × it = 17.3613 → 17.36, tax 3.2984 → 3.30
            assertThat(applied.change().effectiveDate()).isEqualTo(d("2023-06-06"));
            Invoice creditNote = shop.invoice(applied);
            assertThat(creditNote.invoiceDate()).isEqualTo(d("2023-06-06"));
            assertThat(creditNote.total()).isEqualTo(split("-17.36", "-3.30", "-20.66"));
            assertThat(creditNote.lines()).singleElement().satisfies(l -> {
                assertThat(l.serviceStart()).isEqualTo(d("2023-06-06"));
                assertThat(l.serviceEnd()).isEqualTo(d("2023-06-15"));
            });
        }

        @Test
        void with_notice_into_a_period_not_invoiced_yet_credits_nothing() {
            Shop shop = new Shop();
            Subscription pro = shop.subscription(PRO, 1).save();
            ChangePreview p = ok(shop.preview(cancel(pro)));

            // Pro: cancel immediately with 30 days of notice: 2023-06-22, in the period from 2023-06-15 that the
            // billing run has not invoiced: the run bills 2023-06-15..2023-06-22 from the segments
            assertThat(p.timing()).isEqualTo(ChangeTiming.IMMEDIATELY);
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-22"));
            assertThat(p.lines()).isEmpty();
            assertThat(p.nextBillingDate()).isEqualTo(d("2023-06-15"));
        }

        @Test
        void on_a_wished_date_before_the_notice_ends_is_refused_with_the_earliest_date() {
            Shop shop = new Shop(new ChangeRules(1, 0, 14, 1, 0, 1, 1, 1, 0, 1, 1), CANCEL_SELF_SERVICE);
            Subscription basic = shop.basic(2);
            ChangeFailure f = shop.preview(cancelOn(basic, "2023-06-01")).getLeft();

            assertThat(f.code()).isEqualTo("notice_period");
            assertThat(f.field()).isEqualTo("effective_date");
            assertThat(f.message()).isEqualTo("effective_date: 2023-06-01 is within the notice period of 14 days; "
                    + "the earliest date is 2023-06-06");
            assertThat(refusal(shop.apply(cancelOn(basic, "2023-06-01")))).isEqualTo("notice_period");
            assertThat(shop.stored(basic).cancelDate()).isNull();
        }

        @Test
        void on_a_later_wished_date_takes_the_next_date_the_mode_allows() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);

            assertThat(ok(shop.apply(cancelOn(basic, "2023-07-01"))).change().effectiveDate())
                    .isEqualTo(d("2023-07-15"));
        }

        @Test
        void is_refused_when_the_shop_does_not_offer_cancelling() {
            Shop shop = new Shop(BASIC_RULES, TeamShop.NO_CANCEL);
            Subscription basic = shop.basic(2);
            ChangeFailure f = shop.apply(cancel(basic)).getLeft();

            assertThat(f.code()).isEqualTo("change_not_allowed");
            assertThat(f).isInstanceOf(ChangeFailure.CancelNotOffered.class);
            assertThat(ok(shop.preview(quantity(basic, 3))).total().brutto()).isEqualTo(eur("26.39"));
        }

        @ParameterizedTest(name = "cancel behaviour {0}: {1}")
        @CsvSource({"0, change_not_allowed", "2, change_contact_us"})
        void is_refused_as_the_product_says(int behaviour, String code) {
            Shop shop = new Shop(new ChangeRules(behaviour, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1), CANCEL_AT_ANY_TIME);
            Subscription basic = shop.basic(2);

            assertThat(refusal(shop.preview(cancel(basic)))).isEqualTo(code);
            assertThat(shop.preview(cancel(basic)).getLeft().field()).isEqualTo("uuid");
        }

        @Test
        void a_second_time_is_refused_and_so_is_any_change_after_it() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);
            ok(shop.apply(cancel(basic)));

            ChangeFailure again = shop.apply(cancel(basic)).getLeft();
            assertThat(again.code()).isEqualTo("subscription_cancelled");
            assertThat(again.message()).contains("2023-06-15");
            assertThat(refusal(shop.preview(quantity(basic, 3)))).isEqualTo("subscription_cancelled");
            assertThat(refusal(shop.apply(replace(basic, TeamShop.TO_PRO)))).isEqualTo("subscription_cancelled");
            assertThat(shop.billing.amendments(TENANT, basic.id())).hasSize(1);
        }
    }

    @Nested
    class Quantity_rules {
        final Shop shop = new Shop();

        @ParameterizedTest(name = "{0} seats on Basic: {1}")
        @CsvSource({
            "11, quantity_out_of_range",
            "0,  quantity_out_of_range",
            "2,  quantity_unchanged",
            "10, allowed",
        })
        void respect_the_limits_of_the_charges(long n, String expected) {
            Subscription basic = shop.basic(2);
            assertThat(shop.preview(quantity(basic, n)).fold(ChangeFailure::code, p -> "allowed")).isEqualTo(expected);
        }

        @Test
        void refuse_a_product_sold_in_one_quantity_only() {
            Subscription fixed = shop.subscription(TeamShop.FIXED, 1).save();
            assertThat(refusal(shop.preview(quantity(fixed, 2)))).isEqualTo("quantity_fixed");
        }

        @ParameterizedTest(name = "Pro from 3 to {0}: {1}")
        @CsvSource({"4, change_contact_us", "2, change_not_allowed"})
        void follow_the_quantity_upgrade_and_downgrade_behaviours(long n, String expected) {
            Subscription pro = shop.subscription(PRO, 3).save();
            ChangeFailure f = shop.apply(quantity(pro, n)).getLeft();

            assertThat(f.code()).isEqualTo(expected);
            assertThat(f.field()).isEqualTo("quantity");
            assertThat(shop.stored(pro).version()).isEqualTo(1);
        }
    }

    @Nested
    class The_quantity_options {
        final Shop shop = new Shop();

        @Test
        void give_the_range_and_when_an_upgrade_and_a_downgrade_take_effect() {
            Subscription basic = shop.basic(2);
            QuantityOptions o = ok(shop.engine.changeSubscription().quantityOptions(TENANT, ANN, basic.uuid()));

            assertThat(o.currentQuantity()).isEqualTo(2);
            assertThat(o.minQuantity()).isEqualTo(1);
            assertThat(o.maxQuantity()).isEqualTo(10);
            assertThat(o.differentQuantitiesAllowed()).isTrue();
            assertThat(o.upgrade()).isEqualTo(new QuantityOptions.ChangeOffer(ChangeAction.QUANTITY_UPGRADE,
                    ChangeBehaviour.SELF_SERVICE, ChangeTiming.IMMEDIATELY, d("2023-05-23")));
            assertThat(o.downgrade()).isEqualTo(new QuantityOptions.ChangeOffer(ChangeAction.QUANTITY_DOWNGRADE,
                    ChangeBehaviour.SELF_SERVICE, ChangeTiming.END_OF_BILLING_PERIOD, d("2023-06-15")));
            assertThat(o.currentPeriodPrice()).isEqualTo(split("59.80", "11.36", "71.16"));
            assertThat(o.billingPeriod()).isEqualTo("Month");
            assertThat(o.product().name()).isEqualTo("Team workspace");
        }

        @Test
        void say_when_a_change_is_for_the_seller_or_not_offered() {
            Subscription pro = shop.subscription(PRO, 3).save();
            QuantityOptions o = ok(shop.engine.changeSubscription().quantityOptions(TENANT, ANN, pro.uuid()));

            assertThat(o.maxQuantity()).isEqualTo(20);
            assertThat(o.upgrade()).isEqualTo(new QuantityOptions.ChangeOffer(ChangeAction.QUANTITY_UPGRADE,
                    ChangeBehaviour.CONTACT_US, ChangeTiming.IMMEDIATELY, null));
            assertThat(o.downgrade().behaviour()).isEqualTo(ChangeBehaviour.NOT_ALLOWED);
            assertThat(o.downgrade().allowed()).isFalse();
            assertThat(o.hasContactUsLink()).isTrue();
        }

        @Test
        void pin_a_product_sold_in_one_quantity_to_it() {
            Subscription fixed = shop.subscription(TeamShop.FIXED, 1).save();
            QuantityOptions o = ok(shop.engine.changeSubscription().quantityOptions(TENANT, ANN, fixed.uuid()));

            assertThat(o.minQuantity()).isEqualTo(1);
            assertThat(o.maxQuantity()).isEqualTo(1);
            assertThat(o.differentQuantitiesAllowed()).isFalse();
        }
    }

    @Nested
    class Whose_and_which_subscription {
        final Shop shop = new Shop();
        final Subscription basic = shop.basic(2);

        @Test
        void another_customer_gets_not_found_as_for_an_unknown_uuid() {
            Subscriptions.account(shop.billing, shop.links, TENANT, BOB, Subscriptions.germanConsumer("Bob"), EUR);
            ChangeCommand bobs = ChangeCommand.changeQuantity(TENANT, BOB, basic.uuid(), 3);
            ChangeCommand unknown = ChangeCommand.changeQuantity(TENANT, ANN, "no-such-uuid", 3);
            ChangeCommand noAccount = ChangeCommand.changeQuantity(TENANT, 99, basic.uuid(), 3);
            ChangeCommand otherTenant = ChangeCommand.changeQuantity(2, ANN, basic.uuid(), 3);

            for (ChangeCommand command : List.of(bobs, unknown, noAccount)) {
                assertThat(refusal(shop.preview(command))).isEqualTo("subscription_not_found");
                assertThat(refusal(shop.apply(command))).isEqualTo("subscription_not_found");
            }
            assertThat(refusal(shop.engine.changeSubscription().quantityOptions(TENANT, BOB, basic.uuid())))
                    .isEqualTo("subscription_not_found");
            assertThat(refusal(shop.preview(otherTenant))).isEqualTo("subscription_not_found");
            assertThat(shop.stored(basic).version()).isEqualTo(1);
        }

        @Test
        void one_that_has_not_started_cannot_be_changed_yet() {
            Subscription later = shop.subscription(BASIC, 1).startingOn(d("2023-06-01")).save();
            ChangeFailure f = shop.preview(quantity(later, 2)).getLeft();

            assertThat(f.code()).isEqualTo("subscription_not_started");
            assertThat(f.message()).contains("2023-06-01");
        }

        @Test
        void one_whose_suite_product_left_the_catalog_is_changed_by_the_seller() {
            TenantDefinition sample = SampleTenants.full(TENANT, "team");
            Subscription storage = Subscriptions.in(shop.billing, sample).account(shop.ann).suiteProduct(403)
                    .startingOn(START).chargedThrough(INVOICED_THROUGH).save();

            assertThat(refusal(shop.preview(cancel(storage)))).isEqualTo("suite_product_withdrawn");
        }

        @Test
        void one_whose_charges_bill_in_different_periods_is_changed_by_the_seller() {
            TenantDefinition sample = SampleTenants.full(TENANT, "team");
            Subscription premium = Subscriptions.in(shop.billing, sample).account(shop.ann).suiteProduct(402)
                    .quantity(5).startingOn(START).chargedThrough(d("2024-01-15")).save();
            ChangeFailure f = shop.preview(cancel(premium)).getLeft();

            assertThat(f.code()).isEqualTo("billing_period_not_supported");
            assertThat(f.message()).contains("Annual, Specific_Months_3");
        }

        @Test
        void one_without_a_recurring_charge_is_changed_by_the_seller() {
            RatePlan basicPlan = shop.definition.catalog().ratePlan(811).getOrElseThrow(AssertionError::new);
            RatePlan setupOnly = new RatePlan(811, null, 801, "Setup only", null, null, null,
                    basicPlan.charges().stream().filter(c -> c.type() == ChargeType.ONE_TIME).toList());
            List<SubscribedCharge> charges = SubscriptionCharges.book(BASIC, List.of(setupOnly), 1, EUR,
                    Subscriptions.GERMAN_VAT, START, new SubscriptionCharges.Ids() {
                        public String chargeId() {
                            return shop.billing.newId();
                        }

                        public String chargeNumber() {
                            return "C-1";
                        }
                    });
            Subscription oneTime = new Subscription("s-one-time", TENANT, shop.ann.id(), "S9", "uuid-one-time", START,
                    START, TermSchedule.evergreen(START), false, START, null, 1, ASKED, charges);
            shop.billing.saveSubscription(oneTime);

            assertThat(refusal(shop.preview(cancel(oneTime)))).isEqualTo("subscription_not_recurring");
        }
    }

    @Nested
    class On_a_billing_day_before_the_billing_run {
        @Test
        void an_immediate_change_has_nothing_to_credit_and_the_run_bills_the_new_price() {
            Shop shop = new Shop();
            Subscription basic = shop.basic(2);
            shop.clock.advance(Duration.ofDays(23));
            ChangePreview p = ok(shop.preview(quantity(basic, 3)));

            // 2023-06-15: the period 2023-06-15..2023-07-15 is not invoiced (charged through 2023-06-15)
            assertThat(p.effectiveDate()).isEqualTo(d("2023-06-15"));
            assertThat(p.timing()).isEqualTo(ChangeTiming.IMMEDIATELY);
            assertThat(p.lines()).isEmpty();
            assertThat(p.nextInvoice()).isEqualTo(new NextInvoice(d("2023-06-15"), false,
                    split("89.70", "17.04", "106.74")));
            AppliedChange applied = ok(shop.apply(quantity(basic, 3)));
            assertThat(applied.invoiceId()).isNull();
            assertThat(shop.stored(basic).chargesOn(d("2023-06-15"))).filteredOn(c -> c.chargeId() == BASIC_SEATS)
                    .extracting(SubscribedCharge::quantity).containsExactly(3L);
        }
    }

    @Test
    void the_quote_lines_are_the_quote_lines_of_the_domain() {
        Shop shop = new Shop();
        Subscription basic = shop.basic(2);
        ChangePreview p = ok(shop.preview(quantity(basic, 3)));

        assertThat(p.lines()).extracting(ChangeLine::kind).containsExactly(QuoteLine.Kind.CREDIT, QuoteLine.Kind.CHARGE);
        assertThat(p.lines()).extracting(ChangeLine::amounts)
                .containsExactlyElementsOf(p.quote().lines().stream().map(QuoteLine::amounts).toList());
    }
}
