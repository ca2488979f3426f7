package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.money.Rounding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * Proration by actual days, Kill Bill style (domain-rules §4): {@code factor = days remaining in the
 * billing period / days in the period}, kept at {@link Rounding#FACTOR_SCALE} decimals, HALF_UP; an
 * amount is {@code price × factor}, rounded once at the line by {@link Rounding#line}.
 *
 * <p>The days remaining count from the change date (inclusive) to the period end (exclusive): a
 * change on the period's first day leaves the whole period (factor 1), on its last day one day, and
 * on its end date none (factor 0): that date is the first day of the next period, so
 * {@link #on(BillingCycle, LocalDate)} prorates the next period instead (factor 1 there).
 *
 * @param period     the billing period the change falls in
 * @param changeDate the effective date of the change, from {@code period.start()} to
 *                   {@code period.end()} inclusive
 */
public record Proration(DateRange period, LocalDate changeDate) {

    public Proration {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(changeDate, "changeDate");
        period.daysRemainingFrom(changeDate);
    }

    /** Prorates the billing period of {@code cycle} that contains {@code changeDate}. */
    public static Proration on(BillingCycle cycle, LocalDate changeDate) {
        return new Proration(cycle.periodOn(changeDate), changeDate);
    }

    public static Proration of(DateRange period, LocalDate changeDate) {
        return new Proration(period, changeDate);
    }

    public long remainingDays() {
        return period.daysRemainingFrom(changeDate);
    }

    public long periodDays() {
        return period.days();
    }

    /** {@code remainingDays / periodDays} at scale 9, HALF_UP (23/31 = 0.741935484). */
    public BigDecimal factor() {
        return Rounding.divide(BigDecimal.valueOf(remainingDays()), BigDecimal.valueOf(periodDays()));
    }

    /** The remaining part of a period price: what the new price charges, rounded at the line. */
    public Money charge(Money periodPrice) {
        return Rounding.line(periodPrice.getCurrencyUnit(), periodPrice.getAmount().multiply(factor()));
    }

    /**
     * The unused part of a period price, negative: what the old price credits. Exactly the negation
     * of {@link #charge} for the same price, so a change to the same price nets to zero.
     */
    public Money credit(Money periodPrice) {
        return charge(periodPrice).negated();
    }
}
