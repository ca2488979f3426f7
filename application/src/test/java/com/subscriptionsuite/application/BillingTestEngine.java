package com.subscriptionsuite.application;

import com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryIdempotencyRecords;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentMethods;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryCustomerLocks;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryBillingOperations;
import com.subscriptionsuite.application.ledger.BuiltInLedger;
import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import java.util.function.UnaryOperator;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Item;
import com.subscriptionsuite.application.port.in.checkout.Checkout.SubscribeCommand;
import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.Instant;
import java.util.List;

/**
 * An engine with every in-memory port the billing use cases need, its stores in reach: tenant
 * {@code acme} (1) is {@link SampleTenants#full} (a German seller, guest checkout on), {@code members}
 * (2) the same without guest checkout. {@code withVouchers} false leaves the vouchers store out.
 */
final class BillingTestEngine {
    final MutableClock clock;
    final InMemoryLedgerStore billing = new InMemoryLedgerStore();
    final InMemoryPaymentMethods paymentMethods = new InMemoryPaymentMethods();
    final InMemoryVouchers vouchers = new InMemoryVouchers();
    final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryAccountLinks links = new InMemoryAccountLinks(transactions);
    final InMemoryBillingOperations operations = new InMemoryBillingOperations(transactions);
    /** The outbox the engine's bookings write their business events to. */
    final InMemoryBusinessEvents events = new InMemoryBusinessEvents(transactions);
    /** The built-in ledger on {@link #billing}, as the engine's billing gateway (possibly wrapped). */
    final BuiltInLedger ledger;
    final Engine engine;
    private int registered;

    BillingTestEngine(Instant start) {
        this(start, true);
    }

    BillingTestEngine(Instant start, boolean withVouchers) {
        this(start, withVouchers, links -> links, gateway -> gateway, java.time.Duration.ofSeconds(60));
    }

    /** With the given lease of claimed idempotency keys. */
    BillingTestEngine(Instant start, java.time.Duration idempotencyLease) {
        this(start, true, links -> links, gateway -> gateway, idempotencyLease);
    }

    /**
     * The engine reads the customers' account links through {@code wrapLinks(links)} and calls the
     * billing system through {@code wrapGateway(ledger)}: tests put a link store that misbehaves, or a
     * billing system that fails ({@code FaultyBillingGateway}), in between.
     */
    BillingTestEngine(Instant start, boolean withVouchers, UnaryOperator<AccountLinks> wrapLinks,
            UnaryOperator<BillingGateway> wrapGateway) {
        this(start, withVouchers, wrapLinks, wrapGateway, java.time.Duration.ofSeconds(60));
    }

    private BillingTestEngine(Instant start, boolean withVouchers, UnaryOperator<AccountLinks> wrapLinks,
            UnaryOperator<BillingGateway> wrapGateway, java.time.Duration idempotencyLease) {
        clock = new MutableClock(start);
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        tenants.store(withoutGuests(SampleTenants.full(2, "members")));
        CountingSecrets secrets = new CountingSecrets();
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        ledger = new BuiltInLedger(billing, transactions, directory, secrets, new VatDetermination(
                VatRates.euStandardRates()), clock, events);
        engine = Engine.builder().tenants(tenants).clock(clock).users(new InMemoryUsers())
                .sessions(new InMemorySessions()).passwordResets(new InMemoryPasswordResets())
                .loginAttempts(new InMemoryLoginAttempts()).transactions(transactions)
                .passwordHasher(new PlainTestHasher()).secrets(secrets).commonPasswords(p -> false)
                .mailer(new RecordingMailer()).vouchers(withVouchers ? vouchers : null)
                .customerLocks(new InMemoryCustomerLocks(transactions, clock)).accountLinks(wrapLinks.apply(links))
                .billingOperations(operations).billingGateway(wrapGateway.apply(ledger))
                .paymentMethods(paymentMethods).idempotencyRecords(idempotencyRecords)
                .idempotencyLease(idempotencyLease).outbox(events, events).build();
    }

    /** The built-in ledger's bill run (the engine has none: it was given the ledger as a gateway). */
    RunBilling billRun() {
        return ledger.billRun();
    }

    private static TenantDefinition withoutGuests(TenantDefinition d) {
        Tenant t = d.tenant();
        CheckoutSettings c = t.checkoutSettings();
        Tenant tenant = new Tenant(t.id(), t.key(), t.name(), List.of(), t.seller(), t.languages(), t.currencies(),
                t.cartSettings(), new CheckoutSettings(c.id(), false, c.showCharges(), c.showTax(), c.showBrutto(),
                        c.showProductName(), c.hasAutoInvoice(), c.hasAutoPayment()), t.customerCenterSettings());
        return new TenantDefinition(tenant, d.catalog(), d.translations(), d.access());
    }

    /** A new registered customer of the tenant; its user id. */
    long customer(long tenantId) {
        registered++;
        return engine.register().register(new RegisterCommand(tenantId, "customer" + registered + "@example.com",
                "a long enough passphrase", null, null, "10.0.0." + registered)).get().user().id();
    }

    long guest(long tenantId) {
        return engine.logInAsGuest().logInAsGuest(tenantId, "10.1.0.1").get().user().id();
    }

    /** A German consumer in Berlin, paying in the given currency (null: the account's or the shop's). */
    static AccountDetails berliner(String currency) {
        return new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin", null, "DE",
                "ann@example.com", "+49 30 1234567", null, false, null, null, null, null, null, null, null, null,
                null, "", currency);
    }

    /** A company in Vienna with a valid Austrian VAT ID. */
    static AccountDetails viennaCompany() {
        return new AccountDetails(true, "Acme Handels GmbH", "Ann", "Example", "Ring 1", "1010", "Wien", null, "AT",
                "ann@acme.example", "+43 1 234", null, false, null, null, null, null, null, null, null, null, null,
                "ATU13585627", "EUR");
    }

    static Item item(long suiteProductId, long quantity, int orderPos) {
        return new Item(suiteProductId, quantity, orderPos, null);
    }

    static SubscribeCommand cart(long tenantId, long userId, AccountDetails account, Item... items) {
        return new SubscribeCommand(tenantId, userId, false, List.of(items), account, null, null, null);
    }
}
