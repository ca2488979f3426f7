package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The calendar of one subscription: its billing cycle (of its recurring charges; they share one) and
 * its terms.
 */
public record SubscriptionDates(BillingCycle billing, TermSchedule terms) {

    public SubscriptionDates {
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(terms, "terms");
    }

    /** The billing period that contains {@code day}. */
    public DateRange billingPeriodOn(LocalDate day) {
        return billing.periodOn(day);
    }
}
