package com.subscriptionsuite.application.ledger;

import com.subscriptionsuite.application.port.out.events.BusinessEvents;

import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.Amendment;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built-in ledger as a billing system: accounts, subscriptions with their charge segments and
 * versions, invoices with their numbers and documents, amendments, and its own bill run, over a
 * {@link LedgerStore} in the engine's database (docs/ledger.md).
 * <p>
 * It behaves as a remote billing system would: each command is a unit of work of its own (never
 * part of the caller's), it gives every id and number, and it keeps request keys for good: a command
 * whose key it has seen answers what the first one created, whatever its body, and creates nothing.
 * Two commands with one key at once book once (the key is unique in the store; the loser rolls back
 * and answers the winner's result). Its commands lock the account's row for their unit, so they and
 * the bill run never interleave on one account.
 * <p>
 * It never fails as a remote system does (no timeouts or rate limits): its failures are refusals
 * ({@link BillingFailure.Rejected}) of commands that do not fit what it holds, and
 * {@link BillingFailure.NotFound} for what it does not have. A fault of its database is an exception,
 * as everywhere in the engine.
 */
public final class BuiltInLedger implements BillingGateway {
    /** How the result of an amendment's request key starts: {@code amendment:<subscription id>|<amendment id>}. */
    private static final String AMENDMENT = "amendment:";
    private final LedgerStore store;
    private final Transactions transactions;
    private final TenantDirectory directory;
    private final Secrets secrets;
    private final Clock clock;
    private final LedgerBillRun billRun;

    public BuiltInLedger(LedgerStore store, Transactions transactions, TenantDirectory directory, Secrets secrets,
            VatDetermination vat, Clock clock) {
        this(store, transactions, directory, secrets, vat, clock, BusinessEvents.NONE);
    }

    /**
     * With the outbox its bill run writes {@code invoice.raised} to, in the unit that raises the
     * invoice (the checkout's and changes' invoices are the services' events: docs/events.md).
     */
    public BuiltInLedger(LedgerStore store, Transactions transactions, TenantDirectory directory, Secrets secrets,
            VatDetermination vat, Clock clock, BusinessEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.billRun = new LedgerBillRun(store, transactions, directory, Objects.requireNonNull(vat, "vat"),
                clock, Objects.requireNonNull(events, "events"));
    }

    /** The ledger's bill run: it raises the invoices of the periods that came due. */
    public RunBilling billRun() {
        return billRun;
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public Either<BillingFailure, BillingAccount> account(AccountRef ref) {
        return store.account(ref.tenantId(), ref.accountId())
                .filter(a -> a.userId() == ref.userId())
                .toEither(() -> notFound(ref));
    }

    @Override
    public Either<BillingFailure, List<Subscription>> subscriptions(AccountRef ref) {
        return read(() -> account(ref).map(a -> store.subscriptions(ref.tenantId(), a.id())));
    }

    @Override
    public Either<BillingFailure, List<Invoice>> invoices(AccountRef ref) {
        return read(() -> account(ref).map(a -> store.invoices(ref.tenantId(), a.id())));
    }

    /** The one invoice, read by its id (not the account's whole list). */
    @Override
    public Either<BillingFailure, Invoice> invoice(AccountRef ref, String invoiceId) {
        return read(() -> account(ref).flatMap(a -> store.invoice(ref.tenantId(), invoiceId)
                .filter(i -> i.accountId().equals(a.id()))
                .toEither(() -> new BillingFailure.NotFound("invoice " + invoiceId))));
    }

    /**
     * A read of several statements (the account, then what is asked for) in one unit of work: one
     * connection instead of one per statement, and one consistent view (docs/benchmarks.md section 4).
     */
    private <T> T read(Supplier<T> reads) {
        return transactions.inTransaction(reads);
    }

    @Override
    public Either<BillingFailure, InvoiceDocument> invoiceDocument(AccountRef ref, String invoiceId) {
        return account(ref).flatMap(a -> store.invoice(ref.tenantId(), invoiceId)
                .filter(i -> i.accountId().equals(a.id()))
                .flatMap(i -> store.invoiceDocument(ref.tenantId(), i.id()))
                .map(d -> new InvoiceDocument(d.invoiceNumber(), d.mediaType(), d.fileName(), d.content()))
                .toEither(() -> new BillingFailure.NotFound("invoice " + invoiceId)));
    }

    @Override
    public Either<BillingFailure, Option<Amended>> amendment(AccountRef ref, RequestKey key) {
        return account(ref).flatMap(a -> transactions.inTransaction(() -> store.requestResult(ref.tenantId(),
                        key.value()))
                .filter(result -> result.startsWith(AMENDMENT))
                .map(result -> amended(ref, result).map(Option::some))
                .getOrElse(Either.right(Option.none())));
    }

    // ---- commands -----------------------------------------------------------------------------

    /**
     * Opens the customer's account. The ledger keeps one account per customer: a customer who has
     * one already (an earlier checkout opened it and its engine side was never completed) gets that
     * one back, so such an account is adopted rather than doubled.
     */
    @Override
    public Either<BillingFailure, BillingAccount> openAccount(RequestKey key, OpenAccount command) {
        return once(command.tenantId(), key, "open-account",
                () -> {
                    Option<BillingAccount> existing = store.accountOfUser(command.tenantId(), command.userId());
                    if (existing.isDefined()) {
                        return Either.right(existing.get().id());
                    }
                    BillingAccount account = new BillingAccount(store.newId(), command.tenantId(), command.userId(),
                            store.nextNumber(command.tenantId(), LedgerStore.NumberKind.ACCOUNT), command.currency(),
                            command.details(), command.paymentMethodId(), command.at(), command.at());
                    store.saveAccount(account);
                    return Either.right(account.id());
                },
                id -> store.account(command.tenantId(), id).toEither(() -> lost("account " + id)));
    }

    @Override
    public Either<BillingFailure, BillingAccount> updateAccount(RequestKey key, AccountRef ref, AccountDetails details) {
        return once(ref.tenantId(), key, "update-account",
                () -> locked(ref).flatMap(account -> {
                    if (details.currency() != null && !details.currency().isBlank()
                            && !details.currency().strip().equalsIgnoreCase(account.currency().getCode())) {
                        return Either.left(new BillingFailure.Rejected("currency_locked", "account "
                                + account.number() + " is kept in " + account.currency().getCode()));
                    }
                    store.saveAccount(account.withDetails(details, clock.instant()));
                    return Either.right(account.id());
                }),
                id -> account(ref));
    }

    @Override
    public Either<BillingFailure, BillingAccount> setDefaultPaymentMethod(RequestKey key, AccountRef ref,
            String paymentMethodId) {
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        return once(ref.tenantId(), key, "default-payment-method",
                () -> locked(ref).map(account -> {
                    store.saveAccount(account.withPaymentMethod(paymentMethodId, clock.instant()));
                    return account.id();
                }),
                id -> account(ref));
    }

    /** The ledger keeps no payment data (the engine's payment-method store does): it gives the id. */
    @Override
    public Either<BillingFailure, String> addPaymentMethod(RequestKey key, NewPaymentMethod method) {
        return once(method.tenantId(), key, "add-payment-method",
                () -> Either.right(secrets.guid().replace("-", "")),
                Either::right);
    }

    @Override
    public Either<BillingFailure, Subscribed> subscribe(RequestKey key, Subscribe command) {
        AccountRef ref = command.account();
        return once(ref.tenantId(), key, "subscribe", () -> locked(ref).flatMap(account -> {
            if (!account.currency().equals(command.currency())) {
                return Either.left(new BillingFailure.Rejected("currency_mismatch", "account " + account.number()
                        + " is kept in " + account.currency().getCode() + ", the cart is in "
                        + command.currency().getCode()));
            }
            TenantDefinition definition = directory.require(ref.tenantId());
            Catalog catalog = definition.catalog();
            List<CartLine> byPosition = command.lines().stream().sorted(Comparator.comparingInt(CartLine::orderPos))
                    .toList();
            List<SuiteProduct> suiteProducts = new ArrayList<>();
            for (CartLine line : byPosition) {
                Option<SuiteProduct> sp = catalog.suiteProduct(line.suiteProductId());
                if (sp.isEmpty()) {
                    return Either.left(new BillingFailure.Rejected("suite_product_unknown", "suite product "
                            + line.suiteProductId() + " is not in the catalog"));
                }
                suiteProducts.add(sp.get());
            }
            List<String> booked = new ArrayList<>();
            List<InvoiceLine> invoiceLines = new ArrayList<>();
            for (int i = 0; i < byPosition.size(); i++) {
                CartLine line = byPosition.get(i);
                Option<SuiteProduct> sp = Option.some(suiteProducts.get(i));
                List<SubscribedCharge> charges = SubscriptionCharges.book(sp.get().id(), line.ratePlans(),
                        line.quantity(), command.currency(), command.tax(), command.today(), chargeIds(ref.tenantId()));
                Subscription fresh = new Subscription(store.newId(), ref.tenantId(), account.id(),
                        store.nextNumber(ref.tenantId(), LedgerStore.NumberKind.SUBSCRIPTION), secrets.guid(),
                        command.today(), command.today(), TermSchedule.of(command.today(), sp.get()),
                        sp.get().autoRenew(), command.today(), null, 1, command.at(), charges);
                SubscriptionBilling.Billed first = SubscriptionBilling.due(fresh, catalog, command.today(),
                        command.tax());
                store.saveSubscription(first.subscription());
                booked.add(fresh.id() + ":" + sp.get().id());
                invoiceLines.addAll(first.lines());
            }
            String invoiceId = "";
            if (!invoiceLines.isEmpty()) {
                Invoice invoice = Invoice.raise(store.newId(), store.nextNumber(ref.tenantId(),
                        LedgerStore.NumberKind.INVOICE), definition.tenant(), account, command.today(), command.tax(),
                        invoiceLines, command.at());
                store.addInvoice(invoice);
                invoiceId = invoice.id();
            }
            return Either.right(String.join(",", booked) + "|" + invoiceId);
        }), result -> subscribed(ref, result));
    }

    @Override
    public Either<BillingFailure, Amended> changeQuantity(RequestKey key, QuantityChange command) {
        ChangeAction action = command.change().action();
        if (action != ChangeAction.QUANTITY_UPGRADE && action != ChangeAction.QUANTITY_DOWNGRADE) {
            throw new IllegalArgumentException("a quantity change amends with a quantity action, not " + action);
        }
        return amend(key, "change-quantity", command.change());
    }

    @Override
    public Either<BillingFailure, Amended> replacePlan(RequestKey key, PlanReplacement command) {
        ChangeAction action = command.change().action();
        if (action != ChangeAction.UPGRADE && action != ChangeAction.DOWNGRADE) {
            throw new IllegalArgumentException("a plan replacement amends with an upgrade or downgrade, not " + action);
        }
        return amend(key, "replace-plan", command.change());
    }

    @Override
    public Either<BillingFailure, Amended> cancel(RequestKey key, Cancellation command) {
        if (command.change().action() != ChangeAction.CANCEL || !command.change().newCharges().isEmpty()) {
            throw new IllegalArgumentException("a cancellation amends with the CANCEL action and starts no charge");
        }
        return amend(key, "cancel", command.change());
    }

    /**
     * Withdraws the change pending on the effective date: a new version in which the segments that
     * start on it are gone, the segments that end on it are open again and the cancel date (if it was
     * that day's cancel) is cleared; recorded as an amendment with the withdrawn change's action and
     * the withdrawal's description. Refused when the subscription is not the version or charged-through
     * date previewed, when nothing is pending on that date, or when the pending change is in effect by
     * the request date.
     */
    @Override
    public Either<BillingFailure, Amended> withdraw(RequestKey key, Withdrawal w) {
        AccountRef ref = w.account();
        return once(ref.tenantId(), key, "withdraw", () -> locked(ref).flatMap(account -> {
            Option<Subscription> found = Option.ofOptional(store.subscriptions(ref.tenantId(), account.id()).stream()
                    .filter(s -> s.id().equals(w.subscriptionId())).findFirst());
            if (found.isEmpty()) {
                return Either.left(new BillingFailure.NotFound("subscription " + w.subscriptionId()));
            }
            Subscription subscription = found.get();
            if (subscription.version() != w.version()
                    || !subscription.chargedThroughDate().equals(w.chargedThrough())) {
                return Either.left(new BillingFailure.Rejected("subscription_changed", "subscription "
                        + subscription.number() + " is at version " + subscription.version() + ", charged through "
                        + subscription.chargedThroughDate() + "; the withdrawal was previewed on version "
                        + w.version() + ", charged through " + w.chargedThrough()));
            }
            LocalDate effective = w.effectiveDate();
            boolean cancelPending = effective.equals(subscription.cancelDate());
            boolean segmentsPending = subscription.charges().stream()
                    .anyMatch(c -> c.effectiveStart().equals(effective));
            Option<Amendment> pending = Option.ofOptional(store.amendments(ref.tenantId(), subscription.id()).stream()
                    .filter(x -> x.effectiveDate().equals(effective) && x.version() == subscription.version())
                    .findFirst());
            if (!effective.isAfter(w.requestDate()) || (!cancelPending && !segmentsPending) || pending.isEmpty()) {
                return Either.left(new BillingFailure.Rejected("no_pending_change", "subscription "
                        + subscription.number() + " has no change pending on " + effective));
            }
            List<SubscribedCharge> charges = new ArrayList<>();
            for (SubscribedCharge c : subscription.charges()) {
                if (c.effectiveStart().equals(effective)) {
                    continue;
                }
                charges.add(effective.equals(c.effectiveEnd()) ? c.endingOn(null) : c);
            }
            Subscription restored = subscription.amended(charges, subscription.chargedThroughDate(),
                    cancelPending ? null : subscription.cancelDate());
            store.saveSubscription(restored);
            Amendment amendment = new Amendment(store.newId(), ref.tenantId(), subscription.id(),
                    pending.get().action(), w.requestDate(), w.requestDate(), restored.version(), w.description(),
                    null, w.at());
            store.addAmendment(amendment);
            return Either.right(AMENDMENT + subscription.id() + "|" + amendment.id());
        }), result -> amended(ref, result));
    }

    /**
     * Books the previewed amendment: every open segment ends on the effective date (one-time charges
     * only for a cancel), the new segments start there under the ledger's ids, the subscription's next
     * version (a cancel sets its cancel date; the charged-through date stays), the invoice of the
     * previewed lines if any, and the amendment. Refused when the subscription is not the version or
     * not charged through the date it was previewed on.
     */
    private Either<BillingFailure, Amended> amend(RequestKey key, String kind, BillingGateway.PreviewedChange a) {
        AccountRef ref = a.account();
        return once(ref.tenantId(), key, kind, () -> locked(ref).flatMap(account -> {
            Option<Subscription> found = Option.ofOptional(store.subscriptions(ref.tenantId(), account.id()).stream()
                    .filter(s -> s.id().equals(a.subscriptionId())).findFirst());
            if (found.isEmpty()) {
                return Either.left(new BillingFailure.NotFound("subscription " + a.subscriptionId()));
            }
            Subscription subscription = found.get();
            if (subscription.version() != a.version()
                    || !subscription.chargedThroughDate().equals(a.chargedThrough())) {
                return Either.left(new BillingFailure.Rejected("subscription_changed", "subscription "
                        + subscription.number() + " is at version " + subscription.version() + ", charged through "
                        + subscription.chargedThroughDate() + "; the change was previewed on version " + a.version()
                        + ", charged through " + a.chargedThrough()));
            }
            if (subscription.cancelDate() != null) {
                return Either.left(new BillingFailure.Rejected("subscription_cancelled", "subscription "
                        + subscription.number() + " is cancelled with effect from " + subscription.cancelDate()));
            }
            LocalDate effective = a.effectiveDate();
            boolean cancel = a.action() == ChangeAction.CANCEL;
            List<SubscribedCharge> charges = new ArrayList<>();
            for (SubscribedCharge c : subscription.charges()) {
                boolean open = c.effectiveEnd() == null || c.effectiveEnd().isAfter(effective);
                boolean ends = open && (cancel || c.type() != ChargeType.ONE_TIME);
                charges.add(ends ? c.endingOn(effective) : c);
            }
            for (SubscribedCharge c : a.newCharges()) {
                String id = store.newId();
                boolean newCharge = UNASSIGNED.equals(c.originalId());
                charges.add(c.withIds(id, newCharge ? id : c.originalId(),
                        newCharge ? store.nextNumber(ref.tenantId(), LedgerStore.NumberKind.CHARGE) : c.number()));
            }
            Subscription amended = subscription.amended(charges, subscription.chargedThroughDate(),
                    cancel ? effective : null);
            store.saveSubscription(amended);
            String invoiceId = null;
            if (!a.invoiceLines().isEmpty()) {
                Invoice invoice = Invoice.raise(store.newId(), store.nextNumber(ref.tenantId(),
                        LedgerStore.NumberKind.INVOICE), directory.require(ref.tenantId()).tenant(), account,
                        effective, a.tax(), a.invoiceLines(), a.at());
                store.addInvoice(invoice);
                invoiceId = invoice.id();
            }
            Amendment amendment = new Amendment(store.newId(), ref.tenantId(), subscription.id(), a.action(),
                    a.requestDate(), effective, amended.version(), a.description(), invoiceId, a.at());
            store.addAmendment(amendment);
            return Either.right(AMENDMENT + subscription.id() + "|" + amendment.id());
        }), result -> amended(ref, result));
    }

    // ---- request keys -------------------------------------------------------------------------

    /**
     * Runs {@code command} once per request key, in a unit of work of its own: a key seen before
     * answers {@code answer} of what it recorded then. A refusal records nothing. The answer is read
     * in the same unit (after the command, on its connection): what the command just wrote, or what
     * the key recorded before.
     */
    private <T> Either<BillingFailure, T> once(long tenantId, RequestKey key, String kind,
            Supplier<Either<BillingFailure, String>> command, Function<String, Either<BillingFailure, T>> answer) {
        try {
            return transactions.inTransaction(() -> {
                Option<String> seen = store.requestResult(tenantId, key.value());
                if (seen.isDefined()) {
                    return answer.apply(seen.get());
                }
                Either<BillingFailure, String> done = command.get();
                done.forEach(r -> store.recordRequest(tenantId, key.value(), kind, r, clock.instant()));
                return done.flatMap(answer);
            });
        } catch (IllegalStateException raced) {
            // the same key was booked by a concurrent command, which won: answer what it created
            return transactions.inTransaction(() -> {
                Option<String> seen = store.requestResult(tenantId, key.value());
                if (seen.isEmpty()) {
                    throw raced;
                }
                return answer.apply(seen.get());
            });
        }
    }

    private Either<BillingFailure, BillingAccount> locked(AccountRef ref) {
        return store.lockAccount(ref.tenantId(), ref.accountId())
                .filter(a -> a.userId() == ref.userId())
                .toEither(() -> notFound(ref));
    }

    private Either<BillingFailure, Subscribed> subscribed(AccountRef ref, String result) {
        String[] parts = result.split("\\|", -1);
        List<Subscription> all = store.subscriptions(ref.tenantId(), ref.accountId());
        List<BookedSubscription> booked = new ArrayList<>();
        for (String entry : parts[0].split(",")) {
            String id = entry.substring(0, entry.indexOf(':'));
            long suiteProductId = Long.parseLong(entry.substring(entry.indexOf(':') + 1));
            Option<Subscription> s = Option.ofOptional(all.stream().filter(x -> x.id().equals(id)).findFirst());
            if (s.isEmpty()) {
                return Either.left(lost("subscription " + id));
            }
            booked.add(new BookedSubscription(s.get().id(), s.get().number(), s.get().uuid(), suiteProductId));
        }
        // the answer carries the records it read, so the checkout's events need not read them again
        return recordedInvoice(ref.tenantId(), parts[1])
                .filterOrElse(invoice -> invoice.forAll(i -> i.accountId().equals(ref.accountId())),
                        invoice -> lost("invoice " + parts[1]))
                .map(invoice -> new Subscribed(booked, invoice.map(BuiltInLedger::invoiceRef).getOrNull(),
                        Option.some(new AsBooked(all, invoice))));
    }

    private Either<BillingFailure, Amended> amended(AccountRef ref, String result) {
        String[] parts = result.substring(AMENDMENT.length()).split("\\|", -1);
        Option<Amendment> amendment = Option.ofOptional(store.amendments(ref.tenantId(), parts[0]).stream()
                .filter(x -> x.id().equals(parts[1])).findFirst());
        if (amendment.isEmpty()) {
            return Either.left(lost("amendment " + parts[1]));
        }
        String invoiceId = amendment.get().invoiceId() == null ? "" : amendment.get().invoiceId();
        return recordedInvoice(ref.tenantId(), invoiceId).map(invoice -> new Amended(amendment.get().id(),
                amendment.get().version(), invoice.map(BuiltInLedger::invoiceRef).getOrNull()));
    }

    /** The invoice a request key recorded ("" for none), read again; lost when it is gone. */
    private Either<BillingFailure, Option<Invoice>> recordedInvoice(long tenantId, String invoiceId) {
        if (invoiceId.isEmpty()) {
            return Either.right(Option.none());
        }
        return store.invoice(tenantId, invoiceId).map(Option::some).toEither(() -> lost("invoice " + invoiceId));
    }

    private static InvoiceRef invoiceRef(Invoice invoice) {
        return new InvoiceRef(invoice.id(), invoice.number());
    }

    private static BillingFailure notFound(AccountRef ref) {
        return new BillingFailure.NotFound("account " + ref.accountId());
    }

    /** What a request key recorded is gone: the ledger's data was changed behind its back. */
    private static BillingFailure lost(String what) {
        return new BillingFailure.NotFound(what + " (recorded for the request, no longer in the ledger)");
    }

    private SubscriptionCharges.Ids chargeIds(long tenantId) {
        return new SubscriptionCharges.Ids() {
            @Override
            public String chargeId() {
                return store.newId();
            }

            @Override
            public String chargeNumber() {
                return store.nextNumber(tenantId, LedgerStore.NumberKind.CHARGE);
            }
        };
    }
}
