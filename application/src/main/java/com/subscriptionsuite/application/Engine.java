package com.subscriptionsuite.application;

import com.subscriptionsuite.application.port.in.admin.AuthorizeAdmin;
import com.subscriptionsuite.application.port.in.admin.RemoveProduct;
import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
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
import com.subscriptionsuite.application.port.out.Billing;
import com.subscriptionsuite.application.port.out.CommonPasswords;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import com.subscriptionsuite.application.port.out.LoginAttempts;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.PaymentPages;
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
import com.subscriptionsuite.application.port.out.Sessions;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Users;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.voucher.VoucherCases;
import com.subscriptionsuite.application.service.voucher.VoucherUseCases;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Option;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embeddable engine: give it its outbound ports and a clock, and it hands back the use cases.
 * No framework, no threads of its own: the host calls {@link #refreshTenants()} when it wants
 * changes made by other instances picked up (the standalone server does so periodically).
 *
 * <pre>{@code
 * Engine engine = Engine.builder().tenants(new JdbiTenants(jdbi)).clock(Clock.systemUTC()).build();
 * engine.previewPrices().preview(query);
 * }</pre>
 */
public final class Engine {
    private final TenantDirectory directory;
    private final ResolveTenant resolveTenant;
    private final DefineTenant defineTenant;
    private final CatalogReads catalogReads;
    private final PreviewPrices previewPrices;
    private final AdminCases admin;
    private final IdentityCases identity;
    private final VoucherCases vouchers;
    private final ValidateVatId validateVatId;
    private final ChangeSubscription changeSubscription;
    private final BillingCases billingCases;
    private final IdempotentRequests idempotentRequests;
    private final PaymentMethodCases payments;
    private final AccountPaymentMethodCases accountPayments;
    private final boolean paymentPages;
    private final boolean payPal;

    private Engine(Builder b, IdentityPorts identityPorts) {
        this.directory = new TenantDirectory(b.tenants);
        this.resolveTenant = TenantUseCases.resolveTenant(directory);
        this.defineTenant = TenantUseCases.defineTenant(b.tenants, directory);
        this.catalogReads = CatalogUseCases.reads(directory);
        this.previewPrices = PricingUseCases.previewPrices(directory, new VatDetermination(b.vatRates), b.clock,
                Option.of(b.vouchers), b.voucherHold);
        this.admin = AdminUseCases.create(directory, b.tenants, b.clock);
        this.identity = identityPorts == null ? null : IdentityUseCases.create(identityPorts, directory, b.clock);
        this.vouchers = b.vouchers == null ? null
                : VoucherUseCases.create(directory, b.vouchers, identityPorts.transactions(), b.clock, b.voucherHold);
        this.validateVatId = b.vatRegistry == null ? null
                : VatUseCases.validateVatId(directory, b.vatRegistry, b.vatChecks, b.clock);
        // billing use cases (issue 5) are built here, each from b.billing and the identity ports
        VatDetermination vat = new VatDetermination(b.vatRates);
        this.changeSubscription = b.billing == null ? null
                : ChangeUseCases.changeSubscription(directory, b.billing, identityPorts.transactions(), vat, b.clock);
        this.billingCases = b.billing == null ? null
                : BillingUseCases.create(directory, b.billing, b.paymentMethods, Option.of(b.vouchers),
                        identityPorts.transactions(), identityPorts.secrets(), vat, b.clock);
        this.idempotentRequests = b.idempotencyRecords == null ? null
                : IdempotencyUseCases.create(b.idempotencyRecords, identityPorts.transactions(), b.clock,
                        b.idempotencyLease);
        this.payments = b.paymentMethods == null ? null
                : PaymentUseCases.paymentMethods(directory, b.paymentMethods, b.paymentPages, b.payPalAgreements,
                        identityPorts.transactions(), identityPorts.secrets(), b.clock);
        this.accountPayments = b.billing == null ? null
                : PaymentUseCases.accountPaymentMethods(directory, b.billing, b.paymentMethods,
                        identityPorts.transactions(), identityPorts.secrets(), b.clock);
        this.paymentPages = b.paymentPages != null;
        this.payPal = b.payPalAgreements != null;
        directory.refresh();
    }

    public static Builder builder() {
        return new Builder();
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

    /** Whether the identity ports were given, so that the identity use cases below can be used. */
    public boolean hasIdentity() {
        return identity != null;
    }

    public Register register() {
        return identity();
    }

    public LogIn logIn() {
        return identity();
    }

    public LogInAsGuest logInAsGuest() {
        return identity();
    }

    public LogOut logOut() {
        return identity();
    }

    public Authenticate authenticate() {
        return identity();
    }

    public ResetPassword resetPassword() {
        return identity();
    }

    public HoldVoucher holdVoucher() {
        return vouchers();
    }

    public ConsumeVoucher consumeVoucher() {
        return vouchers();
    }

    public DefineCampaigns defineCampaigns() {
        return vouchers();
    }

    /** Whether the vouchers port was given, so that the voucher use cases can be used. */
    public boolean hasVouchers() {
        return vouchers != null;
    }

    /** Whether the VAT registry and the VAT check store were given, so that {@link #validateVatId()} can be used. */
    public boolean hasVatValidation() {
        return validateVatId != null;
    }

    public ValidateVatId validateVatId() {
        if (validateVatId == null) {
            throw new IllegalStateException("the VAT ID check needs Engine.builder().vatRegistry(..).vatChecks(..) "
                    + "(and the identity ports: a check is made for a user)");
        }
        return validateVatId;
    }

    /** Whether the billing ports were given, so that the checkout and customer-center use cases can be used. */
    public boolean hasBilling() {
        return billingCases != null;
    }

    public Checkout checkout() {
        return billing().checkout();
    }

    public ManageAccount manageAccount() {
        return billing().manageAccount();
    }

    public ReadSubscriptions readSubscriptions() {
        return billing().readSubscriptions();
    }

    public ReadInvoices readInvoices() {
        return billing().readInvoices();
    }

    /** The built-in ledger's bill run; the host calls it periodically for each tenant. */
    public RunBilling runBilling() {
        return billing().runBilling();
    }

    /** Whether the idempotency records were given, so that {@link #idempotentRequests()} can be used. */
    public boolean hasIdempotency() {
        return idempotentRequests != null;
    }

    /** Runs a state-changing request once per Idempotency-Key (for transports such as HTTP). */
    public IdempotentRequests idempotentRequests() {
        if (idempotentRequests == null) {
            throw new IllegalStateException("idempotency keys need Engine.builder().idempotencyRecords(..) "
                    + "(and the identity ports: a key belongs to a user)");
        }
        return idempotentRequests;
    }

    private BillingCases billing() {
        if (billingCases == null) {
            throw new IllegalStateException("the checkout and customer-center use cases need Engine.builder()"
                    + ".billing(..).paymentMethods(..) (and the identity ports: an account belongs to a user)");
        }
        return billingCases;
    }

    /** Cancel, change the quantity of, or replace a subscribed suite product (preview and apply). */
    public ChangeSubscription changeSubscription() {
        if (changeSubscription == null) {
            throw new IllegalStateException("subscription changes need Engine.builder().billing(..)"
                    + ".paymentMethods(..) (and the identity ports: a subscription belongs to a user)");
        }
        return changeSubscription;
    }

    /** Whether the payment-methods port was given: payment options and the caller's stored methods. */
    public boolean hasPaymentMethods() {
        return payments != null;
    }

    /** Whether hosted payment pages were given ({@link #signPaymentPage()}, {@link #submitPaymentPage()}). */
    public boolean hasPaymentPages() {
        return payments != null && paymentPages;
    }

    /** Whether PayPal agreements were given ({@link #startPayPal()}, {@link #approvePayPal()}). */
    public boolean hasPayPal() {
        return payments != null && payPal;
    }

    /** Whether billing was given, so that the account's payment method can be read and changed. */
    public boolean hasAccountPaymentMethod() {
        return accountPayments != null;
    }

    public ShowPaymentOptions showPaymentOptions() {
        return payments();
    }

    public ShowPaymentMethod showPaymentMethod() {
        return payments();
    }

    public SignPaymentPage signPaymentPage() {
        return withPages();
    }

    public SubmitPaymentPage submitPaymentPage() {
        return withPages();
    }

    public StartPayPal startPayPal() {
        return withPayPal();
    }

    public ApprovePayPal approvePayPal() {
        return withPayPal();
    }

    public ShowAccountPaymentMethod showAccountPaymentMethod() {
        return accountPayments();
    }

    public ChangeAccountPaymentMethod changeAccountPaymentMethod() {
        return accountPayments();
    }

    private PaymentMethodCases payments() {
        if (payments == null) {
            throw new IllegalStateException("the payment-method use cases need Engine.builder().paymentMethods(..) "
                    + "(and the identity ports: a payment method belongs to a user)");
        }
        return payments;
    }

    private PaymentMethodCases withPages() {
        if (!hasPaymentPages()) {
            throw new IllegalStateException("hosted payment pages need Engine.builder().paymentMethods(..)"
                    + ".paymentPages(..)");
        }
        return payments;
    }

    private PaymentMethodCases withPayPal() {
        if (!hasPayPal()) {
            throw new IllegalStateException("PayPal needs Engine.builder().paymentMethods(..).payPalAgreements(..)");
        }
        return payments;
    }

    private AccountPaymentMethodCases accountPayments() {
        if (accountPayments == null) {
            throw new IllegalStateException("the account's payment method needs Engine.builder().billing(..)"
                    + ".paymentMethods(..)");
        }
        return accountPayments;
    }

    private VoucherCases vouchers() {
        if (vouchers == null) {
            throw new IllegalStateException("the voucher use cases need Engine.builder().vouchers(..) "
                    + "(and the identity ports: a hold belongs to a user)");
        }
        return vouchers;
    }

    private IdentityCases identity() {
        if (identity == null) {
            throw new IllegalStateException("the identity use cases need the identity ports: Engine.builder()"
                    + ".users(..).sessions(..).passwordResets(..).loginAttempts(..).transactions(..)"
                    + ".passwordHasher(..).secrets(..).commonPasswords(..).mailer(..)");
        }
        return identity;
    }

    /** Picks up tenant definitions changed in the store (by this or another instance); true if any changed. */
    public boolean refreshTenants() {
        return directory.refresh();
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
        private Vouchers vouchers;
        private Duration voucherHold = VoucherRules.DEFAULT_HOLD;
        private VatRegistry vatRegistry;
        private VatChecks vatChecks;
        private Billing billing;
        private IdempotencyRecords idempotencyRecords;
        private Duration idempotencyLease = IdempotencyUseCases.DEFAULT_LEASE;
        private PaymentMethods paymentMethods;
        private PaymentPages paymentPages;
        private PayPalAgreements payPalAgreements;

        private Builder() {
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
         * The billing system (the built-in ledger, or Zuora's adapter): checkout, the customer center
         * and subscription changes need it, with the identity ports.
         */
        public Builder billing(Billing billing) {
            this.billing = billing;
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
        public Builder vouchers(Vouchers vouchers) {
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

        public Engine build() {
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(vatRates, "vatRates");
            IdentityPorts identity = identityPorts();
            if (vouchers != null && identity == null) {
                throw new IllegalStateException("vouchers need the identity ports: a hold belongs to a user");
            }
            if ((vatRegistry == null) != (vatChecks == null)) {
                throw new IllegalStateException("vatRegistry and vatChecks go together: a check keeps its evidence");
            }
            if (vatRegistry != null && identity == null) {
                throw new IllegalStateException("the VAT ID check needs the identity ports: a check is made for a user");
            }
            if (billing != null && identity == null) {
                throw new IllegalStateException("billing needs the identity ports: an account belongs to a user");
            }
            if (billing != null && paymentMethods == null) {
                throw new IllegalStateException("billing needs paymentMethods: an account is paid by one");
            }
            if (paymentMethods != null && identity == null) {
                throw new IllegalStateException("paymentMethods need the identity ports: a payment method belongs "
                        + "to a user");
            }
            if ((paymentPages != null || payPalAgreements != null) && paymentMethods == null) {
                throw new IllegalStateException("paymentPages and payPalAgreements need paymentMethods: they create "
                        + "payment methods");
            }
            if (idempotencyRecords != null && identity == null) {
                throw new IllegalStateException("idempotency records need the identity ports: a key belongs to a user");
            }
            if (voucherHold == null || voucherHold.isNegative() || voucherHold.isZero()) {
                throw new IllegalArgumentException("voucherHoldDuration must be positive");
            }
            return new Engine(this, identity);
        }

        /** All identity ports, or none (a host that only prices); a partial set is a wiring mistake. */
        private IdentityPorts identityPorts() {
            Object[] ports = {users, sessions, passwordResets, loginAttempts, transactions, passwordHasher, secrets,
                commonPasswords, mailer};
            String[] names = {"users", "sessions", "passwordResets", "loginAttempts", "transactions",
                "passwordHasher", "secrets", "commonPasswords", "mailer"};
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] == null) {
                    missing.add(names[i]);
                }
            }
            if (missing.size() == ports.length) {
                return null;
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("identity ports missing: " + String.join(", ", missing));
            }
            return new IdentityPorts(users, sessions, passwordResets, loginAttempts, transactions, passwordHasher,
                    secrets, commonPasswords, mailer);
        }
    }
}
