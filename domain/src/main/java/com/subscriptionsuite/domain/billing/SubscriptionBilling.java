package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.subscription.BillingCycle;
import com.subscriptionsuite.domain.subscription.DateRange;
import com.subscriptionsuite.domain.subscription.Term;
import com.subscriptionsuite.domain.tax.TaxDecision;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a subscription owes up to a day: the built-in ledger's bill run, and the first invoice of a
 * checkout (which is the bill run on the subscription's first day). Pure: the day, the catalog (for
 * each charge's billing timing) and the tax decision are parameters.
 *
 * <p><b>Window.</b> A subscription is invoiced up to its {@link Subscription#chargedThroughDate()}
 * (exclusive). A run on {@code today} invoices the window from there to the end of the
 * subscription's billing period that contains {@code today}, or to the cancel date when that comes
 * first, and moves the charged-through date to the window's end. The subscription's billing period
 * is that of its shortest recurring charge (all count from the one billing anchor, so a monthly
 * boundary is also where a quarterly or annual period starts). A subscription without recurring
 * charges (one-time charges only) has nothing to bill after its first window: its charged-through
 * date becomes {@link #NOTHING_MORE} (a termed one with Subscription_Term charges bills to its term
 * end).
 *
 * <p><b>Lines</b>, one per charge and period, at the booked period price (no proration here: an
 * immediate change invoices its prorated part itself, and every later period in full):
 * <ul>
 * <li>a recurring charge billed in advance (the default): each of its periods that starts in the
 * window, priced by the segment in force on the period's start;</li>
 * <li>a recurring charge billed in arrears: each of its periods that ends in the window, so a
 * period is invoiced by the first run on or after its end; the period in which a booked cancel
 * takes effect is invoiced (in full) with the subscription's last window;</li>
 * <li>a Subscription_Term charge: once per term, at the term's start, for the whole term; on an
 * evergreen subscription once, at its start, like a one-time charge;</li>
 * <li>a one-time charge: once, when its segment starts in the window;</li>
 * <li>usage and discount charges make no line (a discount is in the prices of the charges it
 * reduces; usage is not rated by the built-in ledger), nor does a price of zero.</li>
 * </ul>
 * Nothing at or after the cancel date is invoiced. Running twice on the same day invoices nothing
 * the second time: the charged-through date is past the day.
 */
public final class SubscriptionBilling {
    /** The charged-through date of a subscription that will never owe anything more. */
    public static final LocalDate NOTHING_MORE = LocalDate.of(9999, 12, 31);

    private SubscriptionBilling() {
    }

    /** The subscription charged through the window's end, and the invoice lines of the window. */
    public record Billed(Subscription subscription, List<InvoiceLine> lines) {
        public Billed {
            Objects.requireNonNull(subscription, "subscription");
            lines = List.copyOf(lines);
        }
    }

    /** What {@code subscription} owes for the periods that have started by {@code today}. */
    public static Billed due(Subscription subscription, Catalog catalog, LocalDate today, TaxDecision tax) {
        LocalDate from = subscription.chargedThroughDate();
        if (from.isAfter(today) || today.isBefore(subscription.billingAnchor())) {
            return new Billed(subscription, List.of());
        }
        LocalDate until = windowEnd(subscription, from, today);
        LocalDate cancel = subscription.cancelDate();
        if (cancel != null && cancel.isBefore(until)) {
            until = cancel;
        }
        if (!until.isAfter(from)) {
            return new Billed(subscription, List.of());
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (SubscribedCharge charge : subscription.charges()) {
            if (charge.discount() || charge.type() == ChargeType.USAGE || charge.periodPrice().isZero()) {
                continue;
            }
            for (DateRange service : periodsToBill(subscription, charge, timing(catalog, charge), from, until)) {
                lines.add(new InvoiceLine(subscription.number(), charge.chargeId(), charge.name(), service.start(),
                        service.end(), SubscriptionCharges.split(charge, tax)));
            }
        }
        lines.sort(Comparator.comparing(InvoiceLine::serviceStart));
        return new Billed(subscription.chargedThrough(until), lines);
    }

    /**
     * The billing cycle that sets a subscription's windows from {@code day} on: that of its shortest
     * recurring charge (Subscription_Term charges aside) not ended by then; none when it has no such
     * charge.
     */
    public static Option<BillingCycle> cycle(Subscription subscription, LocalDate day) {
        BillingCycle shortest = null;
        for (SubscribedCharge c : subscription.charges()) {
            if (c.type() != ChargeType.RECURRING || c.discount() || c.billingPeriod() == null
                    || c.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM
                    || (c.effectiveEnd() != null && !c.effectiveEnd().isAfter(day))) {
                continue;
            }
            BillingCycle cycle = cycleOf(subscription.billingAnchor(), c);
            if (shortest == null || cycle.boundary(1).isBefore(shortest.boundary(1))) {
                shortest = cycle;
            }
        }
        return Option.of(shortest);
    }

    /** The billing periods of a recurring charge (not Subscription_Term), counted from the anchor. */
    public static BillingCycle cycleOf(LocalDate anchor, SubscribedCharge charge) {
        return charge.billingPeriod().needsLength()
                ? BillingCycle.of(anchor, charge.billingPeriod(), Objects.requireNonNull(
                        charge.specificBillingPeriod(), "a Specific_* period has a length"))
                : BillingCycle.of(anchor, charge.billingPeriod());
    }

    /** The catalog charge's billing timing; in advance when the catalog no longer has the charge. */
    public static BillingTiming timing(Catalog catalog, SubscribedCharge charge) {
        return catalog.ratePlan(charge.ratePlanId())
                .flatMap(plan -> Option.ofOptional(plan.charges().stream()
                        .filter(c -> c.id() == charge.chargeId()).findFirst()))
                .map(Charge::billingTiming)
                .filter(Objects::nonNull)
                .getOrElse(BillingTiming.IN_ADVANCE);
    }

    /**
     * The day (exclusive) up to which a charge segment has been invoiced, given the subscription's
     * charged-through date; none for a segment not invoiced yet, and for usage and discount charges.
     * A one-time charge is invoiced through the day after it was charged.
     */
    public static Option<LocalDate> chargedThrough(Subscription subscription, SubscribedCharge charge,
            BillingTiming timing) {
        LocalDate billed = subscription.chargedThroughDate();
        if (charge.discount() || charge.type() == ChargeType.USAGE || !billed.isAfter(charge.effectiveStart())) {
            return Option.none();
        }
        if (charge.type() == ChargeType.ONE_TIME || charge.billingPeriod() == null) {
            return Option.some(charge.effectiveStart().plusDays(1));
        }
        DateRange last;
        if (charge.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM) {
            Option<Term> term = subscription.terms().termOn(billed.minusDays(1));
            if (term.isEmpty()) {
                return Option.some(charge.effectiveStart().plusDays(1));
            }
            last = term.get().range();
        } else {
            last = cycleOf(subscription.billingAnchor(), charge).periodOn(billed.minusDays(1));
        }
        LocalDate through = last.end();
        if (timing == BillingTiming.IN_ARREARS && !billed.equals(subscription.cancelDate())) {
            if (!last.start().isAfter(charge.effectiveStart())) {
                return Option.none();
            }
            through = last.start();
        }
        if (charge.effectiveEnd() != null && charge.effectiveEnd().isBefore(through)) {
            through = charge.effectiveEnd();
        }
        return Option.some(through);
    }

    private static LocalDate windowEnd(Subscription subscription, LocalDate from, LocalDate today) {
        Option<BillingCycle> cycle = cycle(subscription, from);
        if (cycle.isDefined()) {
            return cycle.get().periodOn(today).end();
        }
        boolean termCharges = subscription.charges().stream()
                .anyMatch(c -> c.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM && c.type() == ChargeType.RECURRING
                        && (c.effectiveEnd() == null || c.effectiveEnd().isAfter(from)));
        if (termCharges) {
            Option<Term> term = subscription.terms().termOn(today);
            if (term.isDefined()) {
                return term.get().end();
            }
        }
        return NOTHING_MORE;
    }

    private static List<DateRange> periodsToBill(Subscription s, SubscribedCharge charge, BillingTiming timing,
            LocalDate from, LocalDate until) {
        LocalDate start = charge.effectiveStart();
        boolean onceOnly = charge.type() == ChargeType.ONE_TIME || charge.billingPeriod() == null
                || (charge.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM && s.terms().evergreen());
        if (onceOnly) {
            return within(start, from, until) ? List.of(new DateRange(start, start.plusDays(1))) : List.of();
        }
        List<DateRange> periods = new ArrayList<>();
        DateRange period = firstCandidate(s, charge, from);
        while (period != null && period.start().isBefore(until)) {
            boolean due = timing == BillingTiming.IN_ARREARS
                    ? within(period.end(), from, until) || lastOfCancelled(s, period, until)
                    : within(period.start(), from, until);
            if (due && charge.activeOn(period.start())) {
                periods.add(period);
            }
            period = next(s, charge, period);
        }
        return periods;
    }

    /** The charge's period that contains the day before {@code from} (or its first period). */
    private static DateRange firstCandidate(Subscription s, SubscribedCharge charge, LocalDate from) {
        LocalDate day = from.isAfter(s.billingAnchor()) ? from.minusDays(1) : s.billingAnchor();
        if (charge.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM) {
            return s.terms().termOn(day).map(Term::range).getOrNull();
        }
        return cycleOf(s.billingAnchor(), charge).periodOn(day);
    }

    private static DateRange next(Subscription s, SubscribedCharge charge, DateRange period) {
        if (charge.billingPeriod() == BillingPeriod.SUBSCRIPTION_TERM) {
            return s.terms().termOn(period.end()).map(Term::range).getOrNull();
        }
        return cycleOf(s.billingAnchor(), charge).periodOn(period.end());
    }

    /** The in-arrears period in which a booked cancel takes effect, billed with the last window. */
    private static boolean lastOfCancelled(Subscription s, DateRange period, LocalDate until) {
        LocalDate cancel = s.cancelDate();
        return cancel != null && until.equals(cancel) && period.start().isBefore(cancel)
                && !period.end().isBefore(cancel);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate until) {
        return !day.isBefore(from) && day.isBefore(until);
    }
}
