package com.subscriptionsuite.application.port.in.quote;

import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import java.util.List;

/**
 * Accepts a quote for the token's customer (seed POST /quote/{guid}/confirm): books the account
 * (from the quote's contacts) and one subscription per rate plan through the checkout's booking,
 * then marks the quote accepted at its source. Idempotent: a repeat by the same customer answers
 * the same subscriptions (the booking's operation key comes from the quote, not from the request).
 */
public interface ConfirmQuote {
    /**
     * {@code operation}'s key is not used (the quote's link keys the booking); its
     * {@code keepAnswer} is called in the unit of work that commits the booking.
     */
    Either<QuoteFailure, Confirmed> confirm(ConfirmCommand command, Operation<Confirmed> operation);

    record ConfirmCommand(long tenantId, long userId, boolean guest, String guid) {
    }

    /**
     * What the acceptance booked: the subscriptions' ids in the quote's order, and whether the quote
     * is marked accepted at its source yet (if not, a job and the next confirmation retry it).
     */
    record Confirmed(List<String> subscriptionIds, boolean markedAtSource) {
        public Confirmed {
            subscriptionIds = List.copyOf(subscriptionIds);
        }
    }
}
