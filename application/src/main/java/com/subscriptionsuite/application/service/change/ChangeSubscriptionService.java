package com.subscriptionsuite.application.service.change;

import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.change.ChangeCommand;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.change.ChangePreview;
import com.subscriptionsuite.application.port.in.change.ChangePreview.ChangeLine;
import com.subscriptionsuite.application.port.in.change.ChangePreview.NextInvoice;
import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.in.change.QuantityOptions;
import com.subscriptionsuite.application.port.in.change.QuantityOptions.ChangeOffer;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.QuantityLimits;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeAllowance;
import com.subscriptionsuite.domain.subscription.ChangeBehaviour;
import com.subscriptionsuite.domain.subscription.ChangeDecision;
import com.subscriptionsuite.domain.subscription.ChangeQuote;
import com.subscriptionsuite.domain.subscription.ChangeRejection;
import com.subscriptionsuite.domain.subscription.ChangeRequest;
import com.subscriptionsuite.domain.subscription.QuoteLine;
import com.subscriptionsuite.domain.subscription.SubscriptionDates;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * Previews and books subscription changes (domain-rules §4, §5; docs/subscription-changes.md, "The
 * change service"). One function, {@link #plan}, reads the subscription, decides the change
 * ({@link ChangeDecision}), books the new charge segments' prices ({@link SubscriptionCharges}) and
 * quotes the money ({@link ChangeQuote}); the preview shows its result, the booking recomputes it in
 * the unit of work under the customer's lock ({@code CustomerLocks}) with the same request date, and
 * writes it.
 */
final class ChangeSubscriptionService implements ChangeSubscription {
    /** The engine books nothing itself: new segments go to the billing system without ids, which it gives. */
    private static final SubscriptionCharges.Ids UNASSIGNED_IDS = new SubscriptionCharges.Ids() {
        @Override
        public String chargeId() {
            return BillingGateway.UNASSIGNED;
        }

        @Override
        public String chargeNumber() {
            return BillingGateway.UNASSIGNED;
        }
    };

    private final TenantDirectory directory;
    private final CustomerOperations operations;
    private final VatDetermination vat;
    private final Clock clock;

    ChangeSubscriptionService(TenantDirectory directory, CustomerOperations operations, VatDetermination vat,
            Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.vat = Objects.requireNonNull(vat, "vat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Either<ChangeFailure, ChangePreview> preview(ChangeCommand command) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return situation(command.tenantId(), command.userId(), command.subscriptionUuid(), today)
                .flatMap(s -> plan(s, command.request()))
                .map(Plan::preview);
    }

    /**
     * Books the change as a customer operation ({@link CustomerOperations}): decided under the
     * customer's lease on what the billing system holds, recorded as pending, sent as one command
     * with the operation's request key, finished with the kept answer. A repeat (same key) first asks
     * the billing system whether its first attempt was booked ({@code change_already_applied}).
     */
    @Override
    public Either<ChangeFailure, AppliedChange> apply(ChangeCommand command, Operation<AppliedChange> operation) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String step = step(command.request());
        return operations.run(command.tenantId(), command.userId(), "change", operation.key(), op -> {
            if (op.repeat()) {
                Option<AccountRef> link = op.link();
                if (link.isDefined()) {
                    Either<BillingFailure, Option<BillingGateway.Amended>> earlier = operations.gateway()
                            .amendment(link.get(), op.step(step));
                    if (earlier.isLeft()) {
                        return Either.left(new ChangeFailure.BillingFailed(earlier.getLeft()));
                    }
                    if (earlier.get().isDefined()) {
                        BillingGateway.Amended a = earlier.get().get();
                        return Either.left(new ChangeFailure.AlreadyApplied(command.subscriptionUuid(),
                                a.amendmentId(), a.version(), a.invoice() == null ? null : a.invoice().number()));
                    }
                }
            }
            return situation(command.tenantId(), command.userId(), command.subscriptionUuid(), today)
                    .flatMap(s -> plan(s, command.request()))
                    .flatMap(plan -> book(plan, command.request(), op, step, operation, now));
        });
    }

    @Override
    public Either<ChangeFailure, QuantityOptions> quantityOptions(long tenantId, long userId, String uuid) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return situation(tenantId, userId, uuid, today).map(ChangeSubscriptionService::quantityOptions);
    }

    private static String step(ChangeCommand.Request request) {
        if (request instanceof ChangeCommand.Cancel) {
            return "cancel";
        }
        return request instanceof ChangeCommand.ChangeQuantity ? "change-quantity" : "replace-plan";
    }

    /**
     * Everything a change of the subscription starts from, as of {@code today}: the subscription in
     * force (its charges active today), its suite product's catalog definition, its calendar and the
     * account's VAT decision.
     */
    private record Situation(Tenant tenant, Catalog catalog, AccountRef ref, BillingAccount account,
            Subscription subscription,
            LocalDate today, List<SubscribedCharge> active, SuiteProduct suiteProduct, RatePlan ratePlan,
            Product product, long quantity, SubscriptionDates dates, String billingPeriod, TaxDecision tax) {

        CurrencyUnit currency() {
            return account.currency();
        }

        long tenantId() {
            return tenant.id();
        }

        TaxSplit currentPeriodPrice() {
            TaxSplit sum = TaxSplit.zero(currency());
            for (SubscribedCharge c : active) {
                if (c.pricedRecurring()) {
                    sum = sum.plus(SubscriptionCharges.split(c, tax));
                }
            }
            return sum;
        }
    }

    /** A change worked out: what the preview shows, and what the booking writes. */
    private record Plan(Situation situation, ChangeQuote quote, List<SubscribedCharge> newCharges,
            ChangePreview preview, String description) {
    }

    /**
     * The customer's subscription with this uuid, through the customer's account link and the billing
     * system's reads; another customer's is as unknown as none.
     */
    private Either<ChangeFailure, Situation> situation(long tenantId, long userId, String uuid, LocalDate today) {
        return operations.linkedAccount(tenantId, userId)
                .<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                .flatMap(found -> found.toEither(() -> notFound(uuid)))
                .flatMap(linked -> operations.gateway().subscriptions(linked.ref())
                        .<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                        .flatMap(all -> Option.ofOptional(all.stream().filter(s -> s.uuid().equals(uuid)).findFirst())
                                .toEither(() -> notFound(uuid)))
                        .flatMap(s -> changeable(s, today))
                        .flatMap(s -> situation(directory.require(tenantId), linked.ref(), linked.account(), s,
                                today)));
    }

    /** A cancelled (or cancel-booked), not yet started or pending subscription takes no change. */
    private static Either<ChangeFailure, Subscription> changeable(Subscription s, LocalDate today) {
        if (s.cancelDate() != null) {
            return Either.left(new ChangeFailure.SubscriptionCancelled(s.uuid(), s.cancelDate()));
        }
        LocalDate start = s.startDate().isAfter(s.billingAnchor()) ? s.startDate() : s.billingAnchor();
        if (today.isBefore(start)) {
            return Either.left(new ChangeFailure.SubscriptionNotStarted(s.uuid(), start));
        }
        Option<LocalDate> pending = Option.ofOptional(s.pendingAfter(today).stream()
                .map(SubscribedCharge::effectiveStart).min(LocalDate::compareTo));
        if (pending.isDefined()) {
            return Either.left(new ChangeFailure.ChangePending(s.uuid(), pending.getOrElse(today)));
        }
        return Either.right(s);
    }

    private Either<ChangeFailure, Situation> situation(TenantDefinition definition, AccountRef ref,
            BillingAccount account, Subscription s, LocalDate today) {
        List<SubscribedCharge> active = s.chargesOn(today);
        List<SubscribedCharge> recurring = recurringOf(active);
        if (recurring.isEmpty()) {
            return Either.left(new ChangeFailure.SubscriptionNotRecurring(s.uuid()));
        }
        Set<String> periods = new LinkedHashSet<>();
        for (SubscribedCharge c : recurring) {
            periods.add(periodLabel(c.billingPeriod(), c.specificBillingPeriod()));
        }
        SubscribedCharge first = recurring.get(0);
        if (periods.size() != 1 || first.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM) {
            return Either.left(new ChangeFailure.BillingPeriodNotSupported(s.uuid(), List.copyOf(periods)));
        }
        Catalog catalog = definition.catalog();
        long suiteProductId = first.suiteProductId();
        TaxDecision tax = vat.decide(definition.tenant().vatSeller(), account.details().taxCustomer(), today);
        SubscriptionDates dates = new SubscriptionDates(SubscriptionBilling.cycleOf(s.billingAnchor(), first), s.terms());
        return catalog.suiteProduct(suiteProductId)
                .toEither(() -> withdrawn(suiteProductId, "not in the catalog"))
                .flatMap(sp -> catalog.ratePlan(sp.ratePlanId())
                        .toEither(() -> withdrawn(suiteProductId, "rate plan " + sp.ratePlanId() + " not in the catalog"))
                        .flatMap(plan -> catalog.productIncludingDeleted(plan.productId())
                                .toEither(() -> withdrawn(suiteProductId, "product " + plan.productId()
                                        + " not in the catalog"))
                                .map(product -> new Situation(definition.tenant(), catalog, ref, account, s, today,
                                        active,
                                        sp, plan, product, first.quantity(), dates,
                                        periods.iterator().next(), tax))));
    }

    private Either<ChangeFailure, Plan> plan(Situation s, ChangeCommand.Request request) {
        SubscriptionCharges.Ids ids = UNASSIGNED_IDS;
        if (request instanceof ChangeCommand.Cancel cancel) {
            if (!s.tenant().customerCenterSettings().canCancelSubscriptions()) {
                return Either.left(new ChangeFailure.CancelNotOffered());
            }
            return decide(s, new ChangeRequest.Cancel(cancel.wishedEffectiveDate()))
                    .map(allowance -> priced(s, allowance, List.of(), s.suiteProduct(), s.product(), s.quantity(),
                            "Cancel with effect from " + allowance.effectiveDate()));
        }
        if (request instanceof ChangeCommand.ChangeQuantity change) {
            return decide(s, ChangeRequest.changeQuantity(s.quantity(), change.quantity(), s.ratePlan().charges()))
                    .flatMap(allowance -> discountPlans(s).map(discounts -> {
                        List<RatePlan> plans = new ArrayList<>();
                        plans.add(withoutOneTimeCharges(s.ratePlan()));
                        plans.addAll(discounts);
                        List<SubscribedCharge> next = SubscriptionCharges.continueAt(s.suiteProduct().id(), plans,
                                change.quantity(), s.currency(), s.tax(), allowance.effectiveDate(), ids,
                                continuing(s.subscription()));
                        return priced(s, allowance, next, s.suiteProduct(), s.product(), change.quantity(),
                                "Quantity from " + s.quantity() + " to " + change.quantity() + " with effect from "
                                        + allowance.effectiveDate());
                    }));
        }
        ChangeCommand.Replace replace = (ChangeCommand.Replace) request;
        return decide(s, ChangeRequest.replace(replace.changeOptionId()))
                .flatMap(allowance -> target(s, replace.changeOptionId()).map(target -> {
                    List<SubscribedCharge> next = SubscriptionCharges.book(target.suiteProduct().id(),
                            List.of(withoutOneTimeCharges(target.ratePlan())), s.quantity(), s.currency(), s.tax(),
                            allowance.effectiveDate(), ids);
                    String kind = allowance.action() == ChangeAction.UPGRADE ? "Upgrade" : "Downgrade";
                    return priced(s, allowance, next, target.suiteProduct(), target.product(), s.quantity(),
                            kind + " from " + s.suiteProduct().name() + " to " + target.suiteProduct().name()
                                    + " (change option " + replace.changeOptionId() + ") with effect from "
                                    + allowance.effectiveDate());
                }));
    }

    private static Either<ChangeFailure, ChangeAllowance> decide(Situation s, ChangeRequest request) {
        return ChangeDecision.decide(request, s.today(), s.suiteProduct(), s.dates(),
                s.tenant().customerCenterSettings()).mapLeft(ChangeFailure.Refused::new);
    }

    /** The target of a change option as the replacement books it. */
    private record Target(SuiteProduct suiteProduct, RatePlan ratePlan, Product product) {
    }

    /**
     * The change option's target, if it can be booked for this subscription: on sale to customers
     * today, priced in the account's currency, allowing the current quantity, billed in the same
     * billing period.
     */
    private static Either<ChangeFailure, Target> target(Situation s, long changeOptionId) {
        Catalog catalog = s.catalog();
        Option<ChangeOption> option = Option.ofOptional(s.suiteProduct().changeOptions().stream()
                .filter(o -> o.id() == changeOptionId).findFirst());
        return option.toEither(() -> (ChangeFailure) new ChangeFailure.Refused(
                        new ChangeRejection.ChangeOptionNotFound(s.suiteProduct().id(), changeOptionId)))
                .flatMap(o -> catalog.suiteProduct(o.targetSuiteProductId())
                        .filter(sp -> sp.effectiveOn(s.today()) && sp.purchasableByCustomer())
                        .flatMap(sp -> catalog.ratePlan(sp.ratePlanId())
                                .flatMap(plan -> catalog.product(plan.productId())
                                        .map(product -> new Target(sp, plan, product))))
                        .toEither(() -> new ChangeFailure.ChangeOptionUnavailable(changeOptionId,
                                o.targetSuiteProductId())))
                .flatMap(t -> bookable(s, changeOptionId, t));
    }

    private static Either<ChangeFailure, Target> bookable(Situation s, long changeOptionId, Target t) {
        BigDecimal quantity = BigDecimal.valueOf(s.quantity());
        for (Charge charge : t.ratePlan().charges()) {
            if (!charge.soldIn(s.currency())) {
                return Either.left(new ChangeFailure.NotPricedInCurrency(changeOptionId, t.suiteProduct().id(),
                        s.currency().getCode()));
            }
        }
        for (Charge charge : t.ratePlan().charges()) {
            Option<String> limit = QuantityLimits.violated(charge, quantity);
            if (limit.isDefined()) {
                return Either.left(new ChangeFailure.Refused(new ChangeRejection.QuantityOutOfRange(s.quantity(),
                        charge.id(), limit.getOrElse(""))));
            }
        }
        for (Charge charge : t.ratePlan().charges()) {
            if (charge.type() == ChargeType.RECURRING && !charge.model().isDiscount()) {
                String period = periodLabel(charge.billingPeriod(), charge.specificBillingPeriod());
                if (!period.equals(s.billingPeriod())) {
                    return Either.left(new ChangeFailure.BillingPeriodChangeNotSupported(changeOptionId,
                            s.billingPeriod(), period));
                }
            }
        }
        if (t.ratePlan().charges().stream().noneMatch(c -> c.type() == ChargeType.RECURRING)) {
            return Either.left(new ChangeFailure.BillingPeriodChangeNotSupported(changeOptionId, s.billingPeriod(),
                    ChargeType.ONE_TIME.wireName()));
        }
        return Either.right(t);
    }

    /**
     * The voucher discount plans the subscription carries today, as booked: each catalog plan cut
     * down to the discount charges the subscription has (a fixed amount the checkout gave only to
     * another suite product stays out), without one-time charges.
     */
    private static Either<ChangeFailure, List<RatePlan>> discountPlans(Situation s) {
        Map<Long, Set<Long>> booked = new LinkedHashMap<>();
        for (SubscribedCharge c : s.active()) {
            if (c.discount()) {
                booked.computeIfAbsent(c.ratePlanId(), id -> new LinkedHashSet<>()).add(c.chargeId());
            }
        }
        List<RatePlan> plans = new ArrayList<>();
        for (Map.Entry<Long, Set<Long>> entry : booked.entrySet()) {
            Either<ChangeFailure, RatePlan> plan = s.catalog().ratePlan(entry.getKey())
                    .toEither(() -> withdrawn(s.suiteProduct().id(), "discount rate plan " + entry.getKey()
                            + " not in the catalog"))
                    .map(whole -> withCharges(whole, whole.charges().stream()
                            .filter(c -> c.type() != ChargeType.ONE_TIME && entry.getValue().contains(c.id()))
                            .toList()));
            if (plan.isLeft()) {
                return Either.left(plan.getLeft());
            }
            plan.peek(plans::add);
        }
        return Either.right(plans);
    }

    /** The segments a quantity change continues: the open ones, one-time charges aside. */
    private static List<SubscribedCharge> continuing(Subscription s) {
        return s.charges().stream().filter(c -> c.effectiveEnd() == null && c.type() != ChargeType.ONE_TIME).toList();
    }

    /**
     * Quotes the change and words it for the customer. A change that takes effect immediately is
     * prorated only against a billing period that was invoiced (charged through a later day); when
     * the period of the effective date has not been invoiced yet, there is nothing to credit, and the
     * billing run invoices that period from the segments, so the quote has no lines.
     */
    private static Plan priced(Situation s, ChangeAllowance allowance, List<SubscribedCharge> next,
            SuiteProduct after, Product product, long quantityAfter, String description) {
        ChangeQuote quote = ChangeQuote.quote(allowance, s.dates(), SubscriptionCharges.recurring(s.active()),
                SubscriptionCharges.recurring(next), s.tax(), s.currency());
        if (quote instanceof ChangeQuote.Prorated
                && !s.subscription().chargedThroughDate().isAfter(allowance.effectiveDate())) {
            quote = new ChangeQuote.Scheduled(allowance, quote.newPeriodPrice());
        }
        List<ChangeLine> lines = new ArrayList<>(quote.lines().size());
        for (QuoteLine line : quote.lines()) {
            boolean credit = line.kind() == QuoteLine.Kind.CREDIT;
            SubscribedCharge charge = chargeOf(credit ? recurringOf(s.active()) : recurringOf(next), line.chargeId());
            String name = charge.name() + quantityNote(charge);
            lines.add(new ChangeLine(line.kind(), line.chargeId(), charge.name(), charge.quantity(),
                    credit ? "Credit: " + name : name, allowance.effectiveDate(), quote.nextBillingDate(),
                    line.periodPrice(), line.factor(), line.amounts()));
        }
        boolean cancel = allowance.action() == ChangeAction.CANCEL;
        LocalDate chargedThrough = s.subscription().chargedThroughDate();
        LocalDate nextBillingDate = cancel && !allowance.effectiveDate().isAfter(chargedThrough) ? null
                : chargedThrough;
        TaxSplit currentPrice = s.currentPeriodPrice();
        NextInvoice nextInvoice;
        if (!lines.isEmpty()) {
            nextInvoice = new NextInvoice(allowance.effectiveDate(), true, quote.total());
        } else if (nextBillingDate != null) {
            boolean newPrice = !cancel && !nextBillingDate.isBefore(allowance.effectiveDate());
            nextInvoice = new NextInvoice(nextBillingDate, false, newPrice ? quote.newPeriodPrice() : currentPrice);
        } else {
            nextInvoice = null;
        }
        ChangePreview preview = new ChangePreview(s.subscription().uuid(), s.subscription().number(), quote, product,
                s.suiteProduct().id(), after.id(), s.quantity(), quantityAfter, s.currency(), s.tax(),
                s.billingPeriod(), lines, currentPrice, cancel ? null : quote.nextBillingDate(), nextBillingDate,
                nextInvoice);
        return new Plan(s, quote, next, preview, description);
    }

    /**
     * Sends the planned change to the billing system: every open segment ends on the effective date
     * (all of them for a cancel, one-time charges aside for the other changes), the new ones start
     * there, and a prorated change raises the invoice (or credit note) of the preview's lines. The
     * charged-through date stays: a prorated change settles the rest of a period that was invoiced
     * already, and the next regular invoice is still due at its end.
     */
    private Either<ChangeFailure, AppliedChange> book(Plan plan, ChangeCommand.Request request,
            CustomerOperations.Keyed op, String step, Operation<AppliedChange> operation, Instant now) {
        Situation s = plan.situation();
        Subscription subscription = s.subscription();
        List<InvoiceLine> lines = plan.preview().lines().stream()
                .map(l -> new InvoiceLine(subscription.number(), l.chargeId(), l.description(), l.serviceStart(),
                        l.serviceEnd(), l.amounts()))
                .toList();
        BillingGateway.PreviewedChange change = new BillingGateway.PreviewedChange(s.ref(), subscription.id(),
                subscription.version(), subscription.chargedThroughDate(), plan.quote().allowance().action(),
                s.today(), plan.quote().effectiveDate(), plan.newCharges(), lines, s.tax(), plan.description(), now);
        BillingGateway gateway = operations.gateway();
        operations.begin(op);
        Either<BillingFailure, BillingGateway.Amended> booked;
        if (request instanceof ChangeCommand.Cancel) {
            booked = gateway.cancel(op.step(step), new BillingGateway.Cancellation(change));
        } else if (request instanceof ChangeCommand.ChangeQuantity quantity) {
            booked = gateway.changeQuantity(op.step(step), new BillingGateway.QuantityChange(change,
                    quantity.quantity()));
        } else {
            ChangeCommand.Replace replace = (ChangeCommand.Replace) request;
            booked = gateway.replacePlan(op.step(step), new BillingGateway.PlanReplacement(change,
                    replace.changeOptionId(), plan.preview().suiteProductId()));
        }
        return booked.<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                .map(a -> operations.commit(op, () -> new AppliedChange(plan.preview(), a.amendmentId(), a.version(),
                        a.invoice() == null ? null : a.invoice().id(), a.invoice() == null ? null
                                : a.invoice().number()), operation.keepAnswer(), events(plan, change, lines, a)));
    }

    /**
     * The change's business events (docs/events.md): the amendment by its kind (a cancel books
     * {@code subscription.cancel_booked} now and schedules {@code subscription.cancelled} for its
     * effective date), and the invoice (or credit) it raised at once, from the lines booked exactly as
     * previewed, dated the effective date as the billing system dates it.
     */
    private static List<CustomerOperations.Booked> events(Plan plan, BillingGateway.PreviewedChange change,
            List<InvoiceLine> lines, BillingGateway.Amended a) {
        Situation s = plan.situation();
        Subscription sub = s.subscription();
        ChangePreview p = plan.preview();
        ChangeAction action = change.action();
        EventType type = switch (action) {
            case CANCEL -> EventType.SUBSCRIPTION_CANCEL_BOOKED;
            case QUANTITY_UPGRADE, QUANTITY_DOWNGRADE -> EventType.SUBSCRIPTION_QUANTITY_CHANGED;
            case UPGRADE -> EventType.SUBSCRIPTION_UPGRADED;
            case DOWNGRADE -> EventType.SUBSCRIPTION_DOWNGRADED;
        };
        String currency = s.currency().getCode();
        List<EventPayload.InvoiceLineItem> items = lines.stream().map(EventPayload.InvoiceLineItem::of).toList();
        EventPayload.Amounts total = a.invoice() == null ? null
                : EventPayload.Amounts.sum(items.stream().map(EventPayload.InvoiceLineItem::amounts).toList(),
                        currency);
        List<CustomerOperations.Booked> events = new ArrayList<>();
        events.add(CustomerOperations.Booked.now(type, sub.id(), new EventPayload.SubscriptionChanged(s.ref().accountId(),
                s.ref().userId(), sub.id(), sub.number(), sub.uuid(), a.amendmentId(), a.version(), action.wireName(),
                p.currentSuiteProductId(), p.suiteProductId(), p.currentQuantity(), p.quantity(), currency,
                change.requestDate(), change.effectiveDate(),
                change.newCharges().stream().map(EventPayload.ChargeLine::of).toList(), items, total,
                a.invoice() == null ? null : a.invoice().id(), a.invoice() == null ? null : a.invoice().number())));
        if (a.invoice() != null && !lines.isEmpty()) {
            events.add(CustomerOperations.Booked.now(EventType.INVOICE_RAISED, sub.id(), new EventPayload.InvoiceRaised(
                    s.ref().accountId(), a.invoice().id(), a.invoice().number(), change.effectiveDate(),
                    change.effectiveDate().plusDays(Invoice.PAYMENT_TERM_DAYS), currency,
                    change.tax().rate().toPlainString(), change.tax().explanation(), items, total, "change")));
        }
        if (action == ChangeAction.CANCEL) {
            events.add(new CustomerOperations.Booked(EventType.SUBSCRIPTION_CANCELLED, sub.id(),
                    new EventPayload.SubscriptionCancelled(s.ref().accountId(), s.ref().userId(), sub.id(),
                            sub.number(), sub.uuid(), p.currentSuiteProductId(), change.effectiveDate(), a.amendmentId()),
                    change.effectiveDate()).once(s.tenantId(), cancelledEventParts(sub.id(), change.effectiveDate())));
        }
        return events;
    }

    /**
     * What the id of a cancel's scheduled {@code subscription.cancelled} is derived from: the
     * subscription and the effective date, so a withdrawal of the cancel finds it to drop it.
     */
    static String[] cancelledEventParts(String subscriptionId, LocalDate effectiveDate) {
        return new String[] {"subscription.cancelled", subscriptionId, effectiveDate.toString()};
    }

    private static QuantityOptions quantityOptions(Situation s) {
        SuiteProduct sp = s.suiteProduct();
        long min = 1;
        Long max = null;
        for (Charge charge : s.ratePlan().charges()) {
            if (!charge.model().usesQuantity()) {
                continue;
            }
            if (charge.minQuantity() != null) {
                min = Math.max(min, charge.minQuantity().setScale(0, RoundingMode.CEILING).longValueExact());
            }
            if (charge.maxQuantity() != null) {
                long limit = charge.maxQuantity().setScale(0, RoundingMode.FLOOR).longValueExact();
                max = max == null ? limit : Math.min(max, limit);
            }
        }
        if (!sp.differentQuantitiesAllowed()) {
            min = s.quantity();
            max = s.quantity();
        }
        return new QuantityOptions(s.subscription().uuid(), s.subscription().number(), s.product(), sp.id(),
                s.quantity(), min, max, sp.differentQuantitiesAllowed(), sp.hasContactUsLink(), s.currency(),
                s.tax(), s.billingPeriod(), s.currentPeriodPrice(), offer(s, ChangeAction.QUANTITY_UPGRADE),
                offer(s, ChangeAction.QUANTITY_DOWNGRADE));
    }

    private static ChangeOffer offer(Situation s, ChangeAction action) {
        ChangeRules rules = s.suiteProduct().changeRules();
        return ChangeDecision.offer(action, s.today(), s.suiteProduct(), s.dates(),
                        s.tenant().customerCenterSettings())
                .fold(refused -> new ChangeOffer(action, action.behaviour(rules), action.timing(rules), null),
                        allowed -> new ChangeOffer(action, ChangeBehaviour.SELF_SERVICE, allowed.timing(),
                                allowed.effectiveDate()));
    }

    private static List<SubscribedCharge> recurringOf(List<SubscribedCharge> charges) {
        return charges.stream().filter(SubscribedCharge::pricedRecurring).toList();
    }

    private static SubscribedCharge chargeOf(List<SubscribedCharge> charges, long chargeId) {
        return charges.stream().filter(c -> c.chargeId() == chargeId).findFirst()
                .orElseThrow(() -> new IllegalStateException("quoted charge " + chargeId + " is not booked"));
    }

    /** " (quantity 3)" for a charge priced by quantity; nothing for a flat fee. */
    private static String quantityNote(SubscribedCharge charge) {
        boolean byQuantity = ChargeModel.fromWireName(charge.model()).map(ChargeModel::usesQuantity).getOrElse(true);
        return byQuantity ? " (quantity " + charge.quantity() + ")" : "";
    }

    /** {@code Month}, {@code Annual}, {@code Specific_Months_3}: a billing period with its length when it needs one. */
    private static String periodLabel(BillingPeriod period, Integer specific) {
        if (period == null) {
            return ChargeType.ONE_TIME.wireName();
        }
        return period.needsLength() ? period.wireName() + "_" + specific : period.wireName();
    }

    private static RatePlan withoutOneTimeCharges(RatePlan plan) {
        return withCharges(plan, plan.charges().stream().filter(c -> c.type() != ChargeType.ONE_TIME).toList());
    }

    private static RatePlan withCharges(RatePlan plan, List<Charge> charges) {
        return new RatePlan(plan.id(), plan.zuoraId(), plan.productId(), plan.name(), plan.description(),
                plan.effectiveStartDate(), plan.effectiveEndDate(), charges);
    }

    private static ChangeFailure notFound(String uuid) {
        return new ChangeFailure.SubscriptionNotFound(uuid);
    }

    private static ChangeFailure withdrawn(long suiteProductId, String what) {
        return new ChangeFailure.SuiteProductWithdrawn(suiteProductId, what);
    }
}
