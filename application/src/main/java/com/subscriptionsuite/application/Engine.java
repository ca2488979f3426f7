package com.subscriptionsuite.application;

import com.subscriptionsuite.application.port.in.housekeeping.CleanUp;
import com.subscriptionsuite.application.port.in.admin.AuthorizeAdmin;
import com.subscriptionsuite.application.port.in.admin.RemoveProduct;
import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import com.subscriptionsuite.application.port.out.billing.CatalogSource;
import com.subscriptionsuite.application.service.housekeeping.HousekeepingUseCases;
import com.subscriptionsuite.application.service.catalogsync.CatalogSyncUseCases;
import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.in.change.WithdrawChange;
import com.subscriptionsuite.application.service.change.ChangeUseCases;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.in.identity.Authenticate;
import com.subscriptionsuite.application.port.in.identity.LogIn;
import com.subscriptionsuite.application.port.in.identity.LogInAsGuest;
import com.subscriptionsuite.application.port.in.identity.LogOut;
import com.subscriptionsuite.application.port.in.identity.Register;
import com.subscriptionsuite.application.port.in.identity.ResetPassword;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.application.port.in.tenant.TenantAccessLookup;
import com.subscriptionsuite.application.port.in.translation.Translate;
import com.subscriptionsuite.application.port.in.voucher.ConsumeVoucher;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher;
import com.subscriptionsuite.application.port.in.vat.ValidateVatId;
import com.subscriptionsuite.application.port.out.VatChecks;
import com.subscriptionsuite.application.port.out.VatRegistry;
import com.subscriptionsuite.application.service.vat.VatUseCases;
import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions;
import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.service.billing.BillingCases;
import com.subscriptionsuite.application.service.billing.BillingUseCases;
import com.subscriptionsuite.application.service.idempotency.IdempotencyUseCases;
import com.subscriptionsuite.application.port.out.CommonPasswords;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.BillingOperations;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.ledger.BuiltInLedger;
import com.subscriptionsuite.application.port.out.Housekeeping;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import com.subscriptionsuite.application.port.out.LoginAttempts;
import com.subscriptionsuite.application.port.out.Instrumentation;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import com.subscriptionsuite.application.port.in.reconciliation.ReadInvoiceDiscrepancies;
import com.subscriptionsuite.application.port.out.PayPalAgreements;
import com.subscriptionsuite.application.port.in.payment.ApprovePayPal;
import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentOptions;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage;
import com.subscriptionsuite.application.port.in.payment.StartPayPal;
import com.subscriptionsuite.application.port.in.payment.SubmitPaymentPage;
import com.subscriptionsuite.application.service.payment.AccountPaymentMethodCases;
import com.subscriptionsuite.application.service.payment.PaymentMethodCases;
import com.subscriptionsuite.application.service.payment.PaymentUseCases;
import com.subscriptionsuite.application.port.out.PasswordResets;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.MarkAcceptedQuotes;
import com.subscriptionsuite.application.port.in.quote.PublishQuote;
import com.subscriptionsuite.application.port.in.quote.ShowQuote;
import com.subscriptionsuite.application.port.out.quote.QuoteLinks;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.quote.StoredQuotes;
import com.subscriptionsuite.application.service.quote.QuoteUseCases;
import com.subscriptionsuite.application.port.out.Sessions;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Users;
import com.subscriptionsuite.application.service.voucher.VoucherCases;
import com.subscriptionsuite.application.service.voucher.VoucherUseCases;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Option;
import com.subscriptionsuite.application.port.in.events.DeliverEvents;
import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.application.port.in.events.ManageWebhooks;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventFeed;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.webhooks.SigningSecrets;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import com.subscriptionsuite.application.service.events.EventUseCases;
import java.time.Duration;
import com.subscriptionsuite.application.service.admin.AdminCases;
import com.subscriptionsuite.application.service.admin.AdminUseCases;
import com.subscriptionsuite.application.service.catalog.CatalogReads;
import com.subscriptionsuite.application.service.catalog.CatalogUseCases;
import com.subscriptionsuite.application.service.identity.IdentityCases;
import com.subscriptionsuite.application.service.identity.IdentityPorts;
import com.subscriptionsuite.application.service.identity.IdentityUseCases;
import com.subscriptionsuite.application.service.pricing.PricingUseCases;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.application.service.tenant.TenantUseCases;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches;
import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.service.revenue.RevenueFromEvents;
import com.subscriptionsuite.application.service.revenue.RevenueUseCases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.Optional;

/**
 * The embeddable engine: give it its outbound ports and a clock, and it hands back the use cases.
 * No framework, no threads of its own: the host calls {@link #refreshTenants()} when it wants
 * changes made by other instances picked up (the standalone server does so periodically).
 *
 * <p>The tenant, catalog, preview and admin use cases are always there. Every other capability is a
 * group that exists when its ports were given ({@link Builder#build()} refuses a partial set, naming
 * what is missing): {@link #identity()}, {@link #vouchers()}, {@link #vatValidation()},
 * {@link #billing()}, {@link #payments()}, {@link #idempotency()} and {@link #catalogSync()}. A host reaches a group's use
 * cases through the group, so a capability it did not configure is an empty {@code Optional}, not
 * a failure at run time. The flat accessors ({@link #register()}, {@link #checkout()} ...) are
 * shorthands for a host that knows it built the group; without it they throw
 * {@link IllegalStateException} naming the builder methods.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().tenants(new JdbiTenants(jdbi)).clock(Clock.systemUTC()).build();
 * engine.previewPrices().preview(query);
 * engine.billing().flatMap(Engine.Billing::runBilling).ifPresent(run -> run.billEveryTenant());
 * }</pre>
 */
public final class Engine {
    /** The identity use cases: given the nine identity ports. */
    public record Identity(Register register, LogIn logIn, LogInAsGuest logInAsGuest, LogOut logOut,
            Authenticate authenticate, ResetPassword resetPassword) {
        public Identity {
            requireAll(register, logIn, logInAsGuest, logOut, authenticate, resetPassword);
        }

        private static Identity of(IdentityCases cases) {
            return new Identity(cases, cases, cases, cases, cases, cases);
        }
    }

    /** The voucher use cases: given {@link Builder#vouchers} (with the identity ports: a hold belongs to a user). */
    public record Vouchers(HoldVoucher holdVoucher, ConsumeVoucher consumeVoucher, DefineCampaigns defineCampaigns) {
        public Vouchers {
            requireAll(holdVoucher, consumeVoucher, defineCampaigns);
        }

        private static Vouchers of(VoucherCases cases, Instrumentation instrumentation) {
            return new Vouchers(instrumentation.useCase(HoldVoucher.class, cases),
                    instrumentation.useCase(ConsumeVoucher.class, cases), cases);
        }
    }

    /** The VAT ID check: given {@link Builder#vatRegistry} and {@link Builder#vatChecks} (with the identity ports). */
    public record VatValidation(ValidateVatId validateVatId) {
        public VatValidation {
            requireAll(validateVatId);
        }
    }

    /**
     * Checkout, the customer center and subscription changes, in front of a billing system: given
     * {@link Builder#ledger} (the built-in ledger) or {@link Builder#billingGateway} (another billing
     * system), with {@link Builder#customerLocks}, {@link Builder#accountLinks},
     * {@link Builder#billingOperations} and {@link Builder#paymentMethods} (and the identity ports: an
     * account belongs to a user). {@code runBilling} is the built-in ledger's bill run, present with
     * {@link Builder#ledger} only: another billing system bills by itself.
     */
    public record Billing(Checkout checkout, ManageAccount manageAccount, ReadSubscriptions readSubscriptions,
            ReadInvoices readInvoices, Optional<RunBilling> runBilling, ChangeSubscription changeSubscription,
            WithdrawChange withdrawChange) {
        public Billing {
            requireAll(checkout, manageAccount, readSubscriptions, readInvoices, runBilling, changeSubscription,
                    withdrawChange);
        }
    }

    /**
     * The payment options and the caller's stored methods: given {@link Builder#paymentMethods} (with the
     * identity ports: a payment method belongs to a user); hosted pages and PayPal each when their port
     * was given too, the account's payment method when billing was (an account is billed).
     */
    public record Payments(ShowPaymentOptions showPaymentOptions, ShowPaymentMethod showPaymentMethod,
            Optional<HostedPages> hostedPages, Optional<PayPal> payPal,
            Optional<AccountPaymentMethod> accountPaymentMethod) {
        public Payments {
            requireAll(showPaymentOptions, showPaymentMethod, hostedPages, payPal, accountPaymentMethod);
        }
    }

    /** The billing account's payment method: given {@link Builder#billing} with {@link Builder#paymentMethods}. */
    public record AccountPaymentMethod(ShowAccountPaymentMethod showAccountPaymentMethod,
            ChangeAccountPaymentMethod changeAccountPaymentMethod) {
        public AccountPaymentMethod {
            requireAll(showAccountPaymentMethod, changeAccountPaymentMethod);
        }
    }

    /** Hosted payment pages: given {@link Builder#paymentPages}. */
    public record HostedPages(SignPaymentPage signPaymentPage, SubmitPaymentPage submitPaymentPage) {
        public HostedPages {
            requireAll(signPaymentPage, submitPaymentPage);
        }
    }

    /** PayPal billing agreements: given {@link Builder#payPalAgreements}. */
    public record PayPal(StartPayPal startPayPal, ApprovePayPal approvePayPal) {
        public PayPal {
            requireAll(startPayPal, approvePayPal);
        }
    }

    /** Idempotency-Key handling: given {@link Builder#idempotencyRecords} (with the identity ports: a key belongs to a user). */
    public record Idempotency(IdempotentRequests idempotentRequests) {
        public Idempotency {
            requireAll(idempotentRequests);
        }
    }

    /**
     * The catalog sync: given {@link Builder#catalogSource} (a billing system that owns the products, rate
     * plans and charges, such as Zuora). Needs no other group; with {@link Builder#vouchers} a sync also
     * keeps every campaign's discount rate plan.
     */
    public record CatalogSync(SyncCatalog syncCatalog) {
        public CatalogSync {
            requireAll(syncCatalog);
        }
    }

    /**
     * Reconciliation with the billing system: given {@link Builder#invoiceDiscrepancies} with billing. The
     * checkouts whose first invoice differed from the engine's preview.
     */
    public record Reconciliation(ReadInvoiceDiscrepancies readInvoiceDiscrepancies) {
        public Reconciliation {
            requireAll(readInvoiceDiscrepancies);
        }
    }

    /**
     * Quotes by their links (issue 14 §3, docs/quotes.md): given {@link Builder#quoteSource} and
     * {@link Builder#quoteLinks}, with billing (a quote is booked through the checkout).
     */
    public record Quotes(ShowQuote showQuote, ConfirmQuote confirmQuote, PublishQuote publishQuote,
            MarkAcceptedQuotes markAcceptedQuotes) {
        public Quotes {
            requireAll(showQuote, confirmQuote, publishQuote, markAcceptedQuotes);
        }
    }

    /**
     * The business events' delivery (docs/events.md, docs/webhooks.md): given {@link Builder#outbox}
     * (with {@link Builder#transactions}). The host runs {@link DeliverEvents#deliver()} and
     * {@link DeliverEvents#sendWebhooks()} periodically; {@code manageWebhooks} is there when
     * {@link Builder#webhooks} was given.
     */
    public record Events(DeliverEvents deliverEvents, Optional<ManageWebhooks> manageWebhooks) {
        public Events {
            requireAll(deliverEvents, manageWebhooks);
        }
    }

    /**
     * The Zuora Revenue feed: given {@link Builder#revenueBatches} and {@link Builder#revenueFeed} (Zuora
     * Revenue's adapter, or CSV files in a directory). Needs no other group.
     */
    public record Revenue(RecordRevenueLines recordRevenueLines, PostRevenue postRevenue,
            ManageRevenueBatches manageRevenueBatches) {
        public Revenue {
            requireAll(recordRevenueLines, postRevenue, manageRevenueBatches);
        }
    }

    private static void requireAll(Object... useCases) {
        for (Object useCase : useCases) {
            Objects.requireNonNull(useCase, "a group has all its use cases");
        }
    }

    private final TenantDirectory directory;
    private final ResolveTenant resolveTenant;
    private final DefineTenant defineTenant;
    private final CatalogReads catalogReads;
    private final PreviewPrices previewPrices;
    private final AdminCases admin;
    private final Optional<Identity> identity;
    private final Optional<Vouchers> vouchers;
    private final Optional<VatValidation> vatValidation;
    private final Optional<Billing> billing;
    private final Optional<BuiltInLedger> ledger;
    private final Optional<Payments> payments;
    private final Optional<Idempotency> idempotency;
    private final Optional<CatalogSync> catalogSync;
    private final Optional<Reconciliation> reconciliation;
    private final Optional<Quotes> quotes;
    private final Optional<Events> events;
    private final Optional<Revenue> revenue;
    private final Optional<CleanUp> cleanUp;

    private Engine(Builder b, Optional<IdentityPorts> identityPorts) {
        this.directory = new TenantDirectory(b.tenants);
        this.resolveTenant = TenantUseCases.resolveTenant(directory);
        this.defineTenant = TenantUseCases.defineTenant(b.tenants, directory);
        this.catalogReads = CatalogUseCases.reads(directory);
        VatDetermination vat = new VatDetermination(b.vatRates);
        this.previewPrices = PricingUseCases.previewPrices(directory, vat, b.clock, Option.of(b.vouchers),
                b.voucherHold);
        this.admin = AdminUseCases.create(directory, b.tenants, b.clock);
        // build() made sure that every group below is given the identity ports it needs
        this.identity = identityPorts.map(ports -> Identity.of(IdentityUseCases.create(ports, directory, b.clock)));
        this.vouchers = identityPorts.filter(ports -> b.vouchers != null).map(ports -> Vouchers.of(
                VoucherUseCases.create(directory, b.vouchers, ports.transactions(), b.clock, b.voucherHold),
                b.instrumentation));
        this.vatValidation = identityPorts.filter(ports -> b.vatRegistry != null).map(ports -> new VatValidation(
                VatUseCases.validateVatId(directory, b.vatRegistry, b.vatChecks, b.clock)));
        BusinessEvents outbox = b.businessEvents == null ? BusinessEvents.NONE : b.businessEvents;
        this.ledger = identityPorts.filter(ports -> b.ledgerStore != null).map(ports -> new BuiltInLedger(
                b.ledgerStore, ports.transactions(), directory, ports.secrets(), vat, b.clock, outbox));
        Optional<BillingGateway> gateway = identityPorts.flatMap(ports -> ledger.<BillingGateway>map(l -> l)
                .or(() -> Optional.ofNullable(b.billingGateway))
                .or(() -> Optional.ofNullable(b.billingGatewayFactory).map(factory -> Objects.requireNonNull(
                        factory.apply(directory::require), "the billing gateway factory answered null"))));
        this.payments = identityPorts.filter(ports -> b.paymentMethods != null)
                .map(ports -> payments(b, ports, gateway));
        this.billing = gateway.map(g -> billing(b, identityPorts.orElseThrow(), g, vat));
        this.idempotency = identityPorts.filter(ports -> b.idempotencyRecords != null).map(ports -> new Idempotency(
                IdempotencyUseCases.create(b.idempotencyRecords, ports.transactions(), b.clock,
                        b.idempotencyLease)));
        this.reconciliation = billing.flatMap(g -> Optional.ofNullable(b.invoiceDiscrepancies))
                .map(store -> new Reconciliation(BillingUseCases.readDiscrepancies(store)));
        this.catalogSync = Optional.ofNullable(b.catalogSource).map(source -> new CatalogSync(
                CatalogSyncUseCases.syncCatalog(directory, defineTenant, source, Option.of(b.vouchers))));
        this.quotes = billing.filter(bl -> b.quoteSource != null).map(bl -> {
            QuoteUseCases.QuoteCases cases = QuoteUseCases.create(directory, bl.checkout(), b.quoteSource,
                    Option.of(b.storedQuotes), b.quoteLinks, identityPorts.orElseThrow().transactions(),
                    identityPorts.orElseThrow().secrets(), b.clock, outbox(b));
            return new Quotes(cases.showQuote(), cases.confirmQuote(), cases.publishQuote(),
                    cases.markAcceptedQuotes());
        });
        this.revenue = Optional.ofNullable(b.revenueBatches).map(store -> {
            RevenueUseCases.Cases cases = RevenueUseCases.create(store, b.revenueFeed, b.revenueSettings, b.clock);
            return new Revenue(cases.recordLines(), cases.post(), cases.manage());
        });
        // with the outbox, the revenue feed is one of its consumers: bookings become revenue lines
        Map<String, EventListener> listeners = new LinkedHashMap<>(b.listeners);
        this.revenue.filter(r -> b.eventFeed != null).ifPresent(r -> listeners.put(RevenueFromEvents.CONSUMER,
                new RevenueFromEvents(r.recordRevenueLines(), directory)));
        this.events = Optional.ofNullable(b.eventFeed).map(feed -> {
            EventUseCases.Cases cases = EventUseCases.create(outbox, feed, b.transactions, listeners,
                    b.webhookEndpoints == null ? Option.none() : Option.some(new EventUseCases.Webhooks(
                            b.webhookEndpoints, b.webhookDeliveries, b.webhookSender, b.signingSecrets)),
                    b.deliverySettings, b.instance != null ? b.instance
                            : identityPorts.map(ports -> ports.secrets().guid()).orElse("engine"), b.clock);
            return new Events(cases.deliverEvents(), cases.manageWebhooks().toJavaOptional());
        });
        this.cleanUp = Optional.ofNullable(b.housekeeping)
                .map(store -> HousekeepingUseCases.cleanUp(store, b.clock, b.housekeepingBatchSize));
        directory.refresh();
    }

    /** The scheduled clean-up (docs/housekeeping.md), when the engine was built with {@link Builder#housekeeping}. */
    public Optional<CleanUp> cleanUp() {
        return cleanUp;
    }

    private Payments payments(Builder b, IdentityPorts ports, Optional<BillingGateway> gateway) {
        PaymentMethodCases cases = PaymentUseCases.paymentMethods(directory, b.paymentMethods, b.paymentPages,
                b.payPalAgreements, ports.transactions(), b.clock);
        Optional<AccountPaymentMethod> account = gateway.map(g -> {
            AccountPaymentMethodCases accountCases = PaymentUseCases.accountPaymentMethods(directory, b.customerLocks,
                    b.accountLinks, b.billingOperations, g, ports.transactions(), b.paymentMethods, b.paymentPages,
                    ports.secrets(), b.clock, outbox(b));
            return new AccountPaymentMethod(accountCases, accountCases);
        });
        return new Payments(cases, cases,
                Optional.ofNullable(b.paymentPages).map(pages -> new HostedPages(cases, cases)),
                Optional.ofNullable(b.payPalAgreements).map(agreements -> new PayPal(cases, cases)), account);
    }

    private Billing billing(Builder b, IdentityPorts ports, BillingGateway gateway, VatDetermination vat) {
        BillingCases cases = BillingUseCases.create(directory, b.customerLocks, b.accountLinks, b.billingOperations,
                gateway, ports.transactions(), b.paymentMethods, b.paymentPages, Option.of(b.vouchers),
                Option.of(b.invoiceDiscrepancies), ports.secrets(), vat, b.clock, outbox(b));
        return new Billing(b.instrumentation.useCase(Checkout.class, cases.checkout()), cases.manageAccount(),
                cases.readSubscriptions(), cases.readInvoices(), ledger.map(BuiltInLedger::billRun),
                b.instrumentation.useCase(ChangeSubscription.class,
                        ChangeUseCases.changeSubscription(directory, b.customerLocks, b.accountLinks,
                                b.billingOperations, gateway, ports.transactions(), ports.secrets(), vat, b.clock,
                                outbox(b))),
                b.instrumentation.useCase(WithdrawChange.class,
                        ChangeUseCases.withdrawChange(directory, b.customerLocks, b.accountLinks,
                                b.billingOperations, gateway, ports.transactions(), ports.secrets(), vat, b.clock,
                                outbox(b))));
    }

    private static BusinessEvents outbox(Builder b) {
        return b.businessEvents == null ? BusinessEvents.NONE : b.businessEvents;
    }

    /** The business events' delivery, when the engine was built with an outbox. */
    public Optional<Events> events() {
        return events;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Zuora Revenue feed, when the engine was built with {@link Builder#revenueBatches} and a feed. */
    public Optional<Revenue> revenue() {
        return revenue;
    }

    public ResolveTenant resolveTenant() {
        return resolveTenant;
    }

    public DefineTenant defineTenant() {
        return defineTenant;
    }

    public BrowseCatalog browseCatalog() {
        return catalogReads;
    }

    public ShowShopPage showShopPage() {
        return catalogReads;
    }

    public ReadConfiguration readConfiguration() {
        return catalogReads;
    }

    public Translate translate() {
        return catalogReads;
    }

    public PreviewPrices previewPrices() {
        return previewPrices;
    }

    public AuthorizeAdmin authorizeAdmin() {
        return admin;
    }

    public RemoveProduct removeProduct() {
        return admin;
    }

    public TenantAccessLookup tenantAccess() {
        return admin;
    }

    /** Registration, log-in, sessions and password resets, when the identity ports were given. */
    public Optional<Identity> identity() {
        return identity;
    }

    /** Voucher holds, redemptions and campaigns, when the vouchers port was given. */
    public Optional<Vouchers> vouchers() {
        return vouchers;
    }

    /** The VAT ID check, when the VAT registry and the VAT check store were given. */
    public Optional<VatValidation> vatValidation() {
        return vatValidation;
    }

    /** Checkout, the customer center, changes and the bill run, when the billing ports were given. */
    public Optional<Billing> billing() {
        return billing;
    }

    /** Payment options and stored payment methods, when the payment-methods port was given. */
    public Optional<Payments> payments() {
        return payments;
    }

    /** Runs a state-changing request once per Idempotency-Key, when the idempotency records were given. */
    public Optional<Idempotency> idempotency() {
        return idempotency;
    }

    /** The catalog sync from the billing system's catalog, when a catalog source was given. */
    public Optional<CatalogSync> catalogSync() {
        return catalogSync;
    }

    /** The checkouts whose first invoice differed from the preview, when a store for them was given. */
    public Optional<Reconciliation> reconciliation() {
        return reconciliation;
    }

    /** Picks up tenant definitions changed in the store (by this or another instance); true if any changed. */
    /** Quotes by their links, when a quote source was given (with billing). */
    public Optional<Quotes> quotes() {
        return quotes;
    }

    public boolean refreshTenants() {
        return directory.refresh();
    }

    // The shorthands below reach into a group the host knows it built; without it they throw.

    public Register register() {
        return identityOrThrow().register();
    }

    public LogIn logIn() {
        return identityOrThrow().logIn();
    }

    public LogInAsGuest logInAsGuest() {
        return identityOrThrow().logInAsGuest();
    }

    public LogOut logOut() {
        return identityOrThrow().logOut();
    }

    public Authenticate authenticate() {
        return identityOrThrow().authenticate();
    }

    public ResetPassword resetPassword() {
        return identityOrThrow().resetPassword();
    }

    public HoldVoucher holdVoucher() {
        return vouchersOrThrow().holdVoucher();
    }

    public ConsumeVoucher consumeVoucher() {
        return vouchersOrThrow().consumeVoucher();
    }

    public DefineCampaigns defineCampaigns() {
        return vouchersOrThrow().defineCampaigns();
    }

    public ValidateVatId validateVatId() {
        return configured(vatValidation, "the VAT ID check needs Engine.builder().vatRegistry(..).vatChecks(..) "
                + "(and the identity ports: a check is made for a user)").validateVatId();
    }

    public Checkout checkout() {
        return billingOrThrow().checkout();
    }

    public ManageAccount manageAccount() {
        return billingOrThrow().manageAccount();
    }

    public ReadSubscriptions readSubscriptions() {
        return billingOrThrow().readSubscriptions();
    }

    public ReadInvoices readInvoices() {
        return billingOrThrow().readInvoices();
    }

    /** The built-in ledger's bill run; the host calls it periodically for each tenant. */
    public RunBilling runBilling() {
        return configured(billingOrThrow().runBilling(), "the bill run is the built-in ledger's: "
                + "Engine.builder().ledger(..); another billing system bills by itself");
    }

    /** The built-in ledger, when the engine was built with {@link Builder#ledger}: the billing gateway it uses. */
    public Optional<BuiltInLedger> ledger() {
        return ledger;
    }

    /** Cancel, change the quantity of, or replace a subscribed suite product (preview and apply). */
    public ChangeSubscription changeSubscription() {
        return billingOrThrow().changeSubscription();
    }

    /** Withdraw a change or cancel booked for a later date, before it takes effect (preview and withdraw). */
    public WithdrawChange withdrawChange() {
        return billingOrThrow().withdrawChange();
    }


    /** Runs a state-changing request once per Idempotency-Key (for transports such as HTTP). */
    public IdempotentRequests idempotentRequests() {
        return configured(idempotency, "idempotency keys need Engine.builder().idempotencyRecords(..) "
                + "(and the identity ports: a key belongs to a user)").idempotentRequests();
    }

    /** Brings a tenant's products, rate plans and charges up to date with the billing system's catalog. */
    public SyncCatalog syncCatalog() {
        return configured(catalogSync, "the catalog sync needs Engine.builder().catalogSource(..)").syncCatalog();
    }

    public ShowPaymentOptions showPaymentOptions() {
        return paymentsOrThrow().showPaymentOptions();
    }

    public ShowPaymentMethod showPaymentMethod() {
        return paymentsOrThrow().showPaymentMethod();
    }

    public SignPaymentPage signPaymentPage() {
        return hostedPagesOrThrow().signPaymentPage();
    }

    public SubmitPaymentPage submitPaymentPage() {
        return hostedPagesOrThrow().submitPaymentPage();
    }

    public StartPayPal startPayPal() {
        return payPalOrThrow().startPayPal();
    }

    public ApprovePayPal approvePayPal() {
        return payPalOrThrow().approvePayPal();
    }

    public ShowAccountPaymentMethod showAccountPaymentMethod() {
        return accountPaymentMethodOrThrow().showAccountPaymentMethod();
    }

    public ChangeAccountPaymentMethod changeAccountPaymentMethod() {
        return accountPaymentMethodOrThrow().changeAccountPaymentMethod();
    }

    private Identity identityOrThrow() {
        return configured(identity, "the identity use cases need the identity ports: Engine.builder()"
                + ".users(..).sessions(..).passwordResets(..).loginAttempts(..).transactions(..)"
                + ".passwordHasher(..).secrets(..).commonPasswords(..).mailer(..)");
    }

    private Vouchers vouchersOrThrow() {
        return configured(vouchers, "the voucher use cases need Engine.builder().vouchers(..) "
                + "(and the identity ports: a hold belongs to a user)");
    }

    private Billing billingOrThrow() {
        return configured(billing, "the checkout, customer-center and change use cases need Engine.builder()"
                + ".ledger(..) or .billingGateway(..), with .customerLocks(..).accountLinks(..).billingOperations(..)"
                + ".paymentMethods(..) (and the identity ports: an account "
                + "belongs to a user)");
    }

    private Payments paymentsOrThrow() {
        return configured(payments, "the payment-method use cases need Engine.builder().paymentMethods(..) "
                + "(and the identity ports: a payment method belongs to a user)");
    }

    private HostedPages hostedPagesOrThrow() {
        return configured(payments.flatMap(Payments::hostedPages), "hosted payment pages need Engine.builder()"
                + ".paymentMethods(..).paymentPages(..)");
    }

    private PayPal payPalOrThrow() {
        return configured(payments.flatMap(Payments::payPal),
                "PayPal needs Engine.builder().paymentMethods(..).payPalAgreements(..)");
    }

    private AccountPaymentMethod accountPaymentMethodOrThrow() {
        return configured(payments.flatMap(Payments::accountPaymentMethod), "the account's payment method needs "
                + "Engine.builder().ledger(..) or .billingGateway(..), with .customerLocks(..).accountLinks(..)"
                + ".billingOperations(..).paymentMethods(..)");
    }

    private static <G> G configured(Optional<G> group, String howToConfigure) {
        return group.orElseThrow(() -> new IllegalStateException(howToConfigure));
    }

    public static final class Builder {
        private Tenants tenants;
        private Clock clock;
        private VatRates vatRates = VatRates.euStandardRates();
        private Users users;
        private Sessions sessions;
        private PasswordResets passwordResets;
        private LoginAttempts loginAttempts;
        private Transactions transactions;
        private PasswordHasher passwordHasher;
        private Secrets secrets;
        private CommonPasswords commonPasswords;
        private Mailer mailer;
        private com.subscriptionsuite.application.port.out.Vouchers vouchers;
        private Duration voucherHold = VoucherRules.DEFAULT_HOLD;
        private VatRegistry vatRegistry;
        private VatChecks vatChecks;
        private LedgerStore ledgerStore;
        private BillingGateway billingGateway;
        private Function<LongFunction<TenantDefinition>, BillingGateway> billingGatewayFactory;
        private CustomerLocks customerLocks;
        private AccountLinks accountLinks;
        private BillingOperations billingOperations;
        private IdempotencyRecords idempotencyRecords;
        private Duration idempotencyLease = IdempotencyUseCases.DEFAULT_LEASE;
        private PaymentMethods paymentMethods;
        private PaymentPages paymentPages;
        private PayPalAgreements payPalAgreements;
        private CatalogSource catalogSource;
        private InvoiceDiscrepancies invoiceDiscrepancies;
        private QuoteSource quoteSource;
        private StoredQuotes storedQuotes;
        private QuoteLinks quoteLinks;
        private BusinessEvents businessEvents;
        private Instrumentation instrumentation = Instrumentation.NONE;
        private EventFeed eventFeed;
        private final Map<String, EventListener> listeners = new LinkedHashMap<>();
        private WebhookEndpoints webhookEndpoints;
        private WebhookDeliveries webhookDeliveries;
        private WebhookSender webhookSender;
        private SigningSecrets signingSecrets;
        private DeliverySettings deliverySettings = DeliverySettings.DEFAULTS;
        private String instance;
        private RevenueBatches revenueBatches;
        private RevenueFeed revenueFeed;
        private RevenueUseCases.Settings revenueSettings = RevenueUseCases.Settings.defaults();
        private Housekeeping housekeeping;
        private int housekeepingBatchSize = HousekeepingUseCases.DEFAULT_BATCH_SIZE;
        private boolean remotesBehindCommits;

        private Builder() {
        }

        /**
         * Where a checkout keeps a first invoice whose amount before tax differs from its preview (a billing
         * system that prices by its own catalog, Zuora): {@link Engine#reconciliation()} lists them. Without
         * it they are only logged at WARN.
         */
        public Builder invoiceDiscrepancies(InvoiceDiscrepancies invoiceDiscrepancies) {
            this.invoiceDiscrepancies = invoiceDiscrepancies;
            return this;
        }

        /**
         * The outbox (docs/events.md): every booking writes its business events to {@code events} in its
         * own unit of work, and consumers read them through {@code feed} (one adapter usually implements
         * both). Without it no events are recorded.
         */
        /**
         * What wraps the business use cases (the checkout, the subscription changes, the voucher holds and
         * consumptions), e.g. the standalone server's meters; by default nothing.
         */
        public Builder instrumentation(Instrumentation instrumentation) {
            this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
            return this;
        }

        public Builder outbox(BusinessEvents events, EventFeed feed) {
            this.businessEvents = Objects.requireNonNull(events, "events");
            this.eventFeed = Objects.requireNonNull(feed, "feed");
            return this;
        }

        /**
         * Where quotes come from (Salesforce's Zuora Quotes, or the engine's own store), with
         * {@link #quoteLinks}; needs billing (a confirmed quote is booked as a checkout).
         */
        public Builder quoteSource(QuoteSource quoteSource) {
            this.quoteSource = quoteSource;
            return this;
        }

        /** The engine's own quote store, when quotes are kept in the engine (the built-in source). */
        public Builder storedQuotes(StoredQuotes storedQuotes) {
            this.storedQuotes = storedQuotes;
            return this;
        }

        /**
         * Where the scheduled clean-up removes old rows (docs/housekeeping.md), at most {@code batchSize}
         * per step and run. Without it {@link Engine#cleanUp()} is empty.
         */
        public Builder housekeeping(Housekeeping housekeeping, int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the clean-up batch size must be positive, got " + batchSize);
            }
            this.housekeeping = Objects.requireNonNull(housekeeping, "housekeeping");
            this.housekeepingBatchSize = batchSize;
            return this;
        }

        /** The engine's record of the quote links it handed out and of their acceptance. */
        public Builder quoteLinks(QuoteLinks quoteLinks) {
            this.quoteLinks = quoteLinks;
            return this;
        }

        /**
         * An in-process consumer of the business events, under a name unique among the consumers (its
         * position is kept by that name): handed each committed event in order, at least once (dedupe by
         * the event's id). Needs {@link #outbox}.
         */
        public Builder listener(String name, EventListener listener) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.length() > 100 || name.equals("webhooks")
                    || name.equals(RevenueFromEvents.CONSUMER)) {
                throw new IllegalArgumentException("a listener's name has 1 to 100 characters and is not 'webhooks' "
                        + "or '" + RevenueFromEvents.CONSUMER + "': " + name);
            }
            if (listeners.putIfAbsent(name, Objects.requireNonNull(listener, "listener")) != null) {
                throw new IllegalArgumentException("two listeners named " + name);
            }
            return this;
        }

        /** Webhooks (docs/webhooks.md): the tenants' endpoints, their deliveries, the sender and the secrets. Needs {@link #outbox}. */
        public Builder webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSender sender,
                SigningSecrets secrets) {
            this.webhookEndpoints = Objects.requireNonNull(endpoints, "endpoints");
            this.webhookDeliveries = Objects.requireNonNull(deliveries, "deliveries");
            this.webhookSender = Objects.requireNonNull(sender, "sender");
            this.signingSecrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** Leases, batch, webhook timeout and retry schedule of the delivery ({@link DeliverySettings#DEFAULTS}). */
        public Builder deliverySettings(DeliverySettings settings) {
            this.deliverySettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The name this instance holds consumer leases and claims deliveries by (default: a random id). */
        public Builder instance(String instance) {
            this.instance = Objects.requireNonNull(instance, "instance");
            return this;
        }

        /**
         * The engine's record of revenue lines and their batches; give it with {@link #revenueFeed}. Then
         * {@link Engine#revenue()} records lines, runs the batch job and serves the admin's batch views.
         */
        public Builder revenueBatches(RevenueBatches revenueBatches) {
            this.revenueBatches = revenueBatches;
            return this;
        }

        /** Where revenue batches go: Zuora Revenue's adapter, or CSV files (the embedded default of the server). */
        public Builder revenueFeed(RevenueFeed revenueFeed) {
            this.revenueFeed = revenueFeed;
            return this;
        }

        /** Lines per batch (1 to 20,000, default 1000), the claim's lease (5 min), the status-check interval (30 s). */
        public Builder revenueSettings(int batchSize, Duration lease, Duration checkInterval) {
            this.revenueSettings = new RevenueUseCases.Settings(batchSize, lease, checkInterval);
            return this;
        }

        /**
         * The billing system's product catalog (Zuora's), which then owns the tenants' products, rate plans
         * and charges: {@link Engine#catalogSync()} merges it into a tenant's definition on request.
         * Without it, the catalog is the tenant file's alone.
         */
        public Builder catalogSource(CatalogSource catalogSource) {
            this.catalogSource = catalogSource;
            return this;
        }

        /**
         * Hosted payment pages (the built-in signer, or Zuora's); give it with {@link #paymentMethods}.
         * Without it, page signatures are not served.
         */
        public Builder paymentPages(PaymentPages paymentPages) {
            this.paymentPages = paymentPages;
            return this;
        }

        /** PayPal billing agreements (the built-in approval, or PayPal's); give it with {@link #paymentMethods}. */
        public Builder payPalAgreements(PayPalAgreements payPalAgreements) {
            this.payPalAgreements = payPalAgreements;
            return this;
        }

        /**
         * Customers' stored payment methods; needs the identity ports. {@link #billing} needs it; without
         * billing, the payment-method use cases that need no account are still served.
         */
        public Builder paymentMethods(PaymentMethods paymentMethods) {
            this.paymentMethods = paymentMethods;
            return this;
        }

        /**
         * The built-in ledger, on this store, as the billing system (with its bill run,
         * {@link Engine#runBilling()}); or give {@link #billingGateway}, not both. Checkout, the customer
         * center and subscription changes need a billing system, with {@link #customerLocks},
         * {@link #accountLinks}, {@link #billingOperations} and the identity ports.
         */
        public Builder ledger(LedgerStore ledgerStore) {
            this.ledgerStore = ledgerStore;
            return this;
        }

        /** Another billing system (Zuora's adapter) as the billing system; or {@link #ledger}, not both. */
        public Builder billingGateway(BillingGateway billingGateway) {
            this.billingGateway = billingGateway;
            return this;
        }

        /**
         * Another billing system, made by {@code factory} from the engine's tenant lookup (a tenant's
         * definition by id, always the current one): a remote billing system maps its products and
         * charges to the tenant's catalog (Zuora's adapter does). Or {@link #billingGateway} or
         * {@link #ledger}, one of the three.
         */
        public Builder billingGateway(Function<LongFunction<TenantDefinition>, BillingGateway> factory) {
            this.billingGatewayFactory = factory;
            return this;
        }

        /**
         * The per-customer lease that serialises one customer's checkouts and changes (the engine's own,
         * in its database, whatever billing system is behind the gateway).
         */
        public Builder customerLocks(CustomerLocks customerLocks) {
            this.customerLocks = customerLocks;
            return this;
        }

        /** The engine's links from customers to their billing accounts. */
        public Builder accountLinks(AccountLinks accountLinks) {
            this.accountLinks = accountLinks;
            return this;
        }

        /** The engine's record of operations that call the billing system (pending until finished). */
        public Builder billingOperations(BillingOperations billingOperations) {
            this.billingOperations = billingOperations;
            return this;
        }

        /** Where {@code Idempotency-Key} requests keep their first response (domain-rules §7). */
        public Builder idempotencyRecords(IdempotencyRecords idempotencyRecords) {
            this.idempotencyRecords = idempotencyRecords;
            return this;
        }

        /**
         * How long a claimed {@code Idempotency-Key} stays in flight for a request that has not answered
         * (default 60 s; positive, under 24 h): after it, a retry with the same key and body takes the key
         * over and runs the request, so a key whose process died is never stuck. Set it above the longest
         * a request runs: a request still running after its lease is rolled back and answered
         * {@code idempotency_request_in_flight}.
         */
        public Builder idempotencyLease(Duration idempotencyLease) {
            this.idempotencyLease = idempotencyLease;
            return this;
        }

        /** The register VAT IDs are checked against (VIES); give it with {@link #vatChecks} and the identity ports. */
        public Builder vatRegistry(VatRegistry vatRegistry) {
            this.vatRegistry = vatRegistry;
            return this;
        }

        /** Where the evidence of each VAT ID check is kept; give it with {@link #vatRegistry}. */
        public Builder vatChecks(VatChecks vatChecks) {
            this.vatChecks = vatChecks;
            return this;
        }

        /** Voucher campaigns, codes, holds and redemptions; needs the identity ports too. */
        public Builder vouchers(com.subscriptionsuite.application.port.out.Vouchers vouchers) {
            this.vouchers = vouchers;
            return this;
        }

        /** How long a held code stays blocked for its user (default 30 minutes). */
        public Builder voucherHoldDuration(Duration voucherHold) {
            this.voucherHold = voucherHold;
            return this;
        }

        public Builder users(Users users) {
            this.users = users;
            return this;
        }

        public Builder sessions(Sessions sessions) {
            this.sessions = sessions;
            return this;
        }

        public Builder passwordResets(PasswordResets passwordResets) {
            this.passwordResets = passwordResets;
            return this;
        }

        public Builder loginAttempts(LoginAttempts loginAttempts) {
            this.loginAttempts = loginAttempts;
            return this;
        }

        public Builder transactions(Transactions transactions) {
            this.transactions = transactions;
            return this;
        }

        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = passwordHasher;
            return this;
        }

        public Builder secrets(Secrets secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder commonPasswords(CommonPasswords commonPasswords) {
            this.commonPasswords = commonPasswords;
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = mailer;
            return this;
        }

        public Builder tenants(Tenants tenants) {
            this.tenants = tenants;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Replaces the built-in EU standard-rate table (dated data) with the host's own. */
        public Builder vatRates(VatRates vatRates) {
            this.vatRates = vatRates;
            return this;
        }

        /**
         * The engine, once every group's ports are given all or none, and every group has the groups it
         * builds on; otherwise an {@link IllegalStateException} names what is missing.
         */
        public Engine build() {
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(vatRates, "vatRates");
            if (voucherHold == null || voucherHold.isNegative() || voucherHold.isZero()) {
                throw new IllegalArgumentException("voucherHoldDuration must be positive");
            }
            boolean identity = allOrNone("the identity ports", ports("users", users, "sessions", sessions,
                    "passwordResets", passwordResets, "loginAttempts", loginAttempts, "transactions", transactions,
                    "passwordHasher", passwordHasher, "secrets", secrets, "commonPasswords", commonPasswords,
                    "mailer", mailer));
            boolean vatValidation = allOrNone("the VAT ID check (a check keeps its evidence)",
                    ports("vatRegistry", vatRegistry, "vatChecks", vatChecks));
            if ((ledgerStore != null ? 1 : 0) + (billingGateway != null ? 1 : 0)
                    + (billingGatewayFactory != null ? 1 : 0) > 1) {
                throw new IllegalStateException("billing: the built-in ledger or another billing gateway, not both");
            }
            boolean billing = allOrNone("billing (a customer's checkouts and changes run under the customer's lease,"
                    + " linked to the billing system's account, recorded while pending)",
                    ports("ledger or billingGateway", ledgerStore != null ? ledgerStore
                                    : billingGateway != null ? billingGateway : billingGatewayFactory,
                            "customerLocks", customerLocks, "accountLinks", accountLinks, "billingOperations",
                            billingOperations));
            requires(vouchers != null, "vouchers", identity, "the identity ports: a hold belongs to a user");
            requires(vatValidation, "the VAT ID check", identity, "the identity ports: a check is made for a user");
            requires(paymentMethods != null, "paymentMethods", identity,
                    "the identity ports: a payment method belongs to a user");
            requires(billing, "billing", identity, "the identity ports: an account belongs to a user");
            requires(billing, "billing", paymentMethods != null, "paymentMethods: an account is paid by one");
            requires(paymentPages != null || payPalAgreements != null, "paymentPages and payPalAgreements",
                    paymentMethods != null, "paymentMethods: they create payment methods");
            boolean quotes = allOrNone("quotes (a link is kept by the engine, the quote at its source)",
                    ports("quoteSource", quoteSource, "quoteLinks", quoteLinks));
            requires(quotes, "quotes", billing, "billing: a confirmed quote is booked as a checkout");
            requires(storedQuotes != null, "storedQuotes", quotes, "quoteSource and quoteLinks");
            requires(eventFeed != null, "the outbox", transactions != null,
                    "transactions: consumers advance in units of work");
            requires(!listeners.isEmpty(), "listeners", eventFeed != null, "the outbox: they read it");
            requires(webhookEndpoints != null, "webhooks", eventFeed != null, "the outbox: they deliver its events");
            allOrNone("the revenue feed (its batches and where they go)",
                    ports("revenueBatches", revenueBatches, "revenueFeed", revenueFeed));
            requires(idempotencyRecords != null, "idempotency records", identity,
                    "the identity ports: a key belongs to a user");
            putRemotesBehindCommits();
            return new Engine(this, identity ? Optional.of(new IdentityPorts(users, sessions, passwordResets,
                    loginAttempts, transactions, passwordHasher, secrets, commonPasswords, mailer)) : Optional.empty());
        }

        /**
         * Puts every port to a remote system (and every listener given, which may pass events on) behind
         * {@link Transactions#makeCommittedDurable}, once: a use case's commits may then wait for the disk only
         * when it returns ({@link Transactions#durableOnReturn}), and still no remote system sees one before it
         * is durable. The built-in ledger and the engine's own listeners are local and stay as they are.
         */
        private void putRemotesBehindCommits() {
            if (remotesBehindCommits || transactions == null) {
                return;
            }
            remotesBehindCommits = true;
            Transactions t = transactions;
            mailer = RemoteCalls.behindCommits(Mailer.class, mailer, t);
            vatRegistry = RemoteCalls.behindCommits(VatRegistry.class, vatRegistry, t);
            billingGateway = RemoteCalls.behindCommits(BillingGateway.class, billingGateway, t);
            if (billingGatewayFactory != null) {
                billingGatewayFactory = billingGatewayFactory.andThen(
                        gateway -> RemoteCalls.behindCommits(BillingGateway.class, gateway, t));
            }
            paymentPages = RemoteCalls.behindCommits(PaymentPages.class, paymentPages, t);
            catalogSource = RemoteCalls.behindCommits(CatalogSource.class, catalogSource, t);
            if (quoteSource != storedQuotes) { // stored quotes are the engine's own database
                quoteSource = RemoteCalls.behindCommits(QuoteSource.class, quoteSource, t);
            }
            webhookSender = RemoteCalls.behindCommits(WebhookSender.class, webhookSender, t);
            revenueFeed = RemoteCalls.behindCommits(RevenueFeed.class, revenueFeed, t);
            listeners.replaceAll((name, listener) -> RemoteCalls.behindCommits(EventListener.class, listener, t));
        }

        /** Names and ports, in pairs. */
        private static Map<String, Object> ports(Object... namesAndPorts) {
            Map<String, Object> ports = new LinkedHashMap<>();
            for (int i = 0; i < namesAndPorts.length; i += 2) {
                ports.put((String) namesAndPorts[i], namesAndPorts[i + 1]);
            }
            return ports;
        }

        /** Whether the group's ports are all given (true) or none (false); a part of them is a wiring mistake. */
        private static boolean allOrNone(String group, Map<String, Object> ports) {
            List<String> missing = new ArrayList<>();
            ports.forEach((name, port) -> {
                if (port == null) {
                    missing.add(name);
                }
            });
            if (!missing.isEmpty() && missing.size() < ports.size()) {
                throw new IllegalStateException(group + ": all ports or none; missing: " + String.join(", ", missing));
            }
            return missing.isEmpty();
        }

        private static void requires(boolean given, String what, boolean needed, String neededWithReason) {
            if (given && !needed) {
                throw new IllegalStateException(what + " needs " + neededWithReason);
            }
        }
    }
}
