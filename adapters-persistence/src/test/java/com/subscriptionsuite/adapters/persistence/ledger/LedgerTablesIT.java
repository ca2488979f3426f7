package com.subscriptionsuite.adapters.persistence.ledger;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.adapters.persistence.idempotency.JdbiIdempotencyRecords;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.LedgerStore.InvoiceDocument;
import com.subscriptionsuite.application.port.out.LedgerStore.NumberKind;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
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
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only the database ledger has to care about, on H2 and on PostgreSQL: units of work that roll
 * back, the customer's lock guarding the account and the number sequences across connection pools (as separate server
 * instances have them), and tenants that are stored again or renumbered.
 */
class LedgerTablesIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    /** Longer than H2's default lock timeout (2 s), shorter than Handles.LOCK_WAIT. */
    private static final long HOLD_LOCK_MILLIS = 2_500;

    @TempDir
    Path dataDir;

    private ExecutorService threads;

    @BeforeEach
    void threads() {
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Two pools on one database, as two server instances would have them; the tenant "acme" (1) stored. */
    private List<Database> twoServers(TestDatabases.Kind kind) {
        String url = kind == TestDatabases.Kind.H2 ? Database.h2File(dataDir) : TestPostgres.shared().freshSchemaUrl();
        String user = kind == TestDatabases.Kind.H2 ? "sa" : TestPostgres.USER;
        String password = kind == TestDatabases.Kind.H2 ? "" : TestPostgres.PASSWORD;
        List<Database> servers = List.of(new Database(url, user, password), new Database(url, user, password));
        new JdbiTenants(servers.get(0).jdbi()).store(full(1, "acme"));
        return servers;
    }

    private static Database oneServer(TestDatabases.Kind kind, Path dataDir) {
        Database database = kind.open(dataDir);
        new JdbiTenants(database.jdbi()).store(full(1, "acme"));
        return database;
    }

    private static User customer(Database database, long tenantId, String email) {
        EmailAddress address = EmailAddress.parse("email", email).getOrElseThrow(r -> new AssertionError(r.message()));
        return new JdbiUsers(database.jdbi()).add(tenantId, "guid-" + email, UserKind.CUSTOMER, address, "hash", "de",
                T0).getOrElseThrow(taken -> new AssertionError(taken.toString()));
    }

    private static AccountDetails details(String city) {
        return new AccountDetails(false, null, "Ann", "Smith", "1 Main St", "12345", city, null, "DE",
                "ann@example.com", null, null, false, null, null, null, null, null, null, null, null, null, null, "EUR");
    }

    private static BillingAccount account(User user, String city) {
        return new BillingAccount("acc-1", user.tenantId(), user.id(), "A00000001", CurrencyUnit.EUR, details(city),
                null, T0, T0);
    }

    private static Subscription subscription(long tenantId, String uuid) {
        SubscribedCharge seats = new SubscribedCharge("seg-1", "chg-1", "C-00000001", 1, 101, 201, 301, "Seats",
                ChargeType.RECURRING, "PerUnit", BillingPeriod.MONTH, null, TaxMode.TAX_EXCLUSIVE, true, false, 2,
                Money.of(CurrencyUnit.EUR, new BigDecimal("20.00")), Money.of(CurrencyUnit.EUR, new BigDecimal("20.00")),
                null, MAY_1, null);
        return new Subscription("sub-1", tenantId, "acc-1", "S00000001", uuid, MAY_1, MAY_1,
                TermSchedule.evergreen(MAY_1), true, LocalDate.of(2025, 6, 1), null, 1, T0, List.of(seats));
    }

    private static Invoice invoice(long tenantId, String id, String number) {
        Money ten = Money.of(CurrencyUnit.EUR, new BigDecimal("10.00"));
        Money tax = Money.of(CurrencyUnit.EUR, new BigDecimal("1.90"));
        return new Invoice(id, tenantId, "acc-1", number, MAY_1, MAY_1.plusDays(14), CurrencyUnit.EUR,
                new InvoiceParty("Acme GmbH", List.of("Hauptstraße 1", "10115 Berlin"), "DE", "DE136695976"),
                new InvoiceParty("Ann Smith", List.of("1 Main St"), "DE", null), new BigDecimal("0.19"), "",
                List.of(new InvoiceLine("S00000001", 301, "Seats", MAY_1, LocalDate.of(2025, 6, 1),
                        new TaxSplit(ten, tax, ten.plus(tax)))),
                Money.zero(CurrencyUnit.EUR), T0);
    }

    private static Amendment amendment(long tenantId) {
        return new Amendment("am-1", tenantId, "sub-1", ChangeAction.QUANTITY_UPGRADE, MAY_1, MAY_1, 2, "Seats 2 → 3",
                "inv-1", T0);
    }

    private static long rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /**
     * The ledger's own lock on an account's row, as its commands and its bill run take it: a second
     * unit's lock, from another pool, waits for the first unit to end (longer than H2's lock timeout)
     * and then reads what it wrote; a plain read does not wait and sees the committed state.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void a_second_account_lock_from_another_pool_waits_for_the_first_unit_and_then_reads_its_account_write(
            TestDatabases.Kind kind) throws Exception {
        List<Database> servers = twoServers(kind);
        try {
            User ann = customer(servers.get(0), 1, "ann@example.com");
            JdbiLedgerStore first = new JdbiLedgerStore(servers.get(0).jdbi());
            JdbiLedgerStore second = new JdbiLedgerStore(servers.get(1).jdbi());
            BillingAccount saved = account(ann, "Berlin");
            first.saveAccount(saved);
            CountDownLatch locked = new CountDownLatch(1);

            Future<?> firstUnit = threads.submit(() -> new JdbiTransactions(servers.get(0).jdbi()).inTransaction(() -> {
                BillingAccount mine = first.lockAccount(1, saved.id()).getOrElseThrow(AssertionError::new);
                locked.countDown();
                sleep(HOLD_LOCK_MILLIS);
                first.saveAccount(mine.withDetails(details("Hamburg"), T0.plusSeconds(60)));
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            BillingAccount read = second.accountOfUser(1, ann.id()).getOrElseThrow(AssertionError::new);
            long readMillis = (System.nanoTime() - started) / 1_000_000;
            Future<BillingAccount> secondUnit = threads.submit(() -> new JdbiTransactions(servers.get(1).jdbi())
                    .inTransaction(() -> {
                        return second.lockAccount(1, saved.id()).getOrElseThrow(AssertionError::new);
                    }));
            BillingAccount afterWait = secondUnit.get(30, TimeUnit.SECONDS);
            long lockMillis = (System.nanoTime() - started) / 1_000_000;
            firstUnit.get(30, TimeUnit.SECONDS);

            assertThat(readMillis).as("a read does not wait for the lock").isLessThan(HOLD_LOCK_MILLIS / 2);
            assertThat(read.details().city()).as("nothing committed yet").isEqualTo("Berlin");
            assertThat(lockMillis).as("the lock waited for the first unit").isGreaterThan(HOLD_LOCK_MILLIS / 2);
            assertThat(afterWait.details().city()).as("and then read its write").isEqualTo("Hamburg");
        } finally {
            servers.forEach(Database::close);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void threads_on_two_pools_taking_numbers_at_once_get_each_number_once(TestDatabases.Kind kind) throws Exception {
        List<Database> servers = twoServers(kind);
        try {
            List<Future<List<String>>> takers = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < 8; t++) {
                JdbiLedgerStore billing = new JdbiLedgerStore(servers.get(t % 2).jdbi());
                JdbiTransactions transactions = new JdbiTransactions(servers.get(t % 2).jdbi());
                boolean inUnits = t % 4 < 2;
                takers.add(threads.submit(() -> {
                    start.await();
                    return IntStream.range(0, 20).mapToObj(i -> inUnits
                            ? transactions.inTransaction(() -> billing.nextNumber(1, NumberKind.INVOICE))
                            : billing.nextNumber(1, NumberKind.INVOICE)).toList();
                }));
            }
            start.countDown();
            List<String> taken = new ArrayList<>();
            for (Future<List<String>> taker : takers) {
                taken.addAll(taker.get(30, TimeUnit.SECONDS));
            }

            assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 160).mapToObj(NumberKind.INVOICE::format).toList());
        } finally {
            servers.forEach(Database::close);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_unit_that_fails_books_nothing_but_the_numbers_it_took_stay_taken(TestDatabases.Kind kind) {
        try (Database database = oneServer(kind, dataDir)) {
            JdbiLedgerStore billing = new JdbiLedgerStore(database.jdbi());
            User ann = customer(database, 1, "ann@example.com");

            assertThatThrownBy(() -> new JdbiTransactions(database.jdbi()).inTransaction(() -> {
                billing.nextNumber(1, NumberKind.INVOICE);
                billing.saveAccount(account(ann, "Berlin"));
                billing.saveSubscription(subscription(1, "uuid-1"));
                billing.addInvoice(invoice(1, "inv-1", "INV00000001"));
                billing.addAmendment(amendment(1));
                throw new IllegalStateException("payment refused");
            })).hasMessage("payment refused");

            assertThat(billing.accountOfUser(1, ann.id()).isEmpty()).isTrue();
            assertThat(billing.subscription(1, "uuid-1").isEmpty()).isTrue();
            assertThat(billing.invoice(1, "inv-1").isEmpty()).isTrue();
            for (String table : List.of("billing_account", "subscription", "subscription_charge", "invoice",
                    "invoice_line", "invoice_address_line", "amendment")) {
                assertThat(rows(database, table)).as(table).isZero();
            }
            assertThat(billing.nextNumber(1, NumberKind.INVOICE)).as("skipped, never given twice")
                    .isEqualTo("INV00000002");
        }
    }

    /** On PostgreSQL a failed statement spoils its transaction unless rolled back to a savepoint. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_refused_insert_inside_a_unit_leaves_the_unit_usable(TestDatabases.Kind kind) {
        try (Database database = oneServer(kind, dataDir)) {
            JdbiLedgerStore billing = new JdbiLedgerStore(database.jdbi());
            User ann = customer(database, 1, "ann@example.com");
            billing.saveAccount(account(ann, "Berlin"));
            billing.saveSubscription(subscription(1, "uuid-1"));

            billing.addInvoice(invoice(1, "inv-0", "INV00000001"));
            Subscription sameUuid = new Subscription("sub-2", 1, "acc-1", "S00000002", "uuid-1", MAY_1, MAY_1,
                    TermSchedule.evergreen(MAY_1), true, MAY_1, null, 1, T0, List.of());

            Invoice booked = new JdbiTransactions(database.jdbi()).inTransaction(() -> {
                assertThatThrownBy(() -> billing.saveSubscription(sameUuid)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> billing.addInvoice(invoice(1, "inv-1", "INV00000001")))
                        .isInstanceOf(IllegalStateException.class);
                Invoice next = invoice(1, "inv-2", "INV00000002");
                billing.addInvoice(next);
                return next;
            });

            assertThat(billing.invoices(1, "acc-1")).extracting(Invoice::id).containsExactly("inv-2", "inv-0");
            assertThat(billing.invoice(1, "inv-2").toJavaOptional()).contains(booked);
            assertThat(billing.subscriptions(1, "acc-1")).extracting(Subscription::id).containsExactly("sub-1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_document_of_a_stored_invoice_is_its_pdf(TestDatabases.Kind kind) throws IOException {
        try (Database database = oneServer(kind, dataDir)) {
            JdbiLedgerStore billing = new JdbiLedgerStore(database.jdbi());
            billing.saveAccount(account(customer(database, 1, "ann@example.com"), "Berlin"));
            billing.addInvoice(invoice(1, "inv-1", "INV00000001"));

            InvoiceDocument document = billing.invoiceDocument(1, "inv-1").getOrElseThrow(AssertionError::new);

            assertThat(document.mediaType()).isEqualTo("application/pdf");
            assertThat(document.fileName()).isEqualTo("INV00000001.pdf");
            assertThat(document.content()).isEqualTo(InvoicePdf.render(invoice(1, "inv-1", "INV00000001")));
            try (PDDocument pdf = Loader.loadPDF(document.content())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("INV00000001", "Summe brutto 11,90 EUR");
            }
        }
    }

    /** The tenant's key is its identity: the whole ledger moves with a renumbered tenant. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_tenant_stored_again_or_renumbered_keeps_its_ledger_and_sequences(TestDatabases.Kind kind) {
        try (Database database = oneServer(kind, dataDir)) {
            JdbiTenants tenants = new JdbiTenants(database.jdbi());
            JdbiLedgerStore billing = new JdbiLedgerStore(database.jdbi());
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            User ann = customer(database, 1, "ann@example.com");
            billing.saveAccount(account(ann, "Berlin"));
            billing.saveSubscription(subscription(1, "uuid-1"));
            billing.addInvoice(invoice(1, "inv-1", "INV00000001"));
            billing.addAmendment(amendment(1));
            billing.nextNumber(1, NumberKind.INVOICE);
            records.claim(new IdempotencyRecord(1, ann.id(), "key-1", "fp-1", T0, null, null), T0.minusSeconds(60));

            tenants.store(full(1, "acme"));
            assertThat(billing.subscription(1, "uuid-1").toJavaOptional()).contains(subscription(1, "uuid-1"));

            tenants.store(full(7, "acme"));

            assertThat(billing.accountOfUser(1, ann.id()).isEmpty()).isTrue();
            assertThat(billing.accountOfUser(7, ann.id()).map(BillingAccount::number).toJavaOptional())
                    .contains("A00000001");
            assertThat(billing.subscription(7, "uuid-1").toJavaOptional()).contains(subscription(7, "uuid-1"));
            assertThat(billing.invoice(7, "inv-1").toJavaOptional()).contains(invoice(7, "inv-1", "INV00000001"));
            assertThat(billing.amendments(7, "sub-1")).containsExactly(amendment(7));
            assertThat(billing.nextNumber(7, NumberKind.INVOICE)).isEqualTo("INV00000002");
            assertThat(records.claim(new IdempotencyRecord(7, ann.id(), "key-1", "fp-2", T0, null, null),
                    T0.minusSeconds(60)).map(IdempotencyRecord::fingerprint).toJavaOptional()).contains("fp-1");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
