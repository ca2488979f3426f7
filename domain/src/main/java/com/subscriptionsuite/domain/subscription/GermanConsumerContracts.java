package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;

/**
 * Checks for German consumer contracts (§309 Nr. 9 BGB since 1 March 2022; anchors.md §6.8), for
 * documentation and tests: the engine does not enforce them, the seller configures B2C products so
 * they hold.
 * <ul>
 * <li>initial term at most two years;</li>
 * <li>notice before the end of the initial term at most one month;</li>
 * <li>after the initial term a tacit renewal only into an indefinite term that the consumer can
 * cancel at any time with at most one month's notice.</li>
 * </ul>
 * "One month" is a calendar month from the day the consumer cancels ({@code request.plusMonths(1)},
 * clamped to the month's last day: from 31 January to 28/29 February). What counts is when the cancel
 * takes effect, so the wait for a billing period or term end adds to the notice: a monthly product
 * cancelled at the end of the billing period with 14 days of notice can take up to about 6 weeks.
 */
public final class GermanConsumerContracts {
    /** Notice in days that is within one calendar month from any day: February has 28 days. */
    public static final int NOTICE_DAYS_WITHIN_A_MONTH_FROM_ANY_DAY = 28;

    private GermanConsumerContracts() {
    }

    /**
     * Whether a cancel asked on {@code requestDate} that takes effect on {@code effectiveDate} keeps
     * the notice after the initial term at most one month: the effective date is no later than one
     * calendar month after the request.
     */
    public static boolean noticeAfterInitialTermAtMostOneMonth(LocalDate requestDate, LocalDate effectiveDate) {
        return !effectiveDate.isAfter(requestDate.plusMonths(1));
    }

    /** The same check for an allowed cancel, at its earliest effective date. */
    public static boolean noticeAfterInitialTermAtMostOneMonth(ChangeAllowance cancel) {
        if (cancel.action() != ChangeAction.CANCEL) {
            throw new IllegalArgumentException("the notice rule is about cancelling; found " + cancel.action());
        }
        return noticeAfterInitialTermAtMostOneMonth(cancel.requestDate(), cancel.effectiveDate());
    }

    /** Whether a notice of {@code noticeDays} days alone stays within one month whatever the request day. */
    public static boolean noticeDaysWithinAMonthFromAnyDay(int noticeDays) {
        return noticeDays <= NOTICE_DAYS_WITHIN_A_MONTH_FROM_ANY_DAY;
    }

    /** Whether an initial term of {@code months} is at most two years. */
    public static boolean initialTermAtMostTwoYears(int months) {
        return months <= 24;
    }
}
