package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change the rules allow, and when it takes effect.
 *
 * @param action           which of the five changes it is
 * @param timing           when it takes effect; {@link ChangeTiming#IMMEDIATELY} also when the
 *                         tenant's "cancel at any time" setting overrode the cancel mode
 * @param requestDate      the day the customer asked (the pinned "today" of preview and booking)
 * @param noticeEnd        the earliest date the notice period allows (the request date for every
 *                         change but a cancel)
 * @param effectiveDate    the day the change takes effect: from this day on the new state holds
 * @param cancelAtAnyTime  true when the tenant's {@code can_cancel_subscriptions_at_any_time} replaced
 *                         the suite product's cancel mode
 */
public record ChangeAllowance(ChangeAction action, ChangeTiming timing, LocalDate requestDate, LocalDate noticeEnd,
        LocalDate effectiveDate, boolean cancelAtAnyTime) {

    public ChangeAllowance {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(requestDate, "requestDate");
        Objects.requireNonNull(noticeEnd, "noticeEnd");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (effectiveDate.isBefore(noticeEnd) || noticeEnd.isBefore(requestDate)) {
            throw new IllegalArgumentException("request " + requestDate + " ≤ notice end " + noticeEnd
                    + " ≤ effective " + effectiveDate + " does not hold");
        }
    }

    /** Whether the change is prorated: credit and charge lines on the effective date. */
    public boolean prorated() {
        return timing == ChangeTiming.IMMEDIATELY;
    }
}
