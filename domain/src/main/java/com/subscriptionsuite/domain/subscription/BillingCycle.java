package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.Charge;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The billing periods of a recurring charge: back-to-back periods from the billing {@code anchor}
 * (the first period's start), each {@code length} units of the period's unit long.
 *
 * <p>Month-based periods (Month, Quarter, Semi_Annual, Annual, Eighteen_Months, Two_Years,
 * Three_Years, Five_Years, Specific_Months) count months; Week and Specific_Weeks count 7-day weeks;
 * Specific_Days counts days. The n-th period starts at {@code anchor + n × length} units, always
 * measured from the anchor, never from the previous boundary. So an anchor on the 31st is clamped to
 * the last day of a shorter month and comes back to the 31st when the month has one (Kill Bill's
 * end-of-month bill cycle day): 01-31, 02-28 (02-29 in a leap year), 03-31, 04-30, 05-31. An anchor on
 * 29 February bills on 28 February in common years.
 *
 * <p>Subscription_Term charges have no periods of their own (they bill once per term): they are
 * refused here.
 */
public record BillingCycle(LocalDate anchor, BillingPeriod period, int length) {

    public BillingCycle {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(period, "period");
        if (period == BillingPeriod.SUBSCRIPTION_TERM) {
            throw new IllegalArgumentException("Subscription_Term charges bill once per term, not in periods");
        }
        if (period.needsLength()) {
            if (length <= 0) {
                throw new IllegalArgumentException(period.wireName() + " needs a length greater than 0; found "
                        + length);
            }
        } else if (length != naturalLength(period)) {
            throw new IllegalArgumentException(period.wireName() + " is " + naturalLength(period) + " "
                    + unit(period).toString().toLowerCase(Locale.ROOT) + " long; found " + length);
        }
    }

    /** The cycle of a period with a fixed length (all but the Specific_* periods). */
    public static BillingCycle of(LocalDate anchor, BillingPeriod period) {
        return new BillingCycle(anchor, period, naturalLength(period));
    }

    /** The cycle of a Specific_Months / Specific_Weeks / Specific_Days period of {@code length} units. */
    public static BillingCycle of(LocalDate anchor, BillingPeriod period, int length) {
        return new BillingCycle(anchor, period, length);
    }

    /** The cycle of a recurring charge billed from {@code anchor}. */
    public static BillingCycle of(LocalDate anchor, Charge charge) {
        BillingPeriod p = Objects.requireNonNull(charge.billingPeriod(), "a recurring charge has a billing period");
        return p.needsLength() ? of(anchor, p, Objects.requireNonNull(charge.specificBillingPeriod(),
                "specific billing period")) : of(anchor, p);
    }

    /** The start of the {@code n}-th period ({@code n = 0} is the anchor). */
    public LocalDate boundary(long n) {
        return switch (unit(period)) {
            case MONTHS -> anchor.plusMonths(n * length);
            case WEEKS -> anchor.plusWeeks(n * length);
            default -> anchor.plusDays(n * length);
        };
    }

    /**
     * The billing period that contains {@code day}: start inclusive, end exclusive. A day on a
     * boundary starts the next period (the end date of one period is the start of the next).
     *
     * @throws IllegalArgumentException when {@code day} is before the anchor (the subscription has not
     *                                  started billing)
     */
    public DateRange periodOn(LocalDate day) {
        if (day.isBefore(anchor)) {
            throw new IllegalArgumentException(day + " is before the billing anchor " + anchor);
        }
        long n = unit(period).between(anchor, day) / length;
        while (!boundary(n).isAfter(day)) {
            n++;
        }
        while (boundary(n - 1).isAfter(day)) {
            n--;
        }
        return new DateRange(boundary(n - 1), boundary(n));
    }

    private static ChronoUnit unit(BillingPeriod period) {
        if (period.months() > 0 || period == BillingPeriod.SPECIFIC_MONTHS) {
            return ChronoUnit.MONTHS;
        }
        if (period == BillingPeriod.WEEK || period == BillingPeriod.SPECIFIC_WEEKS) {
            return ChronoUnit.WEEKS;
        }
        return ChronoUnit.DAYS;
    }

    private static int naturalLength(BillingPeriod period) {
        return period.months() > 0 ? period.months() : 1;
    }
}
