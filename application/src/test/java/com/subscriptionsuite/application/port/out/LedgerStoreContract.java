package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.LedgerStore.InvoiceDocument;
import com.subscriptionsuite.application.port.out.LedgerStore.NumberKind;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link LedgerStore} adapter must do. */
public abstract class LedgerStoreContract extends IdentityContract {
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final CurrencyUnit JPY = CurrencyUnit.of("JPY");
    private static final CurrencyUnit KWD = CurrencyUnit.of("KWD");
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
    private static final Instant T2 = T0.plus(Duration.ofMinutes(2));
    private static final Instant T3 = T0.plus(Duration.ofMinutes(3));

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract LedgerStores freshBillingStores();

    private LedgerStore billing;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        LedgerStores stores = freshBillingStores();
        billing = stores.billing();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    // --- samples --------------------------------------------------------------------------------

    private static AccountDetails company(String name, String vatId) {
        return new AccountDetails(true, name, "Anna", "Nowak", "ul. Piotrkowska 1", "90-001", "Łódź", null, "PL",
                "anna@example.com", "+48 42 000 00 00", "2nd floor", true, "Jürgen", "Müller", "Hauptstraße 1",
                "Hinterhaus", "10115", "Berlin", "DE", "billing@example.com", "+49 30 000000", vatId, "EUR");
    }

    private static AccountDetails person(String firstName) {
        return new AccountDetails(false, null, firstName, "Smith", "1 Main St", "12345", "Springfield", "IL", "US",
                firstName.toLowerCase() + "@example.com", null, null, false, null, null, null, null, null, null, null,
                null, null, null, "USD");
    }

    private static BillingAccount account(User user, String id, String number, AccountDetails details) {
        return new BillingAccount(id, user.tenantId(), user.id(), number, EUR, details, null, T0, T0);
    }

    private BillingAccount saved(BillingAccount account) {
        billing.saveAccount(account);
        return account;
    }

    private static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    private static SubscribedCharge recurring(String id, String originalId, int segment, long quantity, String price,
            LocalDate start, LocalDate end) {
        return new SubscribedCharge(id, originalId, "C-00000001", segment, 101, 201, 301, "Seats", ChargeType.RECURRING,
                "PerUnit", BillingPeriod.MONTH, null, TaxMode.TAX_EXCLUSIVE, true, false, quantity, eur(price),
                eur("12.50"), null, start, end);
    }

    /**
     * Five segments: a recurring charge in two segments (the second open-ended), a one-off setup fee,
     * a usage charge with an unrounded unit price, and a discount booked to start later.
     */
    private static List<SubscribedCharge> fiveSegments() {
        return List.of(
                recurring("seg-1", "chg-1", 1, 2, "20.00", MAY_1, LocalDate.of(2025, 7, 1)),
                recurring("seg-2", "chg-1", 2, 3, "30.00", LocalDate.of(2025, 7, 1), null),
                new SubscribedCharge("seg-3", "chg-3", "C-00000002", 1, 101, 201, 302, "Setup fee",
                        ChargeType.ONE_TIME, "FlatFee", null, null, TaxMode.TAX_INCLUSIVE, true, false, 1,
                        eur("49.00"), eur("49.00"), null, MAY_1, MAY_1.plusDays(1)),
                new SubscribedCharge("seg-4", "chg-4", "C-00000003", 1, 101, 201, 303, "API calls", ChargeType.USAGE,
                        "PerUnit", BillingPeriod.MONTH, null, TaxMode.TAX_EXCLUSIVE, true, false, 0, eur("0.00"),
                        eur("0.00"), new BigDecimal("0.01500"), MAY_1, null),
                new SubscribedCharge("seg-5", "chg-5", "C-00000004", 1, 101, 205, 309, null, ChargeType.RECURRING,
                        "DiscountPercentage", BillingPeriod.SPECIFIC_MONTHS, 3, TaxMode.TAX_EXCLUSIVE, false, true, 1,
                        eur("0.00"), eur("0.00"), null, LocalDate.of(2025, 9, 1), null));
    }

    private static Subscription subscription(BillingAccount account, String id, String number, String uuid,
            LocalDate chargedThrough, LocalDate cancelDate, Instant createdAt, List<SubscribedCharge> charges) {
        return new Subscription(id, account.tenantId(), account.id(), number, uuid, MAY_1, MAY_1,
                TermSchedule.termed(MAY_1, 12, 12), true, chargedThrough, cancelDate, 1, createdAt, charges);
    }

    private Subscription savedSubscription(BillingAccount account, String id, String number, LocalDate chargedThrough,
            LocalDate cancelDate) {
        Subscription s = subscription(account, id, number, "uuid-" + id, chargedThrough, cancelDate, T0,
                List.of(recurring(id + "-seg", id + "-chg", 1, 1, "10.00", MAY_1, null)));
        billing.saveSubscription(s);
        return s;
    }

    private static InvoiceParty seller() {
        return new InvoiceParty("Acme GmbH", List.of("Hauptstraße 1", "10115 Berlin"), "DE", "DE136695976");
    }

    private static InvoiceParty billTo() {
        return new InvoiceParty("Łódź Müller sp. z o.o.", List.of("ul. Piotrkowska 1", "90-001 Łódź"), "PL",
                "PL5260250274");
    }

    private static InvoiceLine line(String description, Money netto, Money tax) {
        return new InvoiceLine("S00000001", 301, description, MAY_1, LocalDate.of(2025, 6, 1),
                new TaxSplit(netto, tax, netto.plus(tax)));
    }

    private static Invoice invoice(BillingAccount account, String id, String number, LocalDate date,
            List<InvoiceLine> lines) {
        CurrencyUnit currency = lines.get(0).amounts().currency();
        return new Invoice(id, account.tenantId(), account.id(), number, date, date.plusDays(14), currency, seller(),
                billTo(), new BigDecimal("0.190"), "", lines, Money.zero(currency), T0);
    }

    private static Invoice simpleInvoice(BillingAccount account, String id, String number, LocalDate date) {
        return invoice(account, id, number, date, List.of(line("Seats", eur("10.00"), eur("1.90"))));
    }

    // --- accounts -------------------------------------------------------------------------------

    @Nested
    class Accounts {
        @Test
        void keeps_an_account_with_every_detail_and_finds_it_by_its_user() {
            BillingAccount full = saved(new BillingAccount("acc-1", ALPHA, ann.id(), "A00000001", EUR,
                    company("Łódź Müller sp. z o.o.", "PL5260250274"), "pm-1", T0, T1));

            assertThat(billing.accountOfUser(ALPHA, ann.id()).toJavaOptional()).contains(full);
        }

        @Test
        void keeps_an_account_without_optional_details_as_nulls() {
            BillingAccount plain = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            BillingAccount read = billing.accountOfUser(ALPHA, ann.id()).getOrElseThrow(AssertionError::new);

            assertThat(read).isEqualTo(plain);
            assertThat(read.details().companyName()).isNull();
            assertThat(read.paymentMethodId()).isNull();
        }

        @Test
        void saving_an_account_again_updates_its_details_payment_method_and_updated_time() {
            BillingAccount created = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            BillingAccount updated = created.withDetails(company("Ann's Shop", "DE136695976"), T1)
                    .withPaymentMethod("pm-7", T2);
            billing.saveAccount(updated);

            assertThat(billing.accountOfUser(ALPHA, ann.id()).toJavaOptional()).contains(updated);
            assertThat(billing.accountOfUser(ALPHA, ann.id()).get().updatedAt()).isEqualTo(T2);
        }

        @Test
        void finds_no_account_for_a_user_without_one_nor_in_another_tenant() {
            saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThat(billing.accountOfUser(ALPHA, bob.id()).isEmpty()).isTrue();
            assertThat(billing.accountOfUser(BETA, ann.id()).isEmpty()).as("ann's id in beta").isTrue();
            assertThat(billing.accountOfUser(BETA, annInBeta.id()).isEmpty()).isTrue();
        }

        @Test
        void finds_an_account_by_its_id_in_its_own_tenant_only() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThat(billing.account(ALPHA, "acc-1").toJavaOptional()).contains(anns);
            assertThat(billing.account(BETA, "acc-1").isEmpty()).as("the id in another tenant").isTrue();
            assertThat(billing.account(ALPHA, "acc-2").isEmpty()).as("an unknown id").isTrue();
        }

        @Test
        void refuses_a_second_account_for_a_user_and_keeps_the_first() {
            BillingAccount first = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThatThrownBy(() -> billing.saveAccount(account(ann, "acc-2", "A00000002", person("Anne"))))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(billing.accountOfUser(ALPHA, ann.id()).toJavaOptional()).contains(first);
        }

        @Test
        void refuses_an_account_number_the_tenant_has_given_but_another_tenant_may_use_it() {
            saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThatThrownBy(() -> billing.saveAccount(account(bob, "acc-2", "A00000001", person("Bob"))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(billing.accountOfUser(ALPHA, bob.id()).isEmpty()).isTrue();

            BillingAccount inBeta = saved(account(annInBeta, "acc-3", "A00000001", person("Ann")));
            assertThat(billing.accountOfUser(BETA, annInBeta.id()).toJavaOptional()).contains(inBeta);
        }

        @Test
        void refuses_to_move_an_account_to_another_user_or_number() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThatThrownBy(() -> billing.saveAccount(account(bob, "acc-1", "A00000001", person("Ann"))))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> billing.saveAccount(account(ann, "acc-1", "A00000009", person("Ann"))))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(billing.accountOfUser(ALPHA, ann.id()).toJavaOptional()).contains(anns);
            assertThat(billing.accountOfUser(ALPHA, bob.id()).isEmpty()).isTrue();
        }
    }

    // --- subscriptions --------------------------------------------------------------------------

    @Nested
    class Subscriptions {
        private BillingAccount anns;

        @BeforeEach
        void annHasAnAccount() {
            anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
        }

        @Test
        void keeps_a_subscription_with_open_ended_one_off_usage_and_future_segments() {
            Subscription s = subscription(anns, "sub-1", "S00000001", "uuid-1", LocalDate.of(2025, 6, 1), null, T0,
                    fiveSegments());

            billing.saveSubscription(s);

            Subscription read = billing.subscription(ALPHA, "uuid-1").getOrElseThrow(AssertionError::new);
            assertThat(read).isEqualTo(s);
            assertThat(read.charges()).extracting(SubscribedCharge::id)
                    .containsExactly("seg-1", "seg-2", "seg-3", "seg-4", "seg-5");
            assertThat(read.charges().get(1).effectiveEnd()).as("open-ended").isNull();
            assertThat(read.charges().get(3).unitPrice()).as("unrounded, at its scale")
                    .hasToString("0.01500");
            assertThat(read.pendingAfter(LocalDate.of(2025, 8, 1))).extracting(SubscribedCharge::id)
                    .containsExactly("seg-5");
            assertThat(billing.subscriptions(ALPHA, "acc-1")).containsExactly(s);
        }

        @Test
        void keeps_an_evergreen_subscription_with_a_cancel_date_and_no_charges() {
            Subscription s = new Subscription("sub-1", ALPHA, "acc-1", "S00000001", "uuid-1", MAY_1,
                    LocalDate.of(2025, 5, 15), TermSchedule.evergreen(MAY_1), false, LocalDate.of(2025, 5, 15),
                    LocalDate.of(2025, 8, 15), 1, T0, List.of());

            billing.saveSubscription(s);

            assertThat(billing.subscription(ALPHA, "uuid-1").toJavaOptional()).contains(s);
        }

        @Test
        void lists_the_accounts_subscriptions_oldest_first_and_no_others() {
            BillingAccount bobs = saved(account(bob, "acc-2", "A00000002", person("Bob")));
            Subscription second = subscription(anns, "sub-2", "S00000002", "uuid-2", MAY_1, null, T2,
                    List.of(recurring("s2", "c2", 1, 1, "5.00", MAY_1, null)));
            Subscription first = subscription(anns, "sub-1", "S00000001", "uuid-1", MAY_1, null, T1,
                    List.of(recurring("s1", "c1", 1, 1, "5.00", MAY_1, null)));
            Subscription bobsOne = subscription(bobs, "sub-3", "S00000003", "uuid-3", MAY_1, null, T0,
                    List.of(recurring("s3", "c3", 1, 1, "5.00", MAY_1, null)));
            billing.saveSubscription(first);
            billing.saveSubscription(bobsOne);
            billing.saveSubscription(second);

            assertThat(billing.subscriptions(ALPHA, "acc-1")).containsExactly(first, second);
            assertThat(billing.subscriptions(ALPHA, "acc-2")).containsExactly(bobsOne);
            assertThat(billing.subscriptions(ALPHA, "acc-9")).isEmpty();
        }

        @Test
        void finds_no_subscription_of_another_tenant() {
            Subscription s = savedSubscription(anns, "sub-1", "S00000001", MAY_1, null);

            assertThat(billing.subscription(BETA, s.uuid()).isEmpty()).isTrue();
            assertThat(billing.subscriptions(BETA, "acc-1")).isEmpty();
            assertThat(billing.subscription(ALPHA, "no-such-uuid").isEmpty()).isTrue();
        }

        @Test
        void the_next_version_replaces_the_subscription_and_all_its_segments() {
            Subscription v1 = subscription(anns, "sub-1", "S00000001", "uuid-1", LocalDate.of(2025, 6, 1), null, T0,
                    fiveSegments());
            billing.saveSubscription(v1);
            List<SubscribedCharge> changed = List.of(
                    v1.charges().get(0).endingOn(LocalDate.of(2025, 6, 15)),
                    recurring("seg-6", "chg-1", 2, 5, "50.00", LocalDate.of(2025, 6, 15), null));

            Subscription v2 = v1.amended(changed, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 5, 1));
            billing.saveSubscription(v2);

            Subscription read = billing.subscription(ALPHA, "uuid-1").getOrElseThrow(AssertionError::new);
            assertThat(read).isEqualTo(v2);
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.charges()).hasSize(2);

            Subscription v3 = v2.amended(fiveSegments(), LocalDate.of(2025, 7, 1), null);
            billing.saveSubscription(v3);
            assertThat(billing.subscription(ALPHA, "uuid-1").toJavaOptional()).as("more segments again").contains(v3);
        }

        @Test
        void a_billing_only_update_keeps_the_version() {
            Subscription v1 = savedSubscription(anns, "sub-1", "S00000001", LocalDate.of(2025, 6, 1), null);

            Subscription billed = v1.chargedThrough(LocalDate.of(2025, 7, 1));
            billing.saveSubscription(billed);

            assertThat(billing.subscription(ALPHA, v1.uuid()).toJavaOptional()).contains(billed);
        }

        @Test
        void refuses_a_version_that_skips_ahead_or_goes_back_and_keeps_the_stored_one() {
            Subscription v1 = savedSubscription(anns, "sub-1", "S00000001", MAY_1, null);
            Subscription v2 = v1.amended(v1.charges(), MAY_1, LocalDate.of(2025, 9, 1));
            billing.saveSubscription(v2);

            Subscription v4 = v2.amended(v2.charges(), MAY_1, null).amended(v2.charges(), MAY_1, null);
            assertThatThrownBy(() -> billing.saveSubscription(v4)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> billing.saveSubscription(v1.chargedThrough(LocalDate.of(2025, 6, 1))))
                    .as("a lost update of version 1").isInstanceOf(IllegalStateException.class);

            assertThat(billing.subscription(ALPHA, v1.uuid()).toJavaOptional()).contains(v2);
        }

        @Test
        void refuses_a_new_subscription_whose_uuid_or_number_the_tenant_has() {
            Subscription first = savedSubscription(anns, "sub-1", "S00000001", MAY_1, null);

            Subscription sameUuid = subscription(anns, "sub-2", "S00000002", first.uuid(), MAY_1, null, T1,
                    List.of());
            Subscription sameNumber = subscription(anns, "sub-3", "S00000001", "uuid-3", MAY_1, null, T1, List.of());
            assertThatThrownBy(() -> billing.saveSubscription(sameUuid)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> billing.saveSubscription(sameNumber)).isInstanceOf(IllegalStateException.class);

            assertThat(billing.subscriptions(ALPHA, "acc-1")).containsExactly(first);
        }
    }

    // --- due for billing ------------------------------------------------------------------------

    @Nested
    class DueForBilling {
        private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

        @Test
        void a_subscription_charged_through_today_or_earlier_is_due_unless_cancelled_by_then() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
            BillingAccount annsInBeta = saved(account(annInBeta, "acc-b", "A00000001", person("Ann")));
            Subscription throughToday = savedSubscription(anns, "today", "S00000001", TODAY, null);
            Subscription overdue = savedSubscription(anns, "overdue", "S00000002", TODAY.minusMonths(2), null);
            savedSubscription(anns, "tomorrow", "S00000003", TODAY.plusDays(1), null);
            savedSubscription(anns, "cancelled-at-end", "S00000004", TODAY, TODAY);
            savedSubscription(anns, "cancelled-before", "S00000005", TODAY, TODAY.minusDays(5));
            Subscription cancelledLater = savedSubscription(anns, "cancelled-later", "S00000006", TODAY,
                    TODAY.plusDays(1));
            savedSubscription(annsInBeta, "beta", "S00000001", TODAY, null);

            assertThat(billing.dueForBilling(ALPHA, TODAY)).containsExactlyInAnyOrder(throughToday, overdue,
                    cancelledLater);
            assertThat(billing.dueForBilling(ALPHA, TODAY.minusDays(1))).containsExactly(overdue);
            assertThat(billing.dueForBilling(ALPHA, TODAY.minusMonths(3))).isEmpty();
            assertThat(billing.dueForBilling(BETA, TODAY)).extracting(Subscription::id).containsExactly("beta");
        }

        @Test
        void a_due_subscription_comes_with_all_its_segments() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
            Subscription s = subscription(anns, "sub-1", "S00000001", "uuid-1", TODAY, null, T0, fiveSegments());
            billing.saveSubscription(s);

            assertThat(billing.dueForBilling(ALPHA, TODAY)).containsExactly(s);
        }
    }

    // --- invoices -------------------------------------------------------------------------------

    @Nested
    class Invoices {
        private BillingAccount anns;

        @BeforeEach
        void annHasAnAccount() {
            anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
        }

        @Test
        void keeps_an_invoice_with_credit_lines_parties_rate_note_and_payment() {
            Invoice full = new Invoice("inv-1", ALPHA, "acc-1", "INV00000001", MAY_1, MAY_1.plusDays(14), EUR,
                    seller(), new InvoiceParty("Ann Smith", List.of(), "US", null), new BigDecimal("0.190"),
                    "Reverse charge: the recipient is liable for VAT (Art. 196 Directive 2006/112/EC).",
                    List.of(line("Seats, 3 × 10.00", eur("30.00"), eur("5.70")),
                            new InvoiceLine("S00000001", 301, "Credit for unused seats", LocalDate.of(2025, 5, 15),
                                    LocalDate.of(2025, 6, 1), new TaxSplit(eur("-5.48"), eur("-1.04"), eur("-6.52"))),
                            new InvoiceLine("S00000002", 302, "Setup fee", MAY_1, MAY_1,
                                    new TaxSplit(eur("0.00"), eur("0.00"), eur("0.00")))),
                    eur("10.00"), T1);

            billing.addInvoice(full);

            Invoice read = billing.invoice(ALPHA, "inv-1").getOrElseThrow(AssertionError::new);
            assertThat(read).isEqualTo(full);
            assertThat(read.taxRate()).hasToString("0.190");
            assertThat(read.total()).isEqualTo(new TaxSplit(eur("24.52"), eur("4.66"), eur("29.18")));
            assertThat(read.balance()).isEqualTo(eur("19.18"));
            assertThat(billing.invoices(ALPHA, "acc-1")).containsExactly(full);
        }

        @Test
        void keeps_yen_and_dinar_amounts_at_their_currencys_scale() {
            Invoice yen = invoice(anns, "inv-jpy", "INV00000001", MAY_1, List.of(
                    line("Seats", Money.of(JPY, new BigDecimal("1000")), Money.of(JPY, new BigDecimal("100"))),
                    line("Credit", Money.of(JPY, new BigDecimal("-334")), Money.of(JPY, new BigDecimal("-33")))));
            Invoice dinar = invoice(anns, "inv-kwd", "INV00000002", MAY_1, List.of(
                    line("Seats", Money.of(KWD, new BigDecimal("12.345")), Money.of(KWD, new BigDecimal("0.617")))));
            billing.addInvoice(yen);
            billing.addInvoice(dinar);

            Invoice readYen = billing.invoice(ALPHA, "inv-jpy").getOrElseThrow(AssertionError::new);
            Invoice readDinar = billing.invoice(ALPHA, "inv-kwd").getOrElseThrow(AssertionError::new);

            assertThat(readYen).isEqualTo(yen);
            assertThat(readYen.total().brutto().getAmount()).hasToString("733");
            assertThat(readDinar).isEqualTo(dinar);
            assertThat(readDinar.total().brutto().getAmount()).hasToString("12.962");
        }

        @Test
        void lists_the_accounts_invoices_newest_first_by_date_then_number() {
            BillingAccount bobs = saved(account(bob, "acc-2", "A00000002", person("Bob")));
            Invoice may = simpleInvoice(anns, "inv-1", "INV00000001", MAY_1);
            Invoice juneA = simpleInvoice(anns, "inv-3", "INV00000003", LocalDate.of(2025, 6, 1));
            Invoice juneB = simpleInvoice(anns, "inv-4", "INV00000004", LocalDate.of(2025, 6, 1));
            Invoice april = simpleInvoice(anns, "inv-0", "INV00000005", LocalDate.of(2025, 4, 1));
            Invoice bobs1 = simpleInvoice(bobs, "inv-2", "INV00000002", LocalDate.of(2025, 7, 1));
            for (Invoice i : List.of(juneA, may, bobs1, april, juneB)) {
                billing.addInvoice(i);
            }

            assertThat(billing.invoices(ALPHA, "acc-1")).containsExactly(juneB, juneA, may, april);
            assertThat(billing.invoices(ALPHA, "acc-2")).containsExactly(bobs1);
            assertThat(billing.invoices(ALPHA, "acc-9")).isEmpty();
        }

        @Test
        void refuses_an_invoice_id_or_number_twice() {
            Invoice first = simpleInvoice(anns, "inv-1", "INV00000001", MAY_1);
            billing.addInvoice(first);

            assertThatThrownBy(() -> billing.addInvoice(simpleInvoice(anns, "inv-1", "INV00000002", MAY_1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> billing.addInvoice(simpleInvoice(anns, "inv-2", "INV00000001", MAY_1)))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(billing.invoices(ALPHA, "acc-1")).containsExactly(first);
        }

        @Test
        void finds_no_invoice_or_document_of_another_tenant() {
            billing.addInvoice(simpleInvoice(anns, "inv-1", "INV00000001", MAY_1));

            assertThat(billing.invoice(BETA, "inv-1").isEmpty()).isTrue();
            assertThat(billing.invoiceDocument(BETA, "inv-1").isEmpty()).isTrue();
            assertThat(billing.invoices(BETA, "acc-1")).isEmpty();
            assertThat(billing.invoice(ALPHA, "inv-9").isEmpty()).isTrue();
            assertThat(billing.invoiceDocument(ALPHA, "inv-9").isEmpty()).isTrue();
        }

        @Test
        void the_document_of_an_invoice_is_named_after_its_number() {
            billing.addInvoice(simpleInvoice(anns, "inv-1", "INV00000001", MAY_1));

            InvoiceDocument document = billing.invoiceDocument(ALPHA, "inv-1").getOrElseThrow(AssertionError::new);

            assertThat(document.invoiceNumber()).isEqualTo("INV00000001");
            assertThat(document.fileName()).startsWith("INV00000001.");
            assertThat(document.mediaType()).isNotBlank();
            assertThat(document.content()).isNotEmpty();
        }
    }

    // --- amendments -----------------------------------------------------------------------------

    @Nested
    class Amendments {
        @Test
        void keeps_a_subscriptions_amendments_oldest_first_with_and_without_an_invoice() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
            Subscription s = savedSubscription(anns, "sub-1", "S00000001", MAY_1, null);
            Subscription other = savedSubscription(anns, "sub-2", "S00000002", MAY_1, null);
            Amendment upgrade = new Amendment("am-2", ALPHA, s.id(), ChangeAction.QUANTITY_UPGRADE,
                    LocalDate.of(2025, 5, 10), LocalDate.of(2025, 5, 10), 2, "Seats 1 → 3", "inv-7", T1);
            Amendment cancel = new Amendment("am-1", ALPHA, s.id(), ChangeAction.CANCEL, LocalDate.of(2025, 5, 20),
                    LocalDate.of(2025, 8, 1), 3, "Cancel at the end of the term", null, T2);
            Amendment ofOther = new Amendment("am-3", ALPHA, other.id(), ChangeAction.DOWNGRADE, MAY_1, MAY_1, 2,
                    "Downgrade", null, T3);
            billing.addAmendment(upgrade);
            billing.addAmendment(ofOther);
            billing.addAmendment(cancel);

            assertThat(billing.amendments(ALPHA, s.id())).containsExactly(upgrade, cancel);
            assertThat(billing.amendments(ALPHA, other.id())).containsExactly(ofOther);
            assertThat(billing.amendments(BETA, s.id())).isEmpty();
        }

        @Test
        void refuses_an_amendment_id_twice() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
            Subscription s = savedSubscription(anns, "sub-1", "S00000001", MAY_1, null);
            Amendment first = new Amendment("am-1", ALPHA, s.id(), ChangeAction.CANCEL, MAY_1, MAY_1, 2, "Cancel",
                    null, T1);
            billing.addAmendment(first);

            assertThatThrownBy(() -> billing.addAmendment(new Amendment("am-1", ALPHA, s.id(), ChangeAction.UPGRADE,
                    MAY_1, MAY_1, 3, "Upgrade", null, T2))).isInstanceOf(IllegalStateException.class);

            assertThat(billing.amendments(ALPHA, s.id())).containsExactly(first);
        }
    }

    // --- numbers and ids ------------------------------------------------------------------------

    @Nested
    class Numbers {
        @Test
        void numbers_have_their_kinds_shape_and_increase_per_tenant_and_kind() {
            List<String> accounts = List.of(billing.nextNumber(ALPHA, NumberKind.ACCOUNT),
                    billing.nextNumber(ALPHA, NumberKind.ACCOUNT), billing.nextNumber(BETA, NumberKind.ACCOUNT),
                    billing.nextNumber(ALPHA, NumberKind.ACCOUNT));

            assertThat(accounts).allMatch(n -> n.matches("A\\d{8}"));
            assertThat(List.of(accounts.get(0), accounts.get(1), accounts.get(3))).as("alpha's, in order")
                    .isSorted().doesNotHaveDuplicates();
            assertThat(billing.nextNumber(ALPHA, NumberKind.SUBSCRIPTION)).matches("S\\d{8}");
            assertThat(billing.nextNumber(ALPHA, NumberKind.INVOICE)).matches("INV\\d{8}");
            assertThat(billing.nextNumber(ALPHA, NumberKind.CHARGE)).matches("C-\\d{8}");
        }

        @Test
        void the_first_numbers_of_a_fresh_store_count_from_one() {
            assertThat(billing.nextNumber(ALPHA, NumberKind.INVOICE)).isEqualTo("INV00000001");
            assertThat(billing.nextNumber(ALPHA, NumberKind.INVOICE)).isEqualTo("INV00000002");
            assertThat(billing.nextNumber(ALPHA, NumberKind.ACCOUNT)).isEqualTo("A00000001");
        }

        @Test
        void numbers_taken_inside_a_unit_continue_the_sequence() {
            billing.nextNumber(ALPHA, NumberKind.INVOICE);

            List<String> inUnit = transactions.inTransaction(() -> List.of(
                    billing.nextNumber(ALPHA, NumberKind.INVOICE), billing.nextNumber(ALPHA, NumberKind.INVOICE)));

            assertThat(inUnit).containsExactly("INV00000002", "INV00000003");
            assertThat(billing.nextNumber(ALPHA, NumberKind.INVOICE)).isEqualTo("INV00000004");
        }

        @Test
        void eight_threads_taking_numbers_at_once_get_each_number_once() throws Exception {
            int threads = 8;
            int each = 20;
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> IntStream.range(0, each).mapToObj(i -> billing.nextNumber(ALPHA, NumberKind.INVOICE))
                        .toList());
            }

            List<String> taken = atOnce(tasks).stream().flatMap(List::stream).toList();

            assertThat(taken).doesNotHaveDuplicates().hasSize(threads * each);
            assertThat(taken).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * each)
                    .mapToObj(NumberKind.INVOICE::format).toList());
        }

        @Test
        void new_ids_are_32_hex_characters_and_never_repeat() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                ids.add(billing.newId());
            }

            assertThat(ids).hasSize(1000).allMatch(id -> id.matches("[0-9a-f]{32}"));
        }
    }

    @Nested
    class RequestKeys {
        @Test
        void a_request_key_never_recorded_has_no_result() {
            assertThat(billing.requestResult(ALPHA, "checkout:1:subscribe")).isEmpty();
        }

        @Test
        void keeps_the_result_recorded_for_a_request_key_in_its_tenant_only() {
            billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", "{\"invoice\":\"INV1\"}", T0);

            assertThat(billing.requestResult(ALPHA, "checkout:1:subscribe")).containsExactly("{\"invoice\":\"INV1\"}");
            assertThat(billing.requestResult(BETA, "checkout:1:subscribe")).as("another tenant").isEmpty();
        }

        @Test
        void refuses_a_request_key_recorded_already_and_keeps_the_first_result() {
            billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", "first", T0);

            assertThatThrownBy(() -> billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", "second", T1))
                    .isInstanceOf(IllegalStateException.class);
            billing.recordRequest(BETA, "checkout:1:subscribe", "subscribe", "beta's", T1);

            assertThat(billing.requestResult(ALPHA, "checkout:1:subscribe")).containsExactly("first");
            assertThat(billing.requestResult(BETA, "checkout:1:subscribe")).containsExactly("beta's");
        }

        @Test
        void a_refused_request_key_leaves_the_running_unit_usable() {
            billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", "first", T0);

            String read = transactions.inTransaction(() -> {
                assertThatThrownBy(() -> billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", "again",
                        T1)).isInstanceOf(IllegalStateException.class);
                billing.recordRequest(ALPHA, "checkout:2:subscribe", "subscribe", "other", T1);
                return billing.requestResult(ALPHA, "checkout:1:subscribe").getOrElse("none");
            });

            assertThat(read).isEqualTo("first");
            assertThat(billing.requestResult(ALPHA, "checkout:2:subscribe")).containsExactly("other");
        }

        @Test
        void of_units_recording_one_request_key_at_once_exactly_one_succeeds() throws Exception {
            List<Callable<Boolean>> units = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String result = "answer " + i;
                units.add(() -> {
                    try {
                        transactions.inTransaction(() -> {
                            billing.recordRequest(ALPHA, "checkout:1:subscribe", "subscribe", result, T0);
                            return null;
                        });
                        return true;
                    } catch (IllegalStateException refused) {
                        return false;
                    }
                });
            }

            List<Boolean> recorded = atOnce(units);

            assertThat(recorded).containsOnlyOnce(true);
            assertThat(billing.requestResult(ALPHA, "checkout:1:subscribe"))
                    .containsExactly("answer " + recorded.indexOf(true));
        }
    }

    @Nested
    class AccountLock {
        /** Longer than H2's default lock timeout (2 s), so the adapter's wait must outlast it. */
        private static final long HOLD_MILLIS = 2_500;

        @Test
        void locking_an_account_reads_it_and_finds_none_for_an_unknown_id_or_another_tenant() {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));

            assertThat(transactions.inTransaction(() -> billing.lockAccount(ALPHA, "acc-1"))).containsExactly(anns);
            assertThat(transactions.inTransaction(() -> billing.lockAccount(ALPHA, "acc-2"))).isEmpty();
            assertThat(transactions.inTransaction(() -> billing.lockAccount(BETA, "acc-1"))).isEmpty();
        }

        @Test
        @Timeout(60)
        void a_second_unit_locking_the_account_waits_until_the_first_ends_and_reads_what_it_committed()
                throws Exception {
            BillingAccount anns = saved(account(ann, "acc-1", "A00000001", person("Ann")));
            BillingAccount updated = new BillingAccount(anns.id(), anns.tenantId(), anns.userId(), anns.number(),
                    anns.currency(), anns.details(), "pm-1", anns.createdAt(), T1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch locked = new CountDownLatch(1);
                AtomicLong firstDone = new AtomicLong();
                Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                    billing.lockAccount(ALPHA, "acc-1");
                    locked.countDown();
                    pause(HOLD_MILLIS);
                    billing.saveAccount(updated);
                    firstDone.set(System.nanoTime());
                    return null;
                }));
                assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();

                record Locked(long at, Option<BillingAccount> read) {
                }
                Future<Locked> second = threads.submit(() -> transactions.inTransaction(() -> {
                    Option<BillingAccount> read = billing.lockAccount(ALPHA, "acc-1");
                    return new Locked(System.nanoTime(), read);
                }));
                Locked got = second.get(30, TimeUnit.SECONDS);
                first.get(30, TimeUnit.SECONDS);

                assertThat(got.at()).as("the second locked after the first unit's work").isGreaterThan(firstDone.get());
                assertThat(got.read()).as("and read what it committed").containsExactly(updated);
            } finally {
                threads.shutdownNow();
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
