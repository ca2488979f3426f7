package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;

/**
 * Withdraws the change or cancel a customer booked for a later date, before it takes effect
 * (Stripe's "don't cancel"; docs/subscription-changes.md, "Withdrawing a pending change"). The
 * subscription goes on as it is today: the segments the change ended are open again, the segments it
 * would have started are gone, a booked cancel date is cleared. {@link #preview} and
 * {@link #withdraw} compute the same {@link PendingWithdrawal} with the request date pinned to today,
 * so the withdrawal booked is the one previewed. Another customer's subscription answers
 * {@code subscription_not_found}, as an unknown one.
 */
public interface WithdrawChange {

    /** What is pending and what the subscription and its next invoice are after the withdrawal. Stores nothing. */
    Either<ChangeFailure, PendingWithdrawal> preview(WithdrawCommand command);

    /**
     * Withdraws the pending change in the billing system as a customer operation (the customer's
     * lease, a pending operation, one keyed command, the answer kept with what it commits).
     */
    Either<ChangeFailure, WithdrawnChange> withdraw(WithdrawCommand command, Operation<WithdrawnChange> operation);

    /** The token's user ({@code userId}) asking about their subscription {@code subscriptionUuid}. */
    record WithdrawCommand(long tenantId, long userId, String subscriptionUuid) {
        public WithdrawCommand {
            java.util.Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        }
    }
}
