package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeRejection;
import java.time.LocalDate;
import java.util.List;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;

/**
 * Why a subscription change was refused. {@link #field()} is the request part at fault (the path's
 * {@code uuid}, {@code quantity} or {@code changeOptionId}, or the {@code effective_date} query
 * parameter); every message starts with the subject it is about.
 */
public sealed interface ChangeFailure {
    String code();

    String message();

    /** The request part at fault. */
    String field();

    /** A rule of the suite product refused (domain-rules §5; each rule has its own code). */
    record Refused(ChangeRejection rejection) implements ChangeFailure {
        public String code() {
            return rejection.code();
        }

        public String message() {
            return rejection.message();
        }

        public String field() {
            if (rejection instanceof ChangeRejection.NotAllowed n) {
                return fieldOf(n.action());
            }
            if (rejection instanceof ChangeRejection.ContactUs c) {
                return fieldOf(c.action());
            }
            if (rejection instanceof ChangeRejection.NoticePeriod) {
                return "effective_date";
            }
            if (rejection instanceof ChangeRejection.ChangeOptionNotFound) {
                return "changeOptionId";
            }
            return "quantity";
        }

        private static String fieldOf(ChangeAction action) {
            return switch (action) {
                case CANCEL -> "uuid";
                case QUANTITY_UPGRADE, QUANTITY_DOWNGRADE -> "quantity";
                case UPGRADE, DOWNGRADE -> "changeOptionId";
            };
        }
    }

    /** No subscription with this uuid belongs to the caller (unknown, or another user's: the same answer). */
    record SubscriptionNotFound(String uuid) implements ChangeFailure {
        public String code() {
            return "subscription_not_found";
        }

        public String message() {
            return "uuid: no subscription " + uuid;
        }

        public String field() {
            return "uuid";
        }
    }

    /** The subscription is cancelled, or a cancel is booked for {@code cancelDate}: nothing more to change. */
    record SubscriptionCancelled(String uuid, LocalDate cancelDate) implements ChangeFailure {
        public String code() {
            return "subscription_cancelled";
        }

        public String message() {
            return "uuid: subscription " + uuid + " is cancelled with effect from " + cancelDate;
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * A change is booked to take effect on {@code effectiveDate}, later than today: one change at a
     * time, until it has taken effect.
     */
    record ChangePending(String uuid, LocalDate effectiveDate) implements ChangeFailure {
        public String code() {
            return "change_pending";
        }

        public String message() {
            return "uuid: subscription " + uuid + " has a change booked to take effect on " + effectiveDate
                    + "; it can be changed again from that day";
        }

        public String field() {
            return "uuid";
        }
    }

    /** The subscription starts (or starts billing) on {@code startDate}, after today. */
    record SubscriptionNotStarted(String uuid, LocalDate startDate) implements ChangeFailure {
        public String code() {
            return "subscription_not_started";
        }

        public String message() {
            return "uuid: subscription " + uuid + " starts on " + startDate + "; it can be changed from that day";
        }

        public String field() {
            return "uuid";
        }
    }

    /** The subscription has no recurring charge in force today, so there is no billing period to change in. */
    record SubscriptionNotRecurring(String uuid) implements ChangeFailure {
        public String code() {
            return "subscription_not_recurring";
        }

        public String message() {
            return "uuid: subscription " + uuid + " has no recurring charge in force; it is changed by the seller";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * The subscription's recurring charges do not bill in one billing period (or bill once per term),
     * so no change can be prorated or timed on one calendar; the seller changes it.
     */
    record BillingPeriodNotSupported(String uuid, List<String> billingPeriods) implements ChangeFailure {
        public BillingPeriodNotSupported {
            billingPeriods = List.copyOf(billingPeriods);
        }

        public String code() {
            return "billing_period_not_supported";
        }

        public String message() {
            return "uuid: subscription " + uuid + " bills in " + String.join(", ", billingPeriods)
                    + "; changes need one billing period of months, weeks or days; please contact us";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * The subscribed suite product (or a rate plan it is billed by) is no longer in the tenant's
     * catalog, so its change rules are unknown; the seller changes it.
     */
    record SuiteProductWithdrawn(long suiteProductId, String what) implements ChangeFailure {
        public String code() {
            return "suite_product_withdrawn";
        }

        public String message() {
            return "uuid: the subscribed suite product " + suiteProductId + " is no longer offered (" + what
                    + "); please contact us";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * A repeated change (the same {@code Idempotency-Key} after an answer that did not come) whose
     * first attempt the billing system booked: the amendment stands, nothing was booked again. The
     * subscription has changed since, so the change's preview cannot be shown again; the
     * subscription's current state is read with GET /account/subscriptions.
     */
    record AlreadyApplied(String uuid, String amendmentId, int subscriptionVersion, String invoiceNumber)
            implements ChangeFailure {
        public String code() {
            return "change_already_applied";
        }

        public String message() {
            return "uuid: this change of subscription " + uuid + " was booked by an earlier attempt with the same"
                    + " Idempotency-Key (amendment " + amendmentId + ", version " + subscriptionVersion
                    + (invoiceNumber == null ? "" : ", invoice " + invoiceNumber) + "); nothing was booked again";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * Nothing is booked to take effect later: no future change or cancel to withdraw (a withdrawal,
     * {@code DELETE /product/{uuid}/pending-change}).
     */
    record NoPendingChange(String uuid) implements ChangeFailure {
        public String code() {
            return "pending_change_not_found";
        }

        public String message() {
            return "uuid: subscription " + uuid + " has no change or cancel booked for a later date";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * The subscription's last change (or its cancel) took effect on {@code effectiveDate}, today or
     * earlier: it can no longer be withdrawn, only changed again.
     */
    record ChangeInEffect(String uuid, LocalDate effectiveDate) implements ChangeFailure {
        public String code() {
            return "change_in_effect";
        }

        public String message() {
            return "uuid: the last change of subscription " + uuid + " took effect on " + effectiveDate
                    + "; a change in effect cannot be withdrawn";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * The pending change (effective {@code effectiveDate}) was settled by an invoice or credit note
     * already: the period it prorates was invoiced through {@code chargedThrough}. Withdrawing it
     * would need that document reversed, which the seller does (Zuora refuses to delete an order
     * whose charges are invoiced).
     */
    record ChangeInvoiced(String uuid, LocalDate effectiveDate, LocalDate chargedThrough) implements ChangeFailure {
        public String code() {
            return "change_invoiced";
        }

        public String message() {
            return "uuid: the change of subscription " + uuid + " booked for " + effectiveDate
                    + " was invoiced already (the period is billed through " + chargedThrough
                    + "); please contact us to withdraw it";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * A repeated withdrawal (the same {@code Idempotency-Key} after an answer that did not come) that
     * finds nothing pending any more: the first attempt withdrew the change; nothing was done again.
     */
    record AlreadyWithdrawn(String uuid) implements ChangeFailure {
        public String code() {
            return "change_already_withdrawn";
        }

        public String message() {
            return "uuid: the pending change of subscription " + uuid + " was withdrawn by an earlier attempt with"
                    + " the same Idempotency-Key; nothing was done again";
        }

        public String field() {
            return "uuid";
        }
    }

    /** The tenant's customer center does not offer cancelling ({@code can_cancel_subscriptions} false). */
    record CancelNotOffered() implements ChangeFailure {
        public String code() {
            return "change_not_allowed";
        }

        public String message() {
            return "uuid: this shop does not offer cancelling in the customer center; please contact us";
        }

        public String field() {
            return "uuid";
        }
    }

    /**
     * The change option's target suite product is not on sale: not in the catalog, outside its
     * effective dates, its product withdrawn, or not purchasable by customers.
     */
    record ChangeOptionUnavailable(long changeOptionId, long targetSuiteProductId) implements ChangeFailure {
        public String code() {
            return "change_option_unavailable";
        }

        public String message() {
            return "changeOptionId: the target of change option " + changeOptionId + ", suite product "
                    + targetSuiteProductId + ", is not on sale";
        }

        public String field() {
            return "changeOptionId";
        }
    }

    /** The change option's target suite product is not priced in the account's currency. */
    record NotPricedInCurrency(long changeOptionId, long targetSuiteProductId, String currency)
            implements ChangeFailure {
        public String code() {
            return "not_priced_in_currency";
        }

        public String message() {
            return "changeOptionId: suite product " + targetSuiteProductId + " (change option " + changeOptionId
                    + ") is not priced in " + currency + ", the account's currency";
        }

        public String field() {
            return "changeOptionId";
        }
    }

    /**
     * The change option's target bills in another billing period than the subscription: the change
     * would need a new billing calendar, which the self-service change does not make.
     */
    record BillingPeriodChangeNotSupported(long changeOptionId, String current, String target)
            implements ChangeFailure {
        public String code() {
            return "billing_period_change_not_supported";
        }

        public String message() {
            return "changeOptionId: change option " + changeOptionId + " bills per " + target
                    + ", the subscription per " + current + "; a change of billing period is made by the seller";
        }

        public String field() {
            return "changeOptionId";
        }
    }

    /**
     * The billing system did not answer, limited the rate of calls or refused: {@code billing_unavailable},
     * {@code billing_rate_limited} or {@code billing_rejected} ({@link BillingFailure#errorCode}). After an unavailable billing system a change may have been booked: the request repeated with
     * the same {@code Idempotency-Key} finds out and books nothing twice.
     */
    record BillingFailed(BillingFailure failure) implements ChangeFailure {
        public String code() {
            return failure.errorCode();
        }

        public String field() {
            return "";
        }

        public String message() {
            return failure.describe();
        }
    }
}
