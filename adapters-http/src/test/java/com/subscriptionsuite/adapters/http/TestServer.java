package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryCatalogSource;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryBillingOperations;
import com.subscriptionsuite.application.fixtures.InMemoryIdempotencyRecords;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPayPalAgreements;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentMethods;
import com.subscriptionsuite.application.fixtures.InMemoryQuoteLinks;
import com.subscriptionsuite.application.fixtures.InMemoryQuotes;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentPages;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemoryRevenueBatches;
import com.subscriptionsuite.application.fixtures.InMemoryRevenueFeed;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryCustomerLocks;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVatChecks;
import com.subscriptionsuite.application.fixtures.InMemoryVatRegistry;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.VatRegistry.Confirmed;
import com.subscriptionsuite.application.port.out.VatRegistry.Unavailable;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Real servers for the HTTP tests, on free ports, over a real {@link Engine} with in-memory
 * tenants, users, sessions, vouchers and mail. Tenants: {@code acme} (1) and {@code other} (2) are
 * {@link SampleTenants#full} with a CORS origin and an admin key each, {@code trim} (3) is
 * {@link SampleTenants#trimmed} (a German seller without the EU threshold), {@code bare} (4) is
 * {@link SampleTenants#minimal}, {@code euro} (5) sells in USD what is priced in EUR only,
 * {@code members} (6) is {@code full} without guest checkout, {@code team} (7) is {@link TeamShop} (the
 * subscription-change catalog) and {@code team-locked} (8) the same shop without cancelling in the
 * customer center. acme, other and members offer
 * {@link SampleTenants#fullPaymentOptions}, trim one card option; hosted pages and PayPal are the
 * in-memory built-in ones.
 * <p>
 * VAT IDs are checked against {@link #vies()}, a fresh in-memory VIES per engine: {@code ATU13585627}
 * is registered (Acme Handels GmbH), {@code FR40303265045}'s member state is unavailable,
 * {@code BE0428759497} is rate limited, {@code NL004495445B01} is refused as input, every other
 * number is not registered.
 * <p>
 * {@link #base()} is one shared server with a fixed clock (2025-06-15T10:00Z) for tests that only
 * read; {@link #fresh()} starts a server of its own, with a clock the test moves, for tests that
 * sign in, fail logins, delete products or hold vouchers.
 */
final class TestServer {
    static final Instant START = Instant.parse("2025-06-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);
    static final String ACME_ORIGIN = "https://shop.acme.example";
    static final String OTHER_ORIGIN = "https://shop.other.example";
    static final String ACME_ADMIN_KEY = "admin-secret-1";
    static final String OTHER_ADMIN_KEY = "admin-secret-2";
    /** What the test {@code CommonPasswords} calls common. */
    static final Set<String> COMMON_PASSWORDS = Set.of("1234567890", "password123", "qwertyuiop");
    private static URI base;

    private TestServer() {
    }

    /** The webhook deliveries of every engine made here (the admin endpoints' tests put some in). */
    static final com.subscriptionsuite.application.fixtures.InMemoryWebhooks WEBHOOKS =
            new com.subscriptionsuite.application.fixtures.InMemoryWebhooks();

    static Engine engine() {
        return engine(CLOCK, new RecordingMailer());
    }

    /** A VIES stand-in with the answers listed above. */
    static InMemoryVatRegistry vies() {
        return new InMemoryVatRegistry()
                .registered("ATU13585627", "Acme Handels GmbH", "Ring 1\n1010 Wien")
                .answer("FR40303265045", new Unavailable(Unavailable.MS_UNAVAILABLE))
                .answer("BE0428759497", new Unavailable(Unavailable.RATE_LIMITED))
                .answer("NL004495445B01", Confirmed.invalidInput());
    }

    static Engine engine(Clock clock, Mailer mailer) {
        return engine(clock, mailer, new InMemoryVatChecks());
    }

    static Engine engine(Clock clock, Mailer mailer, InMemoryVatChecks vatChecks) {
        return engine(clock, mailer, vatChecks, new InMemoryLedgerStore(), new InMemoryPaymentMethods());
    }

    /** With the billing and payment-method stores given, for tests that look into them (or fill them). */
    static Engine engine(Clock clock, Mailer mailer, InMemoryVatChecks vatChecks, InMemoryLedgerStore billing,
            InMemoryPaymentMethods paymentMethods) {
        return engine(clock, mailer, vatChecks, billing, paymentMethods, new InMemoryAccountLinks(
                new InMemoryTransactions()));
    }

    /**
     * With the ledger's store, the payment-method store and the customers' account links given, for
     * tests that seed accounts (an account the engine serves is linked to its customer).
     */
    static Engine engine(Clock clock, Mailer mailer, InMemoryVatChecks vatChecks, InMemoryLedgerStore billing,
            InMemoryPaymentMethods paymentMethods, InMemoryAccountLinks links) {
        return engine(clock, mailer, vatChecks, billing, paymentMethods, links, new InMemoryCatalogSource());
    }

    /**
     * With the billing system's catalog given too (the catalog sync's source). It answers each tenant's
     * catalog as the tenant was stored here until a test gives it another answer: a sync of a tenant
     * whose every item has a zuora id changes nothing, of one with items without (acme, other ...) is
     * refused 422, naming each.
     */
    static Engine engine(Clock clock, Mailer mailer, InMemoryVatChecks vatChecks, InMemoryLedgerStore billing,
            InMemoryPaymentMethods paymentMethods, InMemoryAccountLinks links, InMemoryCatalogSource catalogSource) {
        CountingSecrets secrets = new CountingSecrets();
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(withAccess(SampleTenants.full(1, "acme"), ACME_ORIGIN, ACME_ADMIN_KEY));
        tenants.store(withAccess(SampleTenants.full(2, "other"), OTHER_ORIGIN, OTHER_ADMIN_KEY));
        tenants.store(SampleTenants.trimmed(3, "trim"));
        tenants.store(SampleTenants.minimal(4, "bare"));
        tenants.store(SampleTenants.euroPricesDollarShop(5, "euro"));
        tenants.store(withoutGuestCheckout(SampleTenants.full(6, "members")));
        tenants.store(TeamShop.definition(7, "team", TeamShop.CANCEL_SELF_SERVICE));
        tenants.store(TeamShop.definition(8, "team-locked", TeamShop.NO_CANCEL));
        tenants.all().forEach(d -> catalogSource.answer(d.tenant().id(), InMemoryCatalogSource.of(d.catalog())));
        InMemoryTransactions transactions = new InMemoryTransactions();
        InMemoryQuotes quotes = new InMemoryQuotes();
        var outbox = new com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents(transactions);
        return Engine.builder()
                .tenants(tenants)
                .clock(clock)
                .users(new InMemoryUsers())
                .sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets())
                .loginAttempts(new InMemoryLoginAttempts())
                .transactions(transactions)
                .passwordHasher(new PlainTestHasher())
                .secrets(secrets)
                .commonPasswords(COMMON_PASSWORDS::contains)
                .mailer(mailer)
                .vouchers(new InMemoryVouchers())
                .vatRegistry(vies())
                .vatChecks(vatChecks)
                .ledger(billing)
                .customerLocks(new InMemoryCustomerLocks(transactions, clock))
                .accountLinks(links)
                .billingOperations(new InMemoryBillingOperations(transactions))
                .paymentMethods(paymentMethods)
                .paymentPages(new InMemoryPaymentPages(secrets))
                .payPalAgreements(new InMemoryPayPalAgreements(secrets))
                .idempotencyRecords(new InMemoryIdempotencyRecords())
                .catalogSource(catalogSource)
                .invoiceDiscrepancies(new com.subscriptionsuite.application.fixtures.InMemoryInvoiceDiscrepancies())
                // quotes (issue 14 §3): the built-in source in memory
                .quoteSource(quotes)
                .storedQuotes(quotes)
                .quoteLinks(new InMemoryQuoteLinks(transactions))
                .outbox(outbox, outbox)
                .webhooks(WEBHOOKS, WEBHOOKS, (url, headers, body, secret, at, timeout) -> io.vavr.control.Either.left(
                        "tests reach no network"), name -> io.vavr.control.Option.none())
                .revenueBatches(new InMemoryRevenueBatches())
                .revenueFeed(new InMemoryRevenueFeed())
                .build();
    }

    /** The definition with one browser origin and one admin key (named {@code ops}, stored as its SHA-256). */
    static TenantDefinition withAccess(TenantDefinition d, String origin, String adminKey) {
        TenantAccess access = new TenantAccess(List.of(origin),
                List.of(new TenantAccess.AdminKey("ops", SecretHash.of(adminKey))));
        return d.withAccess(access);
    }

    static TenantDefinition withoutGuestCheckout(TenantDefinition d) {
        Tenant t = d.tenant();
        CheckoutSettings c = t.checkoutSettings();
        CheckoutSettings noGuests = new CheckoutSettings(c.id(), false, c.showCharges(), c.showTax(), c.showBrutto(),
                c.showProductName(), c.hasAutoInvoice(), c.hasAutoPayment());
        Tenant tenant = new Tenant(t.id(), t.key(), t.name(), t.hosts(), t.seller(), t.languages(), t.currencies(),
                t.cartSettings(), noGuests, t.customerCenterSettings());
        return d.withTenant(tenant);
    }

    static synchronized URI base() {
        if (base == null) {
            base = start(new HttpApi(HttpApi.UseCases.from(engine()), HttpSettings.defaults()));
        }
        return base;
    }

    /** Starts {@code api} on a free loopback port, stopped when the test JVM ends. */
    static URI start(HttpApi api) {
        Javalin app = api.start("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** A client of the shared server without tenant header. */
    static Http anonymous() {
        return new Http(base(), List.of());
    }

    /** A client of the shared server naming the tenant by X-Tenant. */
    static Http tenant(String key) {
        return anonymous().with("X-Tenant", key);
    }

    /**
     * A server of its own over a new engine whose clock starts at {@link #START}; close it after the
     * test. The engine is there for what the HTTP API does not serve (defining voucher campaigns).
     */
    static Fresh fresh() {
        MutableClock clock = new MutableClock(START);
        RecordingMailer mailer = new RecordingMailer();
        InMemoryVatChecks vatChecks = new InMemoryVatChecks();
        InMemoryLedgerStore billing = new InMemoryLedgerStore();
        InMemoryAccountLinks links = new InMemoryAccountLinks(new InMemoryTransactions());
        InMemoryCatalogSource catalogSource = new InMemoryCatalogSource();
        Engine engine = engine(clock, mailer, vatChecks, billing, new InMemoryPaymentMethods(), links, catalogSource);
        Javalin app = new HttpApi(HttpApi.UseCases.from(engine), HttpSettings.defaults()).start("127.0.0.1", 0);
        return new Fresh(app, URI.create("http://127.0.0.1:" + app.port()), clock, mailer, engine, vatChecks,
                billing, links, catalogSource);
    }

    /**
     * {@code billing}: the engine's ledger, and {@code links} its customers' account links, for
     * seeding accounts and subscriptions the API does not create; {@code catalogSource} the billing
     * system's catalog the catalog sync fetches.
     */
    record Fresh(Javalin app, URI base, MutableClock clock, RecordingMailer mailer, Engine engine,
            InMemoryVatChecks vatChecks, InMemoryLedgerStore billing, InMemoryAccountLinks links,
            InMemoryCatalogSource catalogSource)
            implements AutoCloseable {
        Http tenant(String key) {
            return new Http(base, List.of("X-Tenant", key));
        }

        @Override
        public void close() {
            app.stop();
        }
    }
}
