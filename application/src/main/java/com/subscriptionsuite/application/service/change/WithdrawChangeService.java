package com.subscriptionsuite.application.service.change;

import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.change.ChangePreview.NextInvoice;
import com.subscriptionsuite.application.port.in.change.PendingWithdrawal;
import com.subscriptionsuite.application.port.in.change.WithdrawChange;
import com.subscriptionsuite.application.port.in.change.WithdrawnChange;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionCharges;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Withdraws a change or cancel booked for a later date (docs/subscription-changes.md, "Withdrawing a
 * pending change"). One function, {@link #plan}, reads the subscription and works out what is
 * pending and what the subscription is after the withdrawal; the preview shows it, the withdrawal
 * recomputes it under the customer's lease with the same request date and sends it to the billing
 * system as one keyed command, then commits the event (and drops a withdrawn cancel's scheduled
 * {@code subscription.cancelled}) with the kept answer.
 */
final class WithdrawChangeService implements WithdrawChange {
    static final String STEP = "withdraw-change";

    private final TenantDirectory directory;
    private final CustomerOperations operations;
    private final VatDetermination vat;
    private final Clock clock;
    private final BusinessEvents events;

    WithdrawChangeService(TenantDirectory directory, CustomerOperations operations, VatDetermination vat, Clock clock,
            BusinessEvents events) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.vat = Objects.requireNonNull(vat, "vat");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Either<ChangeFailure, PendingWithdrawal> preview(WithdrawCommand command) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return plan(command, today).map(Plan::withdrawal);
    }

    /**
     * Withdraws as a customer operation ({@link CustomerOperations}). A repeat (same key) that finds
     * nothing pending any more answers {@code change_already_withdrawn}: its first attempt withdrew it
     * (the customer's lease keeps other operations of the customer out meanwhile).
     */
    @Override
    public Either<ChangeFailure, WithdrawnChange> withdraw(WithdrawCommand command,
            Operation<WithdrawnChange> operation) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return operations.run(command.tenantId(), command.userId(), "withdraw-change", operation.key(), op -> {
            Either<ChangeFailure, Plan> planned = plan(command, today);
            if (op.repeat() && planned.isLeft() && (planned.getLeft() instanceof ChangeFailure.NoPendingChange
                    || planned.getLeft() instanceof ChangeFailure.ChangeInEffect)) {
                return Either.left(new ChangeFailure.AlreadyWithdrawn(command.subscriptionUuid()));
            }
            return planned.flatMap(plan -> book(plan, op, operation, now));
        });
    }

    /** What is withdrawn, on which subscription, and what the billing system is told. */
    private record Plan(AccountRef ref, BillingAccount account, Subscription subscription, PendingWithdrawal withdrawal) {
    }

    private Either<ChangeFailure, Plan> plan(WithdrawCommand command, LocalDate today) {
        String uuid = command.subscriptionUuid();
        return operations.linkedAccount(command.tenantId(), command.userId())
                .<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                .flatMap(found -> found.toEither(() -> (ChangeFailure) new ChangeFailure.SubscriptionNotFound(uuid)))
                .flatMap(linked -> operations.gateway().subscriptions(linked.ref())
                        .<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                        .flatMap(all -> Option.ofOptional(all.stream().filter(s -> s.uuid().equals(uuid)).findFirst())
                                .toEither(() -> (ChangeFailure) new ChangeFailure.SubscriptionNotFound(uuid)))
                        .flatMap(s -> withdrawal(directory.require(command.tenantId()), linked.account(), s, today)
                                .map(w -> new Plan(linked.ref(), linked.account(), s, w))));
    }

    /**
     * The pending change of {@code s} as of {@code today}: a cancel dated after today, or the charge
     * segments that start after today (the earliest day is the change's). Refused when nothing is
     * pending (and, when the last change or the cancel took effect today or before, saying so), and
     * when the pending change was invoiced already (its effective date falls in an invoiced period:
     * it raised an invoice or credit note at once).
     */
    private Either<ChangeFailure, PendingWithdrawal> withdrawal(TenantDefinition definition, BillingAccount account,
            Subscription s, LocalDate today) {
        String kind;
        LocalDate effective;
        List<SubscribedCharge> pendingCharges = List.of();
        if (s.cancelDate() != null) {
            if (!s.cancelDate().isAfter(today)) {
                return Either.left(new ChangeFailure.ChangeInEffect(s.uuid(), s.cancelDate()));
            }
            kind = "cancel";
            effective = s.cancelDate();
        } else {
            Option<LocalDate> next = Option.ofOptional(s.pendingAfter(today).stream()
                    .map(SubscribedCharge::effectiveStart).min(LocalDate::compareTo));
            if (next.isEmpty()) {
                Option<LocalDate> last = Option.ofOptional(s.charges().stream().map(SubscribedCharge::effectiveStart)
                        .filter(d -> d.isAfter(s.startDate()) && !d.isAfter(today)).max(LocalDate::compareTo));
                return Either.left(last.isDefined() ? new ChangeFailure.ChangeInEffect(s.uuid(), last.get())
                        : new ChangeFailure.NoPendingChange(s.uuid()));
            }
            effective = next.get();
            LocalDate day = effective;
            pendingCharges = s.charges().stream().filter(c -> c.effectiveStart().equals(day)).toList();
            kind = null;
        }
        if (effective.isBefore(s.chargedThroughDate())) {
            return Either.left(new ChangeFailure.ChangeInvoiced(s.uuid(), effective, s.chargedThroughDate()));
        }
        TaxDecision tax = vat.decide(definition.tenant().vatSeller(), account.details().taxCustomer(), today);
        List<SubscribedCharge> current = s.chargesOn(today);
        long suiteProductId = recurring(current).stream().mapToLong(SubscribedCharge::suiteProductId).findFirst()
                .orElse(current.stream().mapToLong(SubscribedCharge::suiteProductId).findFirst().orElse(0));
        long quantity = recurring(current).stream().mapToLong(SubscribedCharge::quantity).findFirst()
                .orElse(current.stream().mapToLong(SubscribedCharge::quantity).findFirst().orElse(0));
        TaxSplit price = periodPrice(current, tax, account);
        long pendingSuiteProductId = suiteProductId;
        long pendingQuantity = quantity;
        TaxSplit pendingPrice = TaxSplit.zero(account.currency());
        if (kind == null) {
            pendingSuiteProductId = recurring(pendingCharges).stream().mapToLong(SubscribedCharge::suiteProductId)
                    .findFirst().orElse(suiteProductId);
            pendingQuantity = recurring(pendingCharges).stream().mapToLong(SubscribedCharge::quantity).findFirst()
                    .orElse(quantity);
            pendingPrice = periodPrice(pendingCharges, tax, account);
            kind = pendingSuiteProductId != suiteProductId ? "replace" : "quantity";
        }
        LocalDate nextBillingDate = s.chargedThroughDate();
        NextInvoice nextInvoice = new NextInvoice(nextBillingDate, false, price);
        return Either.right(new PendingWithdrawal(s.uuid(), s.number(), kind, today, effective, pendingSuiteProductId,
                pendingQuantity, pendingPrice, suiteProductId, quantity, price, account.currency(), tax,
                nextBillingDate, nextInvoice));
    }

    private Either<ChangeFailure, WithdrawnChange> book(Plan plan, CustomerOperations.Keyed op,
            Operation<WithdrawnChange> operation, Instant now) {
        PendingWithdrawal w = plan.withdrawal();
        Subscription s = plan.subscription();
        BillingGateway.Withdrawal command = new BillingGateway.Withdrawal(plan.ref(), s.id(), s.version(),
                s.chargedThroughDate(), w.requestDate(), w.effectiveDate(), "Withdrawal of the " + w.kind()
                        + " booked for " + w.effectiveDate(), now);
        operations.begin(op);
        return operations.gateway().withdraw(op.step(STEP), command)
                .<ChangeFailure>mapLeft(ChangeFailure.BillingFailed::new)
                .map(a -> operations.commit(op, () -> {
                    if (w.kind().equals("cancel")) {
                        events.unschedule(op.tenantId(), BusinessEvent.idOf(op.tenantId(),
                                ChangeSubscriptionService.cancelledEventParts(s.id(), w.effectiveDate())));
                    }
                    return new WithdrawnChange(w, a.amendmentId(), a.version());
                }, operation.keepAnswer(), List.of(CustomerOperations.Booked.now(
                        EventType.SUBSCRIPTION_CHANGE_WITHDRAWN, s.id(), new EventPayload.ChangeWithdrawn(
                                plan.ref().accountId(), plan.ref().userId(), s.id(), s.number(), s.uuid(),
                                a.amendmentId(), a.version(), w.kind(), w.effectiveDate(), w.pendingSuiteProductId(),
                                w.pendingQuantity(), w.suiteProductId(), w.quantity(), w.currency().getCode(),
                                w.requestDate())))));
    }

    private static List<SubscribedCharge> recurring(List<SubscribedCharge> charges) {
        return charges.stream().filter(SubscribedCharge::pricedRecurring).toList();
    }

    private static TaxSplit periodPrice(List<SubscribedCharge> charges, TaxDecision tax, BillingAccount account) {
        TaxSplit sum = TaxSplit.zero(account.currency());
        for (SubscribedCharge c : recurring(charges)) {
            sum = sum.plus(SubscriptionCharges.split(c, tax));
        }
        return sum;
    }
}
