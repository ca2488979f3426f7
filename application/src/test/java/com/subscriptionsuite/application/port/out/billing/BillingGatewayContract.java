package com.subscriptionsuite.application.port.out.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.billing.BillingGateway.Amended;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.Cancellation;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.InvoiceDocument;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.NewPaymentMethod;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.OpenAccount;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.PlanReplacement;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.PreviewedChange;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.QuantityChange;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.Subscribe;
import com.subscriptionsuite.application.port.out.billing.BillingGateway.Subscribed;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BillingGateway} must do, said in the port's vocabulary only: no ids, numbers or
 * storage of an implementation, so the built-in ledger (in memory, on H2, on PostgreSQL) and Zuora
 * (against its simulator) run the same sentences. Whatever a test needs to exist first (a shop with
 * a catalog, its customers, the day, the tax) comes from {@link #fixture()}; the contract opens
 * accounts and books subscriptions through the gateway itself.
 * <p>
 * Changes are previewed here the way the engine previews them ({@code ChangeSubscriptionService}):
 * from what {@link BillingGateway#subscriptions} answers (version, charged-through date, segments),
 * with new segments made by {@link SubscriptionCharges} under the ids {@link BillingGateway#UNASSIGNED}.
 * Request keys are unique per contract instance, so a billing system that keeps keys for a day
 * (Zuora) can run the contract repeatedly against one sandbox.
 */
public abstract class BillingGatewayContract {

    /** What one run gives the contract, fresh before each test. */
    protected abstract Fixture fixture();

    /**
     * The gateway under test and the world it bills for.
     *
     * @param gateway      the implementation under test
     * @param shop         a tenant the gateway serves, with the catalog the contract puts in carts
     * @param otherTenant  the id of another tenant the gateway serves (its customers are not the shop's)
     * @param customers    makes a new customer (a user id) of a tenant the gateway serves
     * @param offer        which suite products of the shop's catalog the contract books
     * @param currency     the currency of the shop's accounts, in which the offer is priced
     * @param tax          the tax decision for the shop's customers
     * @param clock        the billing system's clock: "today" is its date in UTC
     */
    public record Fixture(BillingGateway gateway, TenantDefinition shop, long otherTenant, Customers customers,
            Offer offer, CurrencyUnit currency, TaxDecision tax, Clock clock) {
        public Fixture {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(customers, "customers");
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Makes customers: a new user of the tenant, its id. */
    @FunctionalInterface
    public interface Customers {
        long newCustomer(long tenantId);
    }

    /**
     * Suite products of the shop's catalog: {@code main} is billed in advance (subscribing to it
     * raises a first invoice at once), per unit (its quantity changes), and has the change option
     * {@code changeOptionId} to another suite product priced in the fixture's currency;
     * {@code second} is another suite product a cart can hold next to {@code main}.
     */
    public record Offer(long main, long second, long changeOptionId) {
    }

    /** Charge ids and numbers a preview leaves to the billing system. */
    private static final SubscriptionCharges.Ids UNASSIGNED = new SubscriptionCharges.Ids() {
        @Override
        public String chargeId() {
            return BillingGateway.UNASSIGNED;
        }

        @Override
        public String chargeNumber() {
            return BillingGateway.UNASSIGNED;
        }
    };

    private final String run = UUID.randomUUID().toString();
    private final AtomicInteger keys = new AtomicInteger();

    protected BillingGateway gateway;
    private Fixture fixture;
    private long tenant;
    private Catalog catalog;
    private LocalDate today;
    private Instant now;

    @BeforeEach
    void fixtureOfTheRun() {
        fixture = fixture();
        gateway = fixture.gateway();
        tenant = fixture.shop().tenant().id();
        catalog = fixture.shop().catalog();
        now = fixture.clock().instant();
        today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    }

    // ---- accounts -------------------------------------------------------------------------------

    @Nested
    class Opening_an_account {
        @Test
        void gives_an_id_and_a_number_and_reads_back_as_opened() {
            long user = fixture.customers().newCustomer(tenant);

            BillingAccount opened = right(gateway.openAccount(key("open"), openAccount(user, details("Ann"))));

            assertThat(opened.id()).isNotBlank();
            assertThat(opened.number()).isNotBlank();
            assertThat(opened.userId()).isEqualTo(user);
            assertThat(opened.currency()).isEqualTo(fixture.currency());
            assertThat(opened.details().firstName()).isEqualTo("Ann");
            assertThat(right(gateway.account(new AccountRef(tenant, user, opened.id())))).isEqualTo(opened);
        }

        @Test
        void repeated_with_its_key_answers_the_same_account() {
            long user = fixture.customers().newCustomer(tenant);
            RequestKey key = key("open");
            OpenAccount command = openAccount(user, details("Ann"));

            BillingAccount first = right(gateway.openAccount(key, command));
            BillingAccount again = right(gateway.openAccount(key, command));

            assertThat(again).isEqualTo(first);
            assertThat(right(gateway.account(ref(user, first)))).isEqualTo(first);
        }

        @Test
        void repeated_with_its_key_after_an_update_answers_the_same_account_as_it_is_now() {
            long user = fixture.customers().newCustomer(tenant);
            RequestKey key = key("open");
            OpenAccount command = openAccount(user, details("Ann"));
            BillingAccount first = right(gateway.openAccount(key, command));
            BillingAccount updated = right(gateway.updateAccount(key("update"), ref(user, first),
                    details("Ann", "Zweite Str. 2")));

            BillingAccount again = right(gateway.openAccount(key, command));

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.number()).isEqualTo(first.number());
            assertThat(again).as("an account command answers the account as it is now").isEqualTo(updated);
        }

        @Test
        void for_another_customer_with_another_key_gives_another_account() {
            long ann = fixture.customers().newCustomer(tenant);
            long bob = fixture.customers().newCustomer(tenant);

            BillingAccount annsAccount = right(gateway.openAccount(key("open-ann"), openAccount(ann, details("Ann"))));
            BillingAccount bobsAccount = right(gateway.openAccount(key("open-bob"), openAccount(bob, details("Bob"))));

            assertThat(bobsAccount.id()).isNotEqualTo(annsAccount.id());
            assertThat(bobsAccount.number()).isNotEqualTo(annsAccount.number());
            assertThat(right(gateway.account(ref(ann, annsAccount))).details().firstName()).isEqualTo("Ann");
            assertThat(right(gateway.account(ref(bob, bobsAccount))).details().firstName()).isEqualTo("Bob");
        }
    }

    @Nested
    class An_open_account {
        private long user;
        private AccountRef ref;

        @BeforeEach
        void opened() {
            user = fixture.customers().newCustomer(tenant);
            ref = openedAccount(user);
        }

        @Test
        void shows_updated_details_in_reads_with_its_currency_kept() {
            AccountDetails moved = details("Ann", "Neue Str. 7");

            BillingAccount updated = right(gateway.updateAccount(key("update"), ref, moved));

            BillingAccount read = right(gateway.account(ref));
            assertThat(updated).isEqualTo(read);
            assertThat(read.details().street()).isEqualTo("Neue Str. 7");
            assertThat(read.currency()).isEqualTo(fixture.currency());
        }

        @Test
        void a_repeated_update_changes_nothing_more_and_answers_the_account_as_it_is_now() {
            RequestKey key = key("update");
            BillingAccount first = right(gateway.updateAccount(key, ref, details("Ann", "Erste Str. 1")));
            right(gateway.updateAccount(key("update-later"), ref, details("Ann", "Zweite Str. 2")));

            BillingAccount again = right(gateway.updateAccount(key, ref, details("Ann", "Erste Str. 1")));

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.details().street()).as("the repeat did not write its details again")
                    .isEqualTo("Zweite Str. 2");
            assertThat(right(gateway.account(ref)).details().street()).isEqualTo("Zweite Str. 2");
        }

        @Test
        void gives_a_payment_method_an_id_once_per_key() {
            RequestKey key = key("add-payment-method");

            String first = right(gateway.addPaymentMethod(key, bankTransfer(user)));
            String again = right(gateway.addPaymentMethod(key, bankTransfer(user)));
            String other = right(gateway.addPaymentMethod(key("add-another-payment-method"), bankTransfer(user)));

            assertThat(first).isNotBlank();
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }

        @Test
        void shows_its_default_payment_method_in_reads() {
            String method = right(gateway.addPaymentMethod(key("add-payment-method"), bankTransfer(user)));

            BillingAccount answered = right(gateway.setDefaultPaymentMethod(key("default"), ref, method));

            assertThat(answered.paymentMethodId()).isEqualTo(method);
            assertThat(right(gateway.account(ref)).paymentMethodId()).isEqualTo(method);
        }

        @Test
        void has_no_subscriptions_and_no_invoices_yet() {
            assertThat(right(gateway.subscriptions(ref))).isEmpty();
            assertThat(right(gateway.invoices(ref))).isEmpty();
        }
    }

    // ---- subscribing ----------------------------------------------------------------------------

    @Nested
    class Subscribing {
        private AccountRef ref;

        @BeforeEach
        void anAccount() {
            ref = openedAccount(fixture.customers().newCustomer(tenant));
        }

        @Test
        void books_one_subscription_per_cart_line_in_order_of_position() {
            Offer offer = fixture.offer();
            // given out of order: the second position first
            Subscribe command = subscribe(ref, line(offer.second(), 1, 2), line(offer.main(), 3, 1));

            Subscribed subscribed = right(gateway.subscribe(key("subscribe"), command));

            assertThat(subscribed.subscriptions()).extracting(BillingGateway.BookedSubscription::suiteProductId)
                    .containsExactly(offer.main(), offer.second());
            assertThat(subscribed.subscriptions()).extracting(BillingGateway.BookedSubscription::id)
                    .doesNotContainNull().doesNotHaveDuplicates();
            assertThat(subscribed.subscriptions()).extracting(BillingGateway.BookedSubscription::number)
                    .doesNotContainNull().doesNotHaveDuplicates();
            assertThat(subscribed.subscriptions()).extracting(BillingGateway.BookedSubscription::uuid)
                    .doesNotContainNull().doesNotHaveDuplicates();
            List<Subscription> read = right(gateway.subscriptions(ref));
            assertThat(read).extracting(Subscription::id).containsExactlyInAnyOrderElementsOf(
                    subscribed.subscriptions().stream().map(BillingGateway.BookedSubscription::id).toList());
            Subscription main = subscription(read, subscribed.subscriptions().get(0).id());
            assertThat(main.number()).isEqualTo(subscribed.subscriptions().get(0).number());
            assertThat(main.uuid()).isEqualTo(subscribed.subscriptions().get(0).uuid());
            assertThat(main.startDate()).isEqualTo(today);
            assertThat(main.chargesOn(today)).isNotEmpty().allSatisfy(c -> {
                assertThat(c.suiteProductId()).isEqualTo(offer.main());
                assertThat(c.quantity()).isEqualTo(3);
                assertThat(c.id()).isNotEqualTo(BillingGateway.UNASSIGNED);
            });
        }

        @Test
        void answers_with_the_records_as_booked_exactly_when_the_billing_system_carries_them() {
            Offer offer = fixture.offer();
            Subscribed subscribed = right(gateway.subscribe(key("subscribe"),
                    subscribe(ref, line(offer.main(), 2, 1), line(offer.second(), 1, 2))));

            assertThat(subscribed.asBooked().isDefined()).isEqualTo(answersWithTheRecordsAsBooked());
            subscribed.asBooked().forEach(records -> {
                assertThat(records.accountSubscriptions()).isEqualTo(right(gateway.subscriptions(ref)));
                assertThat(records.invoice().getOrNull()).isNotNull()
                        .isEqualTo(right(gateway.invoice(ref, subscribed.invoice().id())));
            });
        }

        @Test
        void raises_the_first_invoice_that_is_due_readable_as_a_document() {
            Subscribed subscribed = right(gateway.subscribe(key("subscribe"),
                    subscribe(ref, line(fixture.offer().main(), 2, 1))));

            assertThat(subscribed.invoice()).isNotNull();
            List<Invoice> invoices = right(gateway.invoices(ref));
            assertThat(invoices).extracting(Invoice::id).containsExactly(subscribed.invoice().id());
            assertThat(invoices.get(0).number()).isEqualTo(subscribed.invoice().number());
            assertThat(invoices.get(0).currency()).isEqualTo(fixture.currency());
            assertThat(invoices.get(0).lines()).isNotEmpty().allSatisfy(l -> assertThat(l.subscriptionNumber())
                    .isEqualTo(subscribed.subscriptions().get(0).number()));
            InvoiceDocument document = right(gateway.invoiceDocument(ref, subscribed.invoice().id()));
            assertThat(document.invoiceNumber()).isEqualTo(subscribed.invoice().number());
            assertThat(document.content()).isNotEmpty();
            assertThat(document.mediaType()).isNotBlank();
        }

        @Test
        void repeated_with_its_key_answers_the_same_and_books_nothing_more() {
            RequestKey key = key("subscribe");
            Subscribe command = subscribe(ref, line(fixture.offer().main(), 1, 1), line(fixture.offer().second(), 1, 2));

            Subscribed first = right(gateway.subscribe(key, command));
            List<Subscription> subscriptionsAfterFirst = right(gateway.subscriptions(ref));
            List<Invoice> invoicesAfterFirst = right(gateway.invoices(ref));
            Subscribed again = right(gateway.subscribe(key, command));

            assertThat(again).isEqualTo(first);
            assertThat(right(gateway.subscriptions(ref))).isEqualTo(subscriptionsAfterFirst).hasSize(2);
            assertThat(right(gateway.invoices(ref))).isEqualTo(invoicesAfterFirst).hasSize(1);
        }

        @Test
        void with_another_key_books_again() {
            right(gateway.subscribe(key("subscribe"), subscribe(ref, line(fixture.offer().main(), 1, 1))));
            right(gateway.subscribe(key("subscribe-again"), subscribe(ref, line(fixture.offer().main(), 1, 1))));

            assertThat(right(gateway.subscriptions(ref))).hasSize(2);
            assertThat(right(gateway.invoices(ref))).hasSize(2);
        }

        @Test
        void refuses_a_cart_with_a_suite_product_not_in_the_catalog_and_books_none_of_it() {
            long unknown = catalog.suiteProducts().stream().mapToLong(SuiteProduct::id).max().orElse(0) + 1;
            CartLine known = line(fixture.offer().main(), 1, 1);
            CartLine notInCatalog = new CartLine(unknown, 1, 2, known.ratePlans());

            Either<BillingFailure, Subscribed> answer = gateway.subscribe(key("subscribe"),
                    subscribe(ref, known, notInCatalog));

            assertThat(answer.isLeft()).as("%s", answer).isTrue();
            assertThat(answer.getLeft()).isInstanceOf(BillingFailure.Rejected.class);
            assertThat(right(gateway.subscriptions(ref))).isEmpty();
            assertThat(right(gateway.invoices(ref))).isEmpty();
        }

        @Test
        void twice_at_once_with_one_key_books_once_and_answers_both_alike() throws Exception {
            RequestKey key = key("subscribe");
            Subscribe command = subscribe(ref, line(fixture.offer().main(), 1, 1), line(fixture.offer().second(), 1, 2));

            List<Either<BillingFailure, Subscribed>> answers = atOnce(2, () -> gateway.subscribe(key, command));

            assertThat(answers).allSatisfy(a -> assertThat(a.isRight()).as("%s", a).isTrue());
            assertThat(answers.get(1)).isEqualTo(answers.get(0));
            assertThat(right(gateway.subscriptions(ref))).hasSize(2);
            assertThat(right(gateway.invoices(ref))).hasSize(1);
        }
    }

    // ---- amending -------------------------------------------------------------------------------

    @Nested
    class A_booked_subscription {
        private Booked booked;

        @BeforeEach
        void booked() {
            booked = customerWithOneSubscription(2);
        }

        @Test
        void changes_quantity_to_a_new_version_with_segments_the_billing_system_names() {
            Subscription before = booked.subscription();
            LocalDate effective = midPeriod(before);
            int invoicesBefore = right(gateway.invoices(booked.ref())).size();

            Amended amended = right(gateway.changeQuantity(key("quantity"),
                    new QuantityChange(quantityChange(booked, 5, effective, true), 5)));

            Subscription after = current(booked);
            assertThat(amended.amendmentId()).isNotBlank();
            assertThat(amended.version()).isEqualTo(before.version() + 1).isEqualTo(after.version());
            List<SubscribedCharge> fresh = after.charges().stream().filter(c -> c.effectiveStart().equals(effective))
                    .toList();
            assertThat(fresh).isNotEmpty().allSatisfy(c -> {
                assertThat(c.quantity()).isEqualTo(5);
                assertThat(c.id()).isNotEqualTo(BillingGateway.UNASSIGNED);
                assertThat(c.number()).isNotEqualTo(BillingGateway.UNASSIGNED);
            });
            assertThat(fresh).extracting(SubscribedCharge::id).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(before.charges().stream().map(SubscribedCharge::id).toList());
            // every charge of the plan goes on: under its original id and number, in its next segment
            for (SubscribedCharge c : fresh) {
                SubscribedCharge previous = before.charges().stream()
                        .filter(p -> p.chargeId() == c.chargeId() && p.type() != ChargeType.ONE_TIME).findFirst()
                        .orElseThrow(() -> new AssertionError(c.name() + " continues no charge"));
                assertThat(c.originalId()).isEqualTo(previous.originalId());
                assertThat(c.number()).isEqualTo(previous.number());
                assertThat(c.segment()).isEqualTo(previous.segment() + 1);
            }
            assertThat(after.chargesOn(effective.minusDays(1))).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.type() == ChargeType.ONE_TIME || effective.equals(c.effectiveEnd()))
                            .as("%s ends on %s", c.name(), effective).isTrue());
            assertThat(oneTime(after)).isEqualTo(oneTime(before));
            assertThat(amended.invoice()).isNotNull();
            List<Invoice> invoices = right(gateway.invoices(booked.ref()));
            assertThat(invoices).hasSize(invoicesBefore + 1);
            assertThat(invoices.get(0).id()).as("newest first").isEqualTo(amended.invoice().id());
            assertThat(right(gateway.invoiceDocument(booked.ref(), amended.invoice().id())).invoiceNumber())
                    .isEqualTo(amended.invoice().number());
        }

        @Test
        void changes_quantity_without_an_invoice_when_no_lines_are_previewed() {
            int invoicesBefore = right(gateway.invoices(booked.ref())).size();

            Amended amended = right(gateway.changeQuantity(key("quantity"),
                    new QuantityChange(quantityChange(booked, 4, midPeriod(booked.subscription()), false), 4)));

            assertThat(amended.invoice()).isNull();
            assertThat(right(gateway.invoices(booked.ref()))).hasSize(invoicesBefore);
        }

        @Test
        void replaces_the_plan_by_the_change_options_target() {
            Subscription before = booked.subscription();
            LocalDate effective = midPeriod(before);
            ChangeOption option = changeOption();

            Amended amended = right(gateway.replacePlan(key("replace"),
                    new PlanReplacement(replacement(booked, option, effective), option.id(),
                            option.targetSuiteProductId())));

            Subscription after = current(booked);
            assertThat(amended.version()).isEqualTo(before.version() + 1).isEqualTo(after.version());
            assertThat(after.uuid()).isEqualTo(before.uuid());
            List<SubscribedCharge> onEffective = after.chargesOn(effective).stream()
                    .filter(c -> c.type() != ChargeType.ONE_TIME).toList();
            assertThat(onEffective).isNotEmpty().allSatisfy(c -> {
                assertThat(c.suiteProductId()).isEqualTo(option.targetSuiteProductId());
                assertThat(c.id()).isNotEqualTo(BillingGateway.UNASSIGNED);
                assertThat(c.originalId()).isEqualTo(c.id());
                assertThat(c.number()).isNotEqualTo(BillingGateway.UNASSIGNED);
            });
            assertThat(onEffective).extracting(SubscribedCharge::number).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(before.charges().stream().map(SubscribedCharge::number).toList());
            assertThat(amended.invoice()).isNotNull();
        }

        @Test
        void cancels_with_effect_from_the_previewed_date_ending_every_open_segment() {
            Subscription before = booked.subscription();
            LocalDate effective = before.chargedThroughDate();
            int invoicesBefore = right(gateway.invoices(booked.ref())).size();

            Amended amended = right(gateway.cancel(key("cancel"), new Cancellation(cancellation(booked, effective))));

            Subscription after = current(booked);
            assertThat(amended.version()).isEqualTo(before.version() + 1).isEqualTo(after.version());
            assertThat(amended.invoice()).isNull();
            assertThat(after.cancelDate()).isEqualTo(effective);
            assertThat(after.statusOn(effective)).isEqualTo(SubscriptionStatus.CANCELLED);
            assertThat(after.statusOn(effective.minusDays(1))).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(after.chargesOn(effective)).isEmpty();
            assertThat(after.charges()).allSatisfy(c -> assertThat(c.effectiveEnd()).isNotNull()
                    .isBeforeOrEqualTo(effective));
            assertThat(right(gateway.invoices(booked.ref()))).hasSize(invoicesBefore);
        }

        @Test
        void repeated_with_its_key_answers_the_same_amendment_and_books_nothing_more() {
            RequestKey key = key("quantity");
            QuantityChange change = new QuantityChange(quantityChange(booked, 5, midPeriod(booked.subscription()), true),
                    5);

            Amended first = right(gateway.changeQuantity(key, change));
            Subscription afterFirst = current(booked);
            List<Invoice> invoicesAfterFirst = right(gateway.invoices(booked.ref()));
            Amended again = right(gateway.changeQuantity(key, change));

            assertThat(again).isEqualTo(first);
            assertThat(current(booked)).isEqualTo(afterFirst);
            assertThat(right(gateway.invoices(booked.ref()))).isEqualTo(invoicesAfterFirst);
        }

        @Test
        void repeated_subscribe_answers_what_it_first_answered_though_the_plan_was_replaced_since() {
            LocalDate effective = midPeriod(booked.subscription());
            ChangeOption option = changeOption();
            right(gateway.replacePlan(key("replace"), new PlanReplacement(replacement(booked, option, effective),
                    option.id(), option.targetSuiteProductId())));

            Subscribed again = right(gateway.subscribe(booked.subscribeKey(),
                    subscribe(booked.ref(), line(fixture.offer().main(), 2, 1))));

            assertThat(again.subscriptions()).isEqualTo(booked.subscribed().subscriptions());
            assertThat(again.invoice()).isEqualTo(booked.subscribed().invoice());
            again.asBooked().forEach(records -> assertThat(records.accountSubscriptions())
                    .as("records carried with a repeated answer are those of now").isEqualTo(
                            right(gateway.subscriptions(booked.ref()))));
        }

        @Test
        void repeated_cancel_with_its_key_answers_the_same() {
            RequestKey key = key("cancel");
            Cancellation cancel = new Cancellation(cancellation(booked, booked.subscription().chargedThroughDate()));

            Amended first = right(gateway.cancel(key, cancel));
            Amended again = right(gateway.cancel(key, cancel));

            assertThat(again).isEqualTo(first);
            assertThat(current(booked).version()).isEqualTo(booked.subscription().version() + 1);
        }

        @Test
        void withdraws_a_cancel_booked_for_a_later_date_and_the_subscription_runs_on_as_before() {
            Subscription before = booked.subscription();
            LocalDate effective = before.chargedThroughDate();
            right(gateway.cancel(key("cancel"), new Cancellation(cancellation(booked, effective))));
            Subscription cancelled = current(booked);
            int invoicesBefore = right(gateway.invoices(booked.ref())).size();

            Amended withdrawn = right(gateway.withdraw(key("withdraw"), withdrawal(booked, cancelled, effective)));

            Subscription after = current(booked);
            assertThat(after.cancelDate()).isNull();
            assertThat(after.statusOn(effective.plusDays(40))).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(segmentsOf(after)).isEqualTo(segmentsOf(before));
            assertThat(withdrawn.version()).isEqualTo(after.version());
            assertThat(withdrawn.invoice()).isNull();
            assertThat(right(gateway.invoices(booked.ref()))).hasSize(invoicesBefore);
        }

        @Test
        void withdraws_a_quantity_change_booked_for_a_later_date() {
            Subscription before = booked.subscription();
            LocalDate effective = before.chargedThroughDate();
            right(gateway.changeQuantity(key("quantity"), new QuantityChange(quantityChange(booked, 5, effective,
                    false), 5)));
            Subscription changed = current(booked);
            assertThat(changed.pendingAfter(today)).isNotEmpty();

            right(gateway.withdraw(key("withdraw"), withdrawal(booked, changed, effective)));

            Subscription after = current(booked);
            assertThat(after.pendingAfter(today)).isEmpty();
            assertThat(segmentsOf(after)).isEqualTo(segmentsOf(before));
        }

        @Test
        void refuses_a_withdrawal_when_nothing_is_pending_and_changes_nothing() {
            Subscription before = booked.subscription();

            Either<BillingFailure, Amended> refused = gateway.withdraw(key("withdraw"),
                    withdrawal(booked, before, before.chargedThroughDate()));

            assertThat(refused.isLeft()).as("%s", refused).isTrue();
            assertThat(refused.getLeft()).isInstanceOf(BillingFailure.Rejected.class);
            assertThat(current(booked)).isEqualTo(before);
        }

        @Test
        void refuses_a_withdrawal_previewed_on_another_version() {
            Subscription before = booked.subscription();
            LocalDate effective = before.chargedThroughDate();
            right(gateway.cancel(key("cancel"), new Cancellation(cancellation(booked, effective))));
            Subscription cancelled = current(booked);

            Either<BillingFailure, Amended> stale = gateway.withdraw(key("withdraw"),
                    withdrawal(booked, before, effective));

            assertThat(stale.isLeft()).as("%s", stale).isTrue();
            assertThat(stale.getLeft()).isInstanceOf(BillingFailure.Rejected.class);
            assertThat(current(booked)).isEqualTo(cancelled);
        }

        @Test
        void refuses_a_change_previewed_on_a_version_since_amended() {
            LocalDate effective = midPeriod(booked.subscription());
            PreviewedChange previewedFirst = quantityChange(booked, 5, effective, true);
            PreviewedChange previewedSecond = quantityChange(booked, 6, effective, true);
            right(gateway.changeQuantity(key("quantity"), new QuantityChange(previewedFirst, 5)));
            Subscription amended = current(booked);
            List<Invoice> invoices = right(gateway.invoices(booked.ref()));

            Either<BillingFailure, Amended> stale = gateway.changeQuantity(key("quantity-stale"),
                    new QuantityChange(previewedSecond, 6));

            assertThat(stale.isLeft()).as("%s", stale).isTrue();
            assertThat(stale.getLeft()).isInstanceOf(BillingFailure.Rejected.class);
            assertThat(current(booked)).isEqualTo(amended);
            assertThat(right(gateway.invoices(booked.ref()))).isEqualTo(invoices);
        }

        @Test
        void refuses_a_change_previewed_on_another_charged_through_date() {
            PreviewedChange previewed = quantityChange(booked, 5, midPeriod(booked.subscription()), true);
            PreviewedChange billedSince = withChargedThrough(previewed,
                    booked.subscription().chargedThroughDate().minusMonths(1));

            Either<BillingFailure, Amended> stale = gateway.changeQuantity(key("quantity"),
                    new QuantityChange(billedSince, 5));

            assertThat(stale.isLeft()).as("%s", stale).isTrue();
            assertThat(stale.getLeft()).isInstanceOf(BillingFailure.Rejected.class);
            assertThat(current(booked)).isEqualTo(booked.subscription());
        }

        @Test
        void does_not_know_a_subscription_it_never_booked() {
            PreviewedChange previewed = quantityChange(booked, 5, midPeriod(booked.subscription()), false);
            PreviewedChange unknown = new PreviewedChange(previewed.account(), unknownId(booked.subscription().id()),
                    previewed.version(), previewed.chargedThrough(), previewed.action(), previewed.requestDate(),
                    previewed.effectiveDate(), previewed.newCharges(), previewed.invoiceLines(), previewed.tax(),
                    previewed.description(), previewed.at());

            Either<BillingFailure, Amended> answer = gateway.changeQuantity(key("quantity"),
                    new QuantityChange(unknown, 5));

            assertThat(answer.isLeft()).as("%s", answer).isTrue();
            assertThat(answer.getLeft()).isInstanceOf(BillingFailure.NotFound.class);
        }
    }

    // ---- whose data ---------------------------------------------------------------------------

    @Nested
    class Another_customers_account {
        private Booked ann;
        private Booked bob;

        @BeforeEach
        void twoCustomers() {
            ann = customerWithOneSubscription(1);
            bob = customerWithOneSubscription(1);
        }

        @Test
        void is_not_found_under_another_users_ref() {
            AccountRef annsAccountAsBob = new AccountRef(tenant, bob.ref().userId(), ann.ref().accountId());

            assertNotFound(gateway.account(annsAccountAsBob));
            assertNotFound(gateway.subscriptions(annsAccountAsBob));
            assertNotFound(gateway.invoices(annsAccountAsBob));
            assertNotFound(gateway.invoiceDocument(annsAccountAsBob, ann.subscribed().invoice().id()));
        }

        @Test
        void is_not_found_in_another_tenant() {
            AccountRef elsewhere = new AccountRef(fixture.otherTenant(), ann.ref().userId(), ann.ref().accountId());

            assertNotFound(gateway.account(elsewhere));
            assertNotFound(gateway.subscriptions(elsewhere));
            assertNotFound(gateway.invoices(elsewhere));
            assertNotFound(gateway.invoiceDocument(elsewhere, ann.subscribed().invoice().id()));
        }

        @Test
        void an_account_never_given_is_not_found() {
            AccountRef unknown = new AccountRef(tenant, ann.ref().userId(), unknownId(ann.ref().accountId()));

            assertNotFound(gateway.account(unknown));
            assertNotFound(gateway.subscriptions(unknown));
            assertNotFound(gateway.invoices(unknown));
        }

        @Test
        void its_invoice_is_not_found_as_a_document_of_ones_own_account() {
            assertNotFound(gateway.invoiceDocument(ann.ref(), bob.subscribed().invoice().id()));
            assertThat(right(gateway.invoiceDocument(bob.ref(), bob.subscribed().invoice().id())).content())
                    .isNotEmpty();
        }

        @Test
        void is_not_updated_under_another_users_ref() {
            AccountRef annsAccountAsBob = new AccountRef(tenant, bob.ref().userId(), ann.ref().accountId());
            BillingAccount before = right(gateway.account(ann.ref()));

            assertNotFound(gateway.updateAccount(key("update"), annsAccountAsBob, details("Mallory")));

            assertThat(right(gateway.account(ann.ref()))).isEqualTo(before);
        }

        @Test
        void takes_no_subscription_under_another_users_ref() {
            AccountRef annsAccountAsBob = new AccountRef(tenant, bob.ref().userId(), ann.ref().accountId());

            assertNotFound(gateway.subscribe(key("subscribe"),
                    subscribe(annsAccountAsBob, line(fixture.offer().main(), 1, 1))));

            assertThat(right(gateway.subscriptions(ann.ref()))).hasSize(1);
            assertThat(right(gateway.invoices(ann.ref()))).hasSize(1);
        }

        @Test
        void its_subscription_is_not_changed_under_another_users_ref() {
            AccountRef annsAccountAsBob = new AccountRef(tenant, bob.ref().userId(), ann.ref().accountId());
            PreviewedChange previewed = quantityChange(ann, 5, midPeriod(ann.subscription()), true);
            PreviewedChange asBob = new PreviewedChange(annsAccountAsBob, previewed.subscriptionId(),
                    previewed.version(), previewed.chargedThrough(), previewed.action(), previewed.requestDate(),
                    previewed.effectiveDate(), previewed.newCharges(), previewed.invoiceLines(), previewed.tax(),
                    previewed.description(), previewed.at());
            PreviewedChange underBobsOwnAccount = new PreviewedChange(bob.ref(), previewed.subscriptionId(),
                    previewed.version(), previewed.chargedThrough(), previewed.action(), previewed.requestDate(),
                    previewed.effectiveDate(), previewed.newCharges(), previewed.invoiceLines(), previewed.tax(),
                    previewed.description(), previewed.at());

            assertNotFound(gateway.changeQuantity(key("quantity-as-bob"), new QuantityChange(asBob, 5)));
            assertNotFound(gateway.changeQuantity(key("quantity-under-bob"), new QuantityChange(underBobsOwnAccount, 5)));

            assertThat(current(ann)).isEqualTo(ann.subscription());
            assertThat(right(gateway.invoices(ann.ref()))).hasSize(1);
            assertThat(right(gateway.invoices(bob.ref()))).hasSize(1);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A customer with an account and one subscription to {@code main} at {@code quantity}, its first invoice raised. */
    protected record Booked(AccountRef ref, RequestKey subscribeKey, Subscribed subscribed, Subscription subscription) {
    }

    /**
     * Whether the gateway's subscribe answer carries the records as booked
     * ({@link Subscribed#asBooked()}): the built-in ledger's does, a remote system's need not.
     */
    protected boolean answersWithTheRecordsAsBooked() {
        return false;
    }

    protected Booked customerWithOneSubscription(long quantity) {
        AccountRef ref = openedAccount(fixture.customers().newCustomer(tenant));
        RequestKey key = key("subscribe");
        Subscribed subscribed = right(gateway.subscribe(key, subscribe(ref, line(fixture.offer().main(), quantity, 1))));
        assertThat(subscribed.invoice()).as("the fixture's main suite product is billed in advance").isNotNull();
        Subscription subscription = subscription(right(gateway.subscriptions(ref)),
                subscribed.subscriptions().get(0).id());
        assertThat(subscription.chargedThroughDate()).as("charged through a later day").isAfter(today.plusDays(1));
        return new Booked(ref, key, subscribed, subscription);
    }

    /** A new request key, unique to this run of the contract. */
    protected RequestKey key(String step) {
        return RequestKey.of("contract-" + run + "-" + keys.incrementAndGet(), step);
    }

    private AccountRef openedAccount(long user) {
        BillingAccount account = right(gateway.openAccount(key("open"), openAccount(user, details("Ann"))));
        return ref(user, account);
    }

    private AccountRef ref(long user, BillingAccount account) {
        return new AccountRef(tenant, user, account.id());
    }

    private OpenAccount openAccount(long user, AccountDetails details) {
        return new OpenAccount(tenant, user, fixture.currency(), details, null, now);
    }

    private NewPaymentMethod bankTransfer(long user) {
        return new NewPaymentMethod(tenant, user, "BankTransfer", Map.of(), now);
    }

    private AccountDetails details(String firstName) {
        return details(firstName, "Hauptstr. 1");
    }

    /** A consumer in Berlin paying in the fixture's currency. */
    private AccountDetails details(String firstName, String street) {
        return new AccountDetails(false, null, firstName, "Example", street, "10115", "Berlin", null, "DE",
                firstName.toLowerCase(java.util.Locale.ROOT) + "@example.com", "+49 30 1234567", null, false, null,
                null, null, null, null, null, null, null, null, "", fixture.currency().getCode());
    }

    /** A cart line of the suite product with its own rate plan, as the price preview resolves it. */
    private CartLine line(long suiteProductId, long quantity, int orderPos) {
        SuiteProduct sp = suiteProduct(suiteProductId);
        return new CartLine(sp.id(), quantity, orderPos, List.of(ratePlan(sp.ratePlanId())));
    }

    private Subscribe subscribe(AccountRef ref, CartLine... lines) {
        return new Subscribe(ref, fixture.currency(), fixture.tax(), List.of(lines), today, now);
    }

    private SuiteProduct suiteProduct(long id) {
        return catalog.suiteProduct(id).getOrElseThrow(() -> new AssertionError("suite product " + id
                + " is not in the fixture's catalog"));
    }

    private RatePlan ratePlan(long id) {
        return catalog.ratePlan(id).getOrElseThrow(() -> new AssertionError("rate plan " + id
                + " is not in the fixture's catalog"));
    }

    private ChangeOption changeOption() {
        long id = fixture.offer().changeOptionId();
        return suiteProduct(fixture.offer().main()).changeOptions().stream().filter(o -> o.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("change option " + id + " is not the main suite product's"));
    }

    /** A day inside the period the first invoice charged, after its first day. */
    private LocalDate midPeriod(Subscription s) {
        long days = ChronoUnit.DAYS.between(today, s.chargedThroughDate());
        return today.plusDays(Math.max(1, days / 2));
    }

    /**
     * The quantity change as the engine previews it: the main plan's charges but the one-time ones
     * continue at {@code quantity} from {@code effective}; with {@code invoice}, one line per new
     * recurring segment for the rest of the charged period.
     */
    private PreviewedChange quantityChange(Booked b, long quantity, LocalDate effective, boolean invoice) {
        Subscription s = b.subscription();
        SuiteProduct sp = suiteProduct(fixture.offer().main());
        List<SubscribedCharge> continuing = s.charges().stream()
                .filter(c -> c.effectiveEnd() == null && c.type() != ChargeType.ONE_TIME).toList();
        List<SubscribedCharge> next = SubscriptionCharges.continueAt(sp.id(),
                List.of(withoutOneTimeCharges(ratePlan(sp.ratePlanId()))), quantity, fixture.currency(), fixture.tax(),
                effective, UNASSIGNED, continuing);
        ChangeAction action = quantity >= s.chargesOn(today).get(0).quantity() ? ChangeAction.QUANTITY_UPGRADE
                : ChangeAction.QUANTITY_DOWNGRADE;
        return previewed(b, action, effective, next, invoice ? lines(s, next, effective) : List.of(),
                "Quantity to " + quantity);
    }

    private PreviewedChange replacement(Booked b, ChangeOption option, LocalDate effective) {
        Subscription s = b.subscription();
        SuiteProduct target = suiteProduct(option.targetSuiteProductId());
        long quantity = s.chargesOn(today).get(0).quantity();
        List<SubscribedCharge> next = SubscriptionCharges.book(target.id(),
                List.of(withoutOneTimeCharges(ratePlan(target.ratePlanId()))), quantity, fixture.currency(),
                fixture.tax(), effective, UNASSIGNED);
        return previewed(b, ChangeAction.of(option.kind()), effective, next, lines(s, next, effective),
                "Replace by " + target.name());
    }

    private BillingGateway.Withdrawal withdrawal(Booked b, Subscription s, LocalDate effective) {
        return new BillingGateway.Withdrawal(b.ref(), s.id(), s.version(), s.chargedThroughDate(), today, effective,
                "Withdrawal of the change booked for " + effective, now);
    }

    /** The segments as charge, quantity and dates: what a withdrawal restores, whatever ids they carry. */
    private static List<String> segmentsOf(Subscription s) {
        return s.charges().stream().map(c -> c.chargeId() + " x" + c.quantity() + " " + c.effectiveStart() + ".."
                + c.effectiveEnd()).sorted().toList();
    }

    private PreviewedChange cancellation(Booked b, LocalDate effective) {
        return previewed(b, ChangeAction.CANCEL, effective, List.of(), List.of(), "Cancel");
    }

    private PreviewedChange previewed(Booked b, ChangeAction action, LocalDate effective,
            List<SubscribedCharge> next, List<InvoiceLine> lines, String description) {
        Subscription s = b.subscription();
        return new PreviewedChange(b.ref(), s.id(), s.version(), s.chargedThroughDate(), action, today, effective,
                next, lines, fixture.tax(), description + " with effect from " + effective, now);
    }

    /** One invoice line per new recurring segment, for the rest of the charged period. */
    private List<InvoiceLine> lines(Subscription s, List<SubscribedCharge> next, LocalDate effective) {
        return next.stream().filter(SubscribedCharge::pricedRecurring)
                .map(c -> new InvoiceLine(s.number(), c.chargeId(), c.name(), effective, s.chargedThroughDate(),
                        SubscriptionCharges.split(c, fixture.tax())))
                .toList();
    }

    private static PreviewedChange withChargedThrough(PreviewedChange p, LocalDate chargedThrough) {
        return new PreviewedChange(p.account(), p.subscriptionId(), p.version(), chargedThrough, p.action(),
                p.requestDate(), p.effectiveDate(), p.newCharges(), p.invoiceLines(), p.tax(), p.description(), p.at());
    }

    private static RatePlan withoutOneTimeCharges(RatePlan plan) {
        return new RatePlan(plan.id(), plan.zuoraId(), plan.productId(), plan.name(), plan.description(),
                plan.effectiveStartDate(), plan.effectiveEndDate(),
                plan.charges().stream().filter(c -> c.type() != ChargeType.ONE_TIME).toList());
    }

    private Subscription current(Booked b) {
        return subscription(right(gateway.subscriptions(b.ref())), b.subscription().id());
    }

    private static Subscription subscription(List<Subscription> all, String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("subscription " + id + " is not among "
                        + all.stream().map(Subscription::id).toList()));
    }

    private static List<SubscribedCharge> oneTime(Subscription s) {
        return s.charges().stream().filter(c -> c.type() == ChargeType.ONE_TIME).toList();
    }

    /** An id of the same shape as {@code given} that the billing system never gave. */
    private static String unknownId(String given) {
        String reversed = new StringBuilder(given).reverse().toString();
        return reversed.equals(given) ? given + "0" : reversed;
    }

    protected static <T> T right(Either<BillingFailure, T> answer) {
        assertThat(answer.isRight()).as("expected an answer, got %s", answer).isTrue();
        return answer.get();
    }

    private static void assertNotFound(Either<BillingFailure, ?> answer) {
        assertThat(answer.isLeft()).as("expected not found, got %s", answer).isTrue();
        assertThat(answer.getLeft()).isInstanceOf(BillingFailure.NotFound.class);
    }

    /** Runs the task on {@code threads} threads released at once; their answers. */
    private static <T> List<T> atOnce(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
