package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.domain.billing.Invoice;
import java.util.ArrayList;
import com.subscriptionsuite.application.service.common.BankTransfers;
import com.subscriptionsuite.application.service.common.CartResolution;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.common.PaymentMethodIds;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.account.AccountProblem;
import com.subscriptionsuite.domain.account.AccountRules;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.Redemption;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The checkout, as a customer operation ({@link CustomerOperations}, docs/billing-boundary.md): under
 * the customer's lease every rule is decided first (the cart, the items, the payment method, the
 * held voucher), reading the account through the customer's link; then the operation is recorded as
 * pending and the billing system is asked, each step with the operation's request key, to create the
 * payment method the body describes and to open (or update) the account; a new account is linked to
 * the customer at once, in a unit of its own; then the billing system subscribes to the cart, and one
 * unit of work stores the payment method, redeems the voucher, finishes the operation and keeps the
 * answer. A refusal books nothing and leaves a held voucher held. A billing failure leaves the voucher
 * held and the operation pending (a new account, once opened, stays linked): the request repeated with its {@code Idempotency-Key} repeats each
 * step with the same request key, so what the billing system booked the first time is answered
 * again, not booked twice.
 */
final class CheckoutService implements Checkout {
    private static final System.Logger LOG = System.getLogger(CheckoutService.class.getName());

    private final BillingContext context;

    CheckoutService(BillingContext context) {
        this.context = context;
    }

    @Override
    public Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command, Operation<Subscribed> operation) {
        TenantDefinition definition = context.directory().require(command.tenantId());
        if (command.guest() && !definition.tenant().checkoutSettings().hasGuestCheckout()) {
            return Either.left(new CheckoutFailure.GuestCheckoutDisabled());
        }
        List<AccountProblem> problems = AccountRules.check(command.account());
        if (!problems.isEmpty()) {
            return Either.left(new CheckoutFailure.AccountRefused(new AccountFailure.AccountInvalid(problems)));
        }
        CustomerOperations ops = context.operations();
        // Read before the customer's lease: a checkout that starts without an account and finds one once
        // it holds the lease raced another first checkout of the same customer (a double click without
        // an Idempotency-Key), which booked while this one waited: it books nothing (409).
        boolean first = ops.links().accountOf(command.tenantId(), command.userId()).isEmpty();
        return ops.run(command.tenantId(), command.userId(), "checkout", operation.key(), op -> {
            Option<AccountRef> link = op.link();
            if (first && link.isDefined() && !op.repeat()) {
                return Either.left(new CheckoutFailure.CheckoutInProgress());
            }
            Either<BillingFailure, Option<BillingAccount>> existing = link.isEmpty() ? Either.right(Option.none())
                    : context.gateway().account(link.get()).map(Option::some);
            if (existing.isLeft()) {
                return Either.left(new CheckoutFailure.BillingFailed(existing.getLeft()));
            }
            return decide(command, definition, op, existing.get()).flatMap(b -> book(b, op, operation));
        });
    }

    /** Everything the checkout will book, or why it books nothing. Reads only. */
    private Either<CheckoutFailure, Booking> decide(SubscribeCommand command, TenantDefinition definition,
            CustomerOperations.Keyed op, Option<BillingAccount> existing) {
        Tenant tenant = definition.tenant();
        Catalog catalog = definition.catalog();
        LocalDate today = context.today();
        Instant now = context.clock().instant();
        Either<CheckoutFailure, CurrencyUnit> currency = currency(tenant, command.account(), existing);
        if (currency.isLeft()) {
            return Either.left(currency.getLeft());
        }
        Either<PreviewFailure, List<CartLine>> resolved = CartResolution.resolve(catalog, command.items().stream()
                .map(i -> new PreviewPricesQuery.Item(i.suiteProductId(), i.quantity(), i.orderPos())).toList(),
                currency.get(), today);
        if (resolved.isLeft()) {
            return Either.left(new CheckoutFailure.CartRefused(resolved.getLeft()));
        }
        Either<BillingFailure, List<Subscription>> subscriptions = existing.isEmpty() ? Either.right(List.of())
                : context.gateway().subscriptions(new AccountRef(tenant.id(), command.userId(), existing.get().id()));
        if (subscriptions.isLeft()) {
            return Either.left(new CheckoutFailure.BillingFailed(subscriptions.getLeft()));
        }
        // A repeat may find the subscriptions its first attempt booked: the rule of one subscription per
        // suite product was decided then, and the repeated subscribe answers that booking.
        Option<CheckoutFailure> refused = refuseItems(command.items(), catalog,
                op.repeat() ? List.of() : subscriptions.get(), today);
        if (refused.isDefined()) {
            return Either.left(refused.get());
        }
        Option<PaymentMethod> paymentMethod = Option.none();
        Option<PaymentMethod> newPaymentMethod = Option.none();
        if (command.paymentMethodId() != null) {
            Either<ProviderUnavailable, Option<PaymentMethod>> found = context.paymentMethodLookup()
                    .owned(tenant.id(), command.userId(), command.paymentMethodId());
            if (found.isLeft()) {
                return Either.left(new CheckoutFailure.PaymentMethodRefused(new PaymentFailure.ProviderFailed(
                        found.getLeft().provider(), found.getLeft().reason())));
            }
            paymentMethod = found.get().filter(pm -> pm.usableBy(tenant.id(), command.userId()));
            if (paymentMethod.isEmpty()) {
                return Either.left(new CheckoutFailure.PaymentMethodNotFound(command.paymentMethodId()));
            }
        } else if (command.newPaymentMethod() != null) {
            Either<PaymentFailure, PaymentMethod> made = newPaymentMethod(command, definition, now);
            if (made.isLeft()) {
                return Either.left(new CheckoutFailure.PaymentMethodRefused(made.getLeft()));
            }
            newPaymentMethod = Option.some(made.get());
        }
        List<CartLine> lines = resolved.get();
        Option<String> voucherCode = Option.none();
        if (command.voucherCode() != null) {
            Either<VoucherRejection, Voucher> voucher = voucher(command, catalog, now);
            if (voucher.isLeft()) {
                return Either.left(new CheckoutFailure.CartRefused(new PreviewFailure.VoucherRefused(
                        voucher.getLeft())));
            }
            lines = CartResolution.withDiscount(lines, voucher.get().discount());
            voucherCode = Option.some(voucher.get().redemption().code());
        }
        return Either.right(new Booking(command, definition, existing, currency.get(), lines, paymentMethod,
                newPaymentMethod, voucherCode, today, now));
    }

    /**
     * The payment method the body describes without an id, decided by the rules of PUT
     * /account/payment-method for the account this checkout writes (a bank transfer the shop offers
     * in its tax country, masked data only); created by the billing system and stored by {@link #book}.
     */
    private Either<PaymentFailure, PaymentMethod> newPaymentMethod(SubscribeCommand command,
            TenantDefinition definition, Instant now) {
        Checkout.NewPaymentMethod described = command.newPaymentMethod();
        return BankTransfers.type(described.type()).flatMap(type -> BankTransfers.fromBody(definition,
                command.account().taxCountry(), command.userId(), type, described.data(), now));
    }

    /**
     * The account's currency ({@link Accounts#currency}): the one asked for, else the existing
     * account's, else the shop's default; an existing account keeps its currency. The cart is priced
     * in the currency asked for, so the shop must sell in it now, even where it is the account's own.
     */
    private static Either<CheckoutFailure, CurrencyUnit> currency(Tenant tenant, AccountDetails account,
            Option<BillingAccount> existing) {
        String asked = account.currency() == null || account.currency().isBlank() ? null : account.currency().strip();
        Option<CurrencyUnit> offered = tenant.currency(asked);
        if (asked != null && offered.isEmpty()) {
            return Either.left(new CheckoutFailure.AccountRefused(new AccountFailure.CurrencyNotOffered(asked)));
        }
        return Accounts.currency(tenant, existing.map(BillingAccount::currency), offered.map(CurrencyUnit::getCode)
                .getOrNull()).mapLeft(CheckoutFailure.AccountRefused::new);
    }

    /**
     * The rules the preview does not check: purchasable, rate plans as named, one subscription where
     * only one is allowed.
     */
    private static Option<CheckoutFailure> refuseItems(List<Item> items, Catalog catalog,
            List<Subscription> subscriptions, LocalDate today) {
        Set<Long> inCart = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            SuiteProduct sp = resolvedSuiteProduct(catalog, item.suiteProductId());
            if (!sp.purchasableByCustomer()) {
                return Option.some(new CheckoutFailure.NotPurchasable(i, sp.id()));
            }
            Option<CheckoutFailure> mismatch = ratePlansMatch(i, item, catalog.ratePlan(sp.ratePlanId())
                    .getOrElseThrow(() -> new IllegalStateException("resolved suite product without its rate plan")));
            if (mismatch.isDefined()) {
                return mismatch;
            }
            if (!sp.multipleSubscriptionsAllowed()) {
                if (!inCart.add(sp.id())) {
                    return Option.some(new CheckoutFailure.MultipleSubscriptionsNotAllowed(i, sp.id(), true));
                }
                if (subscriptions.stream().anyMatch(s -> runningOf(s, sp.id(), today))) {
                    return Option.some(new CheckoutFailure.MultipleSubscriptionsNotAllowed(i, sp.id(), false));
                }
            }
        }
        return Option.none();
    }

    private static SuiteProduct resolvedSuiteProduct(Catalog catalog, long id) {
        return catalog.suiteProduct(id).getOrElseThrow(() -> new IllegalStateException("suite product " + id
                + " was resolved, so the catalog has it"));
    }

    /** Whether the subscription is not cancelled and is (or is booked to become) one of the suite product. */
    private static boolean runningOf(Subscription s, long suiteProductId, LocalDate today) {
        return s.statusOn(today) != SubscriptionStatus.CANCELLED && s.charges().stream()
                .anyMatch(c -> c.suiteProductId() == suiteProductId
                        && (c.effectiveEnd() == null || c.effectiveEnd().isAfter(today)));
    }

    /**
     * The seed lets a client name the rate plans and charges of each suite product; the engine books
     * the suite product's one rate plan with all its charges, so when they are named they must be
     * exactly those (never silently something else).
     */
    private static Option<CheckoutFailure> ratePlansMatch(int index, Item item, RatePlan plan) {
        if (item.ratePlans() == null) {
            return Option.none();
        }
        String at = "suite_products[" + index + "].rate_plans";
        if (item.ratePlans().size() != 1) {
            return Option.some(new CheckoutFailure.RatePlanMismatch(at, "suite product " + item.suiteProductId()
                    + " has exactly one rate plan, " + plan.id() + "; name it once or leave rate_plans out"));
        }
        RatePlanChoice choice = item.ratePlans().get(0);
        if (choice.id() != plan.id()) {
            return Option.some(new CheckoutFailure.RatePlanMismatch(at + "[0].id", "suite product "
                    + item.suiteProductId() + " is sold with rate plan " + plan.id() + ", not " + choice.id()));
        }
        if (choice.chargeIds() == null) {
            return Option.none();
        }
        Set<Long> expected = new HashSet<>(plan.charges().stream().map(Charge::id).toList());
        Set<Long> named = new HashSet<>();
        for (int k = 0; k < choice.chargeIds().size(); k++) {
            long id = choice.chargeIds().get(k);
            if (!expected.contains(id) || !named.add(id)) {
                return Option.some(new CheckoutFailure.RatePlanMismatch(at + "[0].charges[" + k + "].id",
                        named.contains(id) && expected.contains(id) ? "charge " + id + " is named twice"
                                : "rate plan " + plan.id() + " has no charge " + id));
            }
        }
        if (!named.equals(expected)) {
            return Option.some(new CheckoutFailure.RatePlanMismatch(at + "[0].charges", "rate plan " + plan.id()
                    + " is booked with all its charges " + expected.stream().sorted().toList()
                    + "; list them all or leave charges out"));
        }
        return Option.none();
    }

    private record Voucher(RatePlan discount, Redemption redemption) {
    }

    /**
     * The caller's held code, decided on its current state as {@code consume} would decide it at
     * {@code at} (the hold is honoured until it expires); on a named page the campaign must be valid
     * there. Without a vouchers store no code is known. Outside a unit of work the code's lock ends
     * with the read: the decision is taken again, on the locked code, when the redemption is written.
     */
    private Either<VoucherRejection, Voucher> voucher(SubscribeCommand command, Catalog catalog, Instant at) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.voucherCode());
        if (code.isLeft()) {
            return Either.left(code.getLeft());
        }
        Either<VoucherRejection, CodeState> state = context.vouchers()
                .flatMap(v -> v.lockCode(command.tenantId(), code.get(), command.userId(), at))
                .toEither(() -> new VoucherRejection.Unknown(code.get()));
        if (state.isLeft()) {
            return Either.left(state.getLeft());
        }
        if (command.pageId() != null && !state.get().campaign().validOnPage(command.pageId())) {
            return Either.left(new VoucherRejection.NotValidOnPage(code.get(), command.pageId()));
        }
        return VoucherRules.consume(state.get(), command.tenantId(), command.userId(), at)
                .flatMap(redemption -> catalog.ratePlan(state.get().campaign().discountRatePlanId())
                        .map(plan -> new Voucher(plan, redemption))
                        .toEither(() -> new VoucherRejection.Unknown(code.get())));
    }

    /** What was decided, to be booked. */
    private record Booking(SubscribeCommand command, TenantDefinition definition, Option<BillingAccount> existing,
            CurrencyUnit currency, List<CartLine> lines, Option<PaymentMethod> paymentMethod,
            Option<PaymentMethod> newPaymentMethod, Option<String> voucherCode, LocalDate today, Instant now) {
    }

    /**
     * Books the decided checkout in the billing system, step by step with the operation's request
     * keys (a payment method the body described, the account, the subscriptions with their first
     * invoice), linking a new account as soon as it is opened, then commits the engine's side in one
     * unit: the new payment method, the voucher's redemption, the finished operation and the kept
     * answer.
     */
    private Either<CheckoutFailure, Subscribed> book(Booking b, CustomerOperations.Keyed op,
            Operation<Subscribed> operation) {
        BillingGateway gateway = context.gateway();
        CustomerOperations ops = context.operations();
        Tenant tenant = b.definition().tenant();
        long tenantId = tenant.id();
        long userId = b.command().userId();
        AccountDetails details = Accounts.withCurrency(b.command().account(), b.currency());
        ops.begin(op);
        Option<PaymentMethod> created = Option.none();
        if (b.newPaymentMethod().isDefined()) {
            PaymentMethod described = b.newPaymentMethod().get();
            Either<BillingFailure, String> id = gateway.addPaymentMethod(op.step("payment-method"),
                    new BillingGateway.NewPaymentMethod(tenantId, userId, described.type(), described.data(), b.now()));
            if (id.isLeft()) {
                return Either.left(new CheckoutFailure.BillingFailed(id.getLeft()));
            }
            created = Option.some(described.withId(id.get()));
        }
        Option<PaymentMethod> registered = Option.none();
        Option<PaymentMethod> chosen = created.orElse(b.paymentMethod());
        if (chosen.isDefined() && PaymentMethodIds.needsRegistration(chosen.get())) {
            PaymentMethod paypal = chosen.get();
            Either<BillingFailure, String> billingId = gateway.addPaymentMethod(op.step("register-payment-method"),
                    new BillingGateway.NewPaymentMethod(tenantId, userId, paypal.type(), paypal.data(), b.now()));
            if (billingId.isLeft()) {
                return Either.left(new CheckoutFailure.BillingFailed(billingId.getLeft()));
            }
            registered = Option.some(paypal.withBillingId(billingId.get()));
        }
        Option<String> paymentMethodId = registered.orElse(chosen).map(PaymentMethod::idForBilling);
        Either<BillingFailure, BillingAccount> account;
        if (b.existing().isEmpty()) {
            account = gateway.openAccount(op.step("open-account"), new BillingGateway.OpenAccount(tenantId, userId,
                    b.currency(), details, paymentMethodId.getOrNull(), b.now()));
        } else {
            AccountRef ref = new AccountRef(tenantId, userId, b.existing().get().id());
            account = gateway.updateAccount(op.step("update-account"), ref, details)
                    .flatMap(updated -> paymentMethodId.isEmpty() ? Either.right(updated)
                            : gateway.setDefaultPaymentMethod(op.step("default-payment-method"), ref,
                                    paymentMethodId.get()));
        }
        if (account.isLeft()) {
            return Either.left(new CheckoutFailure.BillingFailed(account.getLeft()));
        }
        AccountRef ref = new AccountRef(tenantId, userId, account.get().id());
        // The link is written at once, in a unit of its own, before anything is booked on the new account:
        // its uniqueness keeps one customer on one account. Linked to another account meanwhile (a lease
        // that did not serialise), this checkout books nothing more; its new account stays empty.
        if (b.existing().isEmpty() && !ops.linkOnce(ref)) {
            return Either.left(new CheckoutFailure.CheckoutInProgress());
        }
        TaxDecision tax = context.taxOf(tenant, details, b.today());
        Either<BillingFailure, BillingGateway.Subscribed> subscribed = gateway.subscribe(op.step("subscribe"),
                new BillingGateway.Subscribe(ref, b.currency(), tax, b.lines(), b.today(), b.now()));
        if (subscribed.isLeft()) {
            return Either.left(new CheckoutFailure.BillingFailed(subscribed.getLeft()));
        }
        Either<BillingFailure, List<CustomerOperations.Booked>> events = events(ref, account.get(), b,
                paymentMethodId, subscribed.get(), op.repeat());
        if (events.isLeft()) {
            return Either.left(new CheckoutFailure.BillingFailed(events.getLeft()));
        }
        Subscribed answer = new Subscribed(subscribed.get().subscriptions().stream()
                .map(s -> new NewSubscription(s.id(), s.number(), s.uuid(), s.suiteProductId())).toList(),
                Option.of(subscribed.get().invoice()).map(BillingGateway.InvoiceRef::id).getOrNull(),
                Option.of(subscribed.get().invoice()).map(BillingGateway.InvoiceRef::number).getOrNull());
        Option<PaymentMethod> toStore = created.orElse(registered);
        Option<InvoiceDiscrepancy> discrepancy = discrepancy(b, tax, op, subscribed.get().invoice());
        return Either.right(ops.commit(op, () -> {
            toStore.filter(pm -> context.paymentMethods().paymentMethod(tenantId, pm.id())
                            .forAll(stored -> stored.billingId() == null && pm.billingId() != null))
                    .forEach(context.paymentMethods()::save);
            discrepancy.forEach(d -> context.discrepancies().forEach(store -> store.record(d)));
            b.voucherCode().forEach(code -> redeem(b, code));
            return answer;
        }, operation.keepAnswer(), events.get()));
    }

    /**
     * The checkout's business events (docs/events.md): the account opened (a first checkout), its
     * default payment method (when the checkout set one), each subscription created with its charges
     * as the billing system booked them, and the first invoice with its lines. The charges and the
     * invoice come with the subscribe's answer when the billing system's answer carries them (the
     * built-in ledger's, {@link BillingGateway.AsBooked}); otherwise they are read back from the billing
     * system after the booking (outside any unit of work): a read that fails leaves the operation
     * pending, as a failed command does, and its repeat reads again.
     */
    private Either<BillingFailure, List<CustomerOperations.Booked>> events(AccountRef ref, BillingAccount account,
            Booking b, Option<String> paymentMethodId, BillingGateway.Subscribed subscribed, boolean repeat) {
        // the records as booked, from the billing system's answer when it carries them (the built-in
        // ledger's), else read back
        Option<BillingGateway.AsBooked> asBooked = subscribed.asBooked();
        Either<BillingFailure, List<Subscription>> booked = asBooked.isDefined()
                ? Either.right(asBooked.get().accountSubscriptions()) : context.gateway().subscriptions(ref);
        if (booked.isLeft()) {
            return Either.left(booked.getLeft());
        }
        Option<Invoice> invoice = Option.none();
        if (asBooked.isDefined()) {
            invoice = asBooked.get().invoice();
        } else if (subscribed.invoice() != null) {
            // only the order's invoice, not all the account's (docs/benchmarks.md section 4)
            Either<BillingFailure, Invoice> read = context.gateway().invoice(ref, subscribed.invoice().id());
            if (read.isLeft() && !(read.getLeft() instanceof BillingFailure.NotFound)) {
                return Either.left(read.getLeft());
            }
            invoice = read.toOption();
        }
        List<CustomerOperations.Booked> events = new ArrayList<>();
        long userId = b.command().userId();
        // A repeat may find the account its first attempt opened: the event's id is the account's, so
        // it is written once whichever attempt commits.
        if (b.existing().isEmpty() || repeat) {
            events.add(CustomerOperations.Booked.now(EventType.ACCOUNT_OPENED, account.id(),
                    new EventPayload.AccountOpened(account.id(), account.number(), userId,
                            account.currency().getCode(), account.details().taxCountry(),
                            paymentMethodId.getOrNull())).once(ref.tenantId(), "account.opened", account.id()));
        }
        if (paymentMethodId.isDefined()) {
            PaymentMethod method = b.newPaymentMethod().map(pm -> pm.withId(paymentMethodId.get()))
                    .orElse(b.paymentMethod()).get();
            events.add(CustomerOperations.Booked.now(EventType.PAYMENT_METHOD_CHANGED, account.id(),
                    new EventPayload.PaymentMethodChanged(account.id(), userId, method.id(), method.type(),
                            method.data())));
        }
        for (BillingGateway.BookedSubscription s : subscribed.subscriptions()) {
            Option<Subscription> full = Option.ofOptional(booked.get().stream()
                    .filter(x -> x.id().equals(s.id())).findFirst());
            List<EventPayload.ChargeLine> charges = full.map(x -> x.charges().stream()
                    .map(EventPayload.ChargeLine::of).toList()).getOrElse(List.of());
            long quantity = full.flatMap(x -> Option.ofOptional(x.charges().stream()
                    .filter(c -> !c.discount()).map(c -> c.quantity()).findFirst())).getOrElse(0L);
            events.add(CustomerOperations.Booked.now(EventType.SUBSCRIPTION_CREATED, s.id(),
                    new EventPayload.SubscriptionCreated(account.id(), userId, s.id(), s.number(), s.uuid(),
                            s.suiteProductId(), quantity, b.currency().getCode(),
                            full.map(Subscription::startDate).getOrElse(b.today()),
                            full.map(Subscription::chargedThroughDate).getOrNull(), charges,
                            subscribed.invoice() == null ? null : subscribed.invoice().id(),
                            subscribed.invoice() == null ? null : subscribed.invoice().number())));
        }
        if (invoice.isDefined()) {
            Invoice i = invoice.get();
            java.util.Set<String> numbers = new java.util.HashSet<>();
            i.lines().forEach(l -> numbers.add(l.subscriptionNumber()));
            String key = subscribed.subscriptions().size() == 1 && numbers.size() == 1
                    ? subscribed.subscriptions().get(0).id() : account.id();
            events.add(CustomerOperations.Booked.now(EventType.INVOICE_RAISED, key,
                    EventPayload.InvoiceRaised.of(i, "checkout")));
        }
        return Either.right(events);
    }

    /**
     * The first invoice's disagreement with the engine's preview, if the billing system priced it itself
     * and arrived at another amount before tax (tax is left out: a billing system may tax by its own tax
     * engine). Logged at WARN with both amounts here; kept by the commit. The checkout stands: the
     * customer was invoiced by the billing system, and an operator reconciles.
     */
    private Option<InvoiceDiscrepancy> discrepancy(Booking b, TaxDecision tax, CustomerOperations.Keyed op,
            BillingGateway.InvoiceRef invoice) {
        if (invoice == null || invoice.amountWithoutTax() == null) {
            return Option.none();
        }
        Money previewed = Money.zero(b.currency());
        for (SuiteProductPrice sp : CartPricing.price(b.lines(), b.currency(), tax).suiteProducts()) {
            for (PeriodPrice p : sp.prices()) {
                previewed = previewed.plus(p.amounts().netto());
            }
        }
        Money invoiced = invoice.amountWithoutTax();
        if (!invoiced.getCurrencyUnit().equals(b.currency())) {
            LOG.log(System.Logger.Level.WARNING, "invoice {0} of tenant {1} is in {2}, the checkout in {3}",
                    invoice.number(), b.command().tenantId(), invoiced.getCurrencyUnit(), b.currency());
            return Option.none();
        }
        if (invoiced.isEqual(previewed)) {
            return Option.none();
        }
        LOG.log(System.Logger.Level.WARNING, "invoice {0} of tenant {1} (user {2}) is {3} before tax, the engine "
                + "previewed {4} for the checkout: the billing system's catalog differs from the engine''s",
                invoice.number(), b.command().tenantId(), b.command().userId(), invoiced, previewed);
        return Option.some(new InvoiceDiscrepancy(b.command().tenantId(), b.command().userId(), op.key(),
                invoice.id(), invoice.number(), previewed, invoiced, b.now()));
    }

    /**
     * Redeems the code the checkout was decided with, on its locked state, as of the decision: the
     * booking carries its discount, so the redemption is written even if the hold ran out during the
     * billing calls, unless the code was redeemed meanwhile (then it is logged: the discount was given
     * on a code the customer no longer held).
     */
    private void redeem(Booking b, String code) {
        context.vouchers().forEach(v -> {
            Either<VoucherRejection, Redemption> redemption = v.lockCode(b.command().tenantId(), code,
                            b.command().userId(), b.now())
                    .toEither(() -> (VoucherRejection) new VoucherRejection.Unknown(code))
                    .flatMap(state -> VoucherRules.consume(state, b.command().tenantId(), b.command().userId(),
                            b.now()));
            if (redemption.isLeft()) {
                LOG.log(System.Logger.Level.WARNING, "checkout of user {0} of tenant {1} booked the discount of code "
                        + "{2}, which it can no longer redeem: {3}", b.command().userId(), b.command().tenantId(),
                        code, redemption.getLeft());
                return;
            }
            v.redeem(redemption.get());
        });
    }
}
