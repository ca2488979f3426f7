package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.money.Rounding;
import com.subscriptionsuite.domain.subscription.Term;
import com.subscriptionsuite.domain.tax.TaxDecision;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The seed's (and Zuora's) subscription metrics, net of tax, for the built-in ledger. Product
 * decisions:
 * <ul>
 * <li><b>MRR</b> of a recurring charge segment: its booked period price, net of tax (a
 * tax-inclusive price is split by the account's tax decision), normalised to one month: Month
 * ÷ 1, Quarter ÷ 3, Semi_Annual ÷ 6, Annual ÷ 12 (every month-based period by its months,
 * Specific_Months by its length), Week × 52 ÷ 12, Specific_Weeks n × 52 ÷ (12 n), Specific_Days n
 * × 365 ÷ (12 n), Subscription_Term ÷ the current term's months (0 on an evergreen subscription).
 * One-time, usage and discount charges have no MRR (a discount is already in the prices it
 * reduces). Rounded once per segment; a subscription's contracted MRR is the sum of the rounded
 * MRRs of the segments in force today, 0 once it is cancelled.</li>
 * <li><b>TCV</b> (as Zuora): the value from the subscription's start to the end of its current term
 * (or its cancel date when that comes first): each recurring segment's exact monthly amount times
 * the months it is in force within that span (whole months, then the rest in actual days of the
 * month it falls in), plus each one-time charge's net price. An evergreen subscription has no term
 * end (unless a cancel is booked, which ends the span); where Zuora leaves the recurring TCV empty,
 * this engine counts 12 months of the segment's MRR (product decision, so the seed's number is
 * always a number).</li>
 * <li><b>dmrc / dtcv</b>: a segment's MRR and TCV less those of the charge's previous segment (the
 * whole value for a first segment).</li>
 * </ul>
 */
public final class SubscriptionMetrics {
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final int EVERGREEN_TCV_MONTHS = 12;

    private SubscriptionMetrics() {
    }

    /** A segment's MRR, net; zero for one-time, usage and discount charges. */
    public static Money mrr(Subscription s, SubscribedCharge charge, TaxDecision tax, LocalDate today) {
        return Rounding.line(currency(charge), monthly(s, charge, tax, today));
    }

    /** A segment's TCV, net, over the subscription's contract span as of {@code today}. */
    public static Money tcv(Subscription s, SubscribedCharge charge, TaxDecision tax, LocalDate today) {
        CurrencyUnit currency = currency(charge);
        if (charge.discount() || charge.type() == ChargeType.USAGE) {
            return Money.zero(currency);
        }
        Money net = SubscriptionCharges.split(charge, tax).netto();
        Option<LocalDate> end = contractEnd(s, today);
        if (charge.type() == ChargeType.ONE_TIME || charge.billingPeriod() == null) {
            return end.isEmpty() || charge.effectiveStart().isBefore(end.get()) ? net : Money.zero(currency);
        }
        BigDecimal monthly = monthly(s, charge, tax, today);
        if (end.isEmpty()) {
            return Rounding.line(currency, monthly.multiply(BigDecimal.valueOf(EVERGREEN_TCV_MONTHS)));
        }
        LocalDate from = charge.effectiveStart().isBefore(s.startDate()) ? s.startDate() : charge.effectiveStart();
        LocalDate until = charge.effectiveEnd() == null || charge.effectiveEnd().isAfter(end.get())
                ? end.get() : charge.effectiveEnd();
        if (!until.isAfter(from)) {
            return Money.zero(currency);
        }
        return Rounding.line(currency, monthly.multiply(months(from, until)));
    }

    /** A subscription's contracted MRR: the sum of the rounded MRRs of the segments in force today. */
    public static Money contractedMrr(Subscription s, CurrencyUnit currency, TaxDecision tax, LocalDate today) {
        Money sum = Money.zero(currency);
        if (s.statusOn(today) == SubscriptionStatus.CANCELLED) {
            return sum;
        }
        for (SubscribedCharge charge : s.chargesOn(today)) {
            sum = sum.plus(mrr(s, charge, tax, today));
        }
        return sum;
    }

    /**
     * A subscription's TCV: the sum of its segments' TCVs; on an evergreen subscription the one-time
     * charges and 12 months of the segments in force today.
     */
    public static Money totalContractedValue(Subscription s, CurrencyUnit currency, TaxDecision tax,
            LocalDate today) {
        boolean evergreen = contractEnd(s, today).isEmpty();
        Money sum = Money.zero(currency);
        for (SubscribedCharge charge : s.charges()) {
            boolean recurring = charge.type() == ChargeType.RECURRING && charge.billingPeriod() != null;
            if (evergreen && recurring && !charge.activeOn(today)) {
                continue;
            }
            sum = sum.plus(tcv(s, charge, tax, today));
        }
        return sum;
    }

    /** A segment's MRR less that of the charge's previous segment. */
    public static Money deltaMrr(Subscription s, SubscribedCharge charge, TaxDecision tax, LocalDate today) {
        Money mrr = mrr(s, charge, tax, today);
        return previous(s, charge).map(p -> mrr.minus(mrr(s, p, tax, today))).getOrElse(mrr);
    }

    /** A segment's TCV less that of the charge's previous segment. */
    public static Money deltaTcv(Subscription s, SubscribedCharge charge, TaxDecision tax, LocalDate today) {
        Money tcv = tcv(s, charge, tax, today);
        return previous(s, charge).map(p -> tcv.minus(tcv(s, p, tax, today))).getOrElse(tcv);
    }

    /**
     * Months from {@code from} to {@code until}: whole months counted from {@code from}, then the
     * remaining days over the length of the month they fall in (scale 9).
     */
    public static BigDecimal months(LocalDate from, LocalDate until) {
        long whole = ChronoUnit.MONTHS.between(from, until);
        while (from.plusMonths(whole + 1).compareTo(until) <= 0) {
            whole++;
        }
        while (whole > 0 && from.plusMonths(whole).isAfter(until)) {
            whole--;
        }
        LocalDate rest = from.plusMonths(whole);
        long days = ChronoUnit.DAYS.between(rest, until);
        long monthDays = ChronoUnit.DAYS.between(rest, from.plusMonths(whole + 1));
        return BigDecimal.valueOf(whole).add(Rounding.divide(BigDecimal.valueOf(days), BigDecimal.valueOf(monthDays)));
    }

    /**
     * The end of the span TCV covers: the current term's end, or the cancel date when that comes
     * first; none for an evergreen subscription without a cancel.
     */
    private static Option<LocalDate> contractEnd(Subscription s, LocalDate today) {
        LocalDate day = today.isBefore(s.startDate()) ? s.startDate() : today;
        LocalDate cancel = s.cancelDate();
        if (cancel != null && !day.isBefore(cancel)) {
            return Option.some(cancel);
        }
        Option<LocalDate> termEnd = s.terms().termOn(day).map(Term::end);
        if (cancel == null) {
            return termEnd;
        }
        return Option.some(termEnd.filter(end -> end.isBefore(cancel)).getOrElse(cancel));
    }

    /** The exact (unrounded, scale 9) net amount per month of a recurring segment. */
    private static BigDecimal monthly(Subscription s, SubscribedCharge charge, TaxDecision tax, LocalDate today) {
        if (charge.discount() || charge.type() != ChargeType.RECURRING || charge.billingPeriod() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal net = SubscriptionCharges.split(charge, tax).netto().getAmount();
        BillingPeriod period = charge.billingPeriod();
        int length = charge.specificBillingPeriod() == null ? 1 : charge.specificBillingPeriod();
        return switch (period) {
            case WEEK -> Rounding.divide(net.multiply(BigDecimal.valueOf(52)), TWELVE);
            case SPECIFIC_WEEKS -> Rounding.divide(net.multiply(BigDecimal.valueOf(52)),
                    TWELVE.multiply(BigDecimal.valueOf(length)));
            case SPECIFIC_DAYS -> Rounding.divide(net.multiply(BigDecimal.valueOf(365)),
                    TWELVE.multiply(BigDecimal.valueOf(length)));
            case SPECIFIC_MONTHS -> Rounding.divide(net, BigDecimal.valueOf(length));
            case SUBSCRIPTION_TERM -> s.terms().termOn(today.isBefore(s.startDate()) ? s.startDate() : today)
                    .map(term -> Rounding.divide(net, BigDecimal.valueOf(term.lengthMonths())))
                    .getOrElse(BigDecimal.ZERO);
            default -> Rounding.divide(net, BigDecimal.valueOf(period.months()));
        };
    }

    private static Option<SubscribedCharge> previous(Subscription s, SubscribedCharge charge) {
        List<SubscribedCharge> earlier = s.charges().stream()
                .filter(c -> c.originalId().equals(charge.originalId()) && c.segment() == charge.segment() - 1)
                .toList();
        return earlier.isEmpty() ? Option.none() : Option.some(earlier.get(0));
    }

    private static CurrencyUnit currency(SubscribedCharge charge) {
        return charge.periodPrice().getCurrencyUnit();
    }
}
