package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.service.common.BankTransfers;
import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.service.common.CartResolution;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.account.AccountProblem;
import com.subscriptionsuite.domain.account.AccountRules;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.Redemption;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * The checkout: every rule is decided first, under the customer's lock ({@code CustomerLocks}, taken
 * before the account is read, so also before a first checkout has an account) and on the voucher's
 * locked code, and only then is anything written, all in one unit of work. A refusal therefore
 * writes nothing (and leaves a held voucher held), on every store, rolling back or not.
 */
final class CheckoutService implements Checkout {
    private final Ledger ledger;

    CheckoutService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command, Operation<Subscribed> operation) {
        TenantDefinition definition = ledger.directory().require(command.tenantId());
        if (command.guest() && !definition.tenant().checkoutSettings().hasGuestCheckout()) {
            return Either.left(new CheckoutFailure.GuestCheckoutDisabled());
        }
        List<AccountProblem> problems = AccountRules.check(command.account());
        if (!problems.isEmpty()) {
            return Either.left(new CheckoutFailure.AccountRefused(new AccountFailure.AccountInvalid(problems)));
        }
        return ledger.transactions().inTransaction(() -> decide(command, definition).flatMap(this::book));
    }

    /** Everything the checkout will write, or why it writes nothing. Reads and locks only. */
    private Either<CheckoutFailure, Booking> decide(SubscribeCommand command, TenantDefinition definition) {
        Tenant tenant = definition.tenant();
        Catalog catalog = definition.catalog();
        LocalDate today = ledger.today();
        Instant now = ledger.clock().instant();
        LedgerStore billing = ledger.billing();
        // Read before the customer's lock: a checkout that starts without an account and finds one once
        // it holds the lock raced another first checkout of the same customer (a double click without
        // an Idempotency-Key), which booked while this one waited: it books nothing (409).
        boolean first = billing.accountOfUser(tenant.id(), command.userId()).isEmpty();
        Option<BillingAccount> existing = ledger.lockedAccountOfUser(tenant.id(), command.userId());
        if (first && existing.isDefined()) {
            return Either.left(new CheckoutFailure.CheckoutInProgress());
        }
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
        List<Subscription> subscriptions = existing.map(a -> billing.subscriptions(tenant.id(), a.id()))
                .getOrElse(List.of());
        Option<CheckoutFailure> refused = refuseItems(command.items(), catalog, subscriptions, today);
        if (refused.isDefined()) {
            return Either.left(refused.get());
        }
        Option<PaymentMethod> paymentMethod = Option.none();
        Option<PaymentMethod> newPaymentMethod = Option.none();
        if (command.paymentMethodId() != null) {
            paymentMethod = ledger.paymentMethods().paymentMethod(tenant.id(), command.paymentMethodId())
                    .filter(pm -> pm.usableBy(tenant.id(), command.userId()));
            if (paymentMethod.isEmpty()) {
                return Either.left(new CheckoutFailure.PaymentMethodNotFound(command.paymentMethodId()));
            }
        } else if (command.newPaymentMethod() != null) {
            Either<PaymentFailure, PaymentMethod> made = newPaymentMethod(command, definition, now);
            if (made.isLeft()) {
                return Either.left(new CheckoutFailure.PaymentMethodRefused(made.getLeft()));
            }
            newPaymentMethod = Option.some(made.get());
            paymentMethod = newPaymentMethod;
        }
        List<CartLine> lines = resolved.get();
        Option<Redemption> redemption = Option.none();
        if (command.voucherCode() != null) {
            Either<VoucherRejection, Voucher> voucher = voucher(command, catalog, now);
            if (voucher.isLeft()) {
                return Either.left(new CheckoutFailure.CartRefused(new PreviewFailure.VoucherRefused(
                        voucher.getLeft())));
            }
            lines = CartResolution.withDiscount(lines, voucher.get().discount());
            redemption = Option.some(voucher.get().redemption());
        }
        return Either.right(new Booking(command, definition, existing, currency.get(), lines,
                paymentMethod.map(PaymentMethod::id), newPaymentMethod, redemption, today, now));
    }

    /**
     * The payment method the body describes without an id, decided by the rules of PUT
     * /account/payment-method for the account this checkout writes (a bank transfer the shop offers
     * in its tax country, masked data only); stored by {@link #book}, in this unit of work.
     */
    private Either<PaymentFailure, PaymentMethod> newPaymentMethod(SubscribeCommand command,
            TenantDefinition definition, Instant now) {
        Checkout.NewPaymentMethod described = command.newPaymentMethod();
        return BankTransfers.type(described.type()).flatMap(type -> BankTransfers.fromBody(definition,
                command.account().taxCountry(), command.userId(), type, described.data(), ledger.secrets(), now));
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
     * The caller's held code, decided on its locked state: consumed in this unit of work (the hold
     * is honoured until it expires, as {@code consume} honours it); on a named page the campaign
     * must be valid there. Without a vouchers store no code is known.
     */
    private Either<VoucherRejection, Voucher> voucher(SubscribeCommand command, Catalog catalog, Instant now) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.voucherCode());
        if (code.isLeft()) {
            return Either.left(code.getLeft());
        }
        Either<VoucherRejection, CodeState> state = ledger.vouchers()
                .flatMap(v -> v.lockCode(command.tenantId(), code.get(), command.userId(), now))
                .toEither(() -> new VoucherRejection.Unknown(code.get()));
        if (state.isLeft()) {
            return Either.left(state.getLeft());
        }
        if (command.pageId() != null && !state.get().campaign().validOnPage(command.pageId())) {
            return Either.left(new VoucherRejection.NotValidOnPage(code.get(), command.pageId()));
        }
        return VoucherRules.consume(state.get(), command.tenantId(), command.userId(), now)
                .flatMap(redemption -> catalog.ratePlan(state.get().campaign().discountRatePlanId())
                        .map(plan -> new Voucher(plan, redemption))
                        .toEither(() -> new VoucherRejection.Unknown(code.get())));
    }

    /** What was decided, to be written. */
    private record Booking(SubscribeCommand command, TenantDefinition definition, Option<BillingAccount> existing,
            CurrencyUnit currency, List<CartLine> lines, Option<String> paymentMethodId,
            Option<PaymentMethod> newPaymentMethod, Option<Redemption> redemption, LocalDate today, Instant now) {
    }

    /**
     * Writes the decided checkout: account, a payment method the body described, subscriptions
     * (charged through their first period), invoice, redemption. The account is written first. Under
     * the customer's lock a concurrent first checkout of the same user waits, then finds the account
     * the first one created and books nothing ({@link CheckoutFailure.CheckoutInProgress}, see
     * {@code decide}); should the account appear anyway after this one found none (a lock that did not
     * serialise), the store's unique (tenant, user) refuses the second account with the same answer.
     */
    private Either<CheckoutFailure, Subscribed> book(Booking b) {
        LedgerStore billing = ledger.billing();
        Tenant tenant = b.definition().tenant();
        long tenantId = tenant.id();
        AccountDetails details = Accounts.withCurrency(b.command().account(), b.currency());
        BillingAccount account = b.existing().map(a -> a.withDetails(details, b.now()))
                .getOrElse(() -> new BillingAccount(billing.newId(), tenantId, b.command().userId(),
                        billing.nextNumber(tenantId, LedgerStore.NumberKind.ACCOUNT), b.currency(), details, null, b.now(),
                        b.now()));
        if (b.paymentMethodId().isDefined()) {
            account = account.withPaymentMethod(b.paymentMethodId().get(), b.now());
        }
        TaxDecision tax = ledger.taxOf(tenant, details, b.today());
        SubscriptionCharges.Ids ids = new SubscriptionCharges.Ids() {
            @Override
            public String chargeId() {
                return billing.newId();
            }

            @Override
            public String chargeNumber() {
                return billing.nextNumber(tenantId, LedgerStore.NumberKind.CHARGE);
            }
        };
        try {
            billing.saveAccount(account);
        } catch (IllegalStateException taken) {
            if (b.existing().isDefined()) {
                throw taken;
            }
            return Either.left(new CheckoutFailure.CheckoutInProgress());
        }
        b.newPaymentMethod().forEach(ledger.paymentMethods()::save);
        List<Subscription> booked = new ArrayList<>();
        List<NewSubscription> made = new ArrayList<>();
        List<InvoiceLine> invoiceLines = new ArrayList<>();
        List<CartLine> byPosition = b.lines().stream().sorted(Comparator.comparingInt(CartLine::orderPos)).toList();
        for (CartLine line : byPosition) {
            SuiteProduct sp = resolvedSuiteProduct(b.definition().catalog(), line.suiteProductId());
            List<SubscribedCharge> charges = SubscriptionCharges.book(sp.id(), line.ratePlans(), line.quantity(),
                    b.currency(), tax, b.today(), ids);
            Subscription fresh = new Subscription(billing.newId(), tenantId, account.id(),
                    billing.nextNumber(tenantId, LedgerStore.NumberKind.SUBSCRIPTION), ledger.secrets().guid(), b.today(),
                    b.today(), TermSchedule.of(b.today(), sp), sp.autoRenew(), b.today(), null, 1, b.now(), charges);
            SubscriptionBilling.Billed first = SubscriptionBilling.due(fresh, b.definition().catalog(), b.today(), tax);
            booked.add(first.subscription());
            made.add(new NewSubscription(fresh.id(), fresh.number(), fresh.uuid(), sp.id()));
            invoiceLines.addAll(first.lines());
        }
        booked.forEach(billing::saveSubscription);
        Option<Invoice> invoice = Option.none();
        if (!invoiceLines.isEmpty()) {
            invoice = Option.some(Invoices.raise(billing, tenant, account, invoiceLines, tax, b.today(), b.now()));
            billing.addInvoice(invoice.get());
        }
        b.redemption().forEach(r -> ledger.vouchers().forEach(v -> v.redeem(r)));
        return Either.right(new Subscribed(made, invoice.map(Invoice::id).getOrNull(),
                invoice.map(Invoice::number).getOrNull()));
    }
}
