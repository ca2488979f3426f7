package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;

/**
 * Changes one subscribed suite product of the caller (seed {@code /product/{uuid}/...}): cancel it,
 * change its quantity, or replace it through one of its change options (domain-rules §5).
 * {@link #preview} and {@link #apply} run the same computation with the same pinned request date
 * (today, from the engine's clock), so the change booked is the change the preview announced. A
 * subscription of another user answers {@code subscription_not_found}, exactly as an unknown one.
 */
public interface ChangeSubscription {

    /** What the change would do: when it takes effect and what it costs. Stores nothing. */
    Either<ChangeFailure, ChangePreview> preview(ChangeCommand command);

    /**
     * Books the change in the billing system under the customer's lease: the subscription's new
     * charge segments, a new version, an amendment, and for a prorated change an invoice (or credit
     * note).
     */
    default Either<ChangeFailure, AppliedChange> apply(ChangeCommand command) {
        return apply(command, Operation.unkeyed());
    }

    /** {@link #apply(ChangeCommand)} as {@code operation} (see {@link Operation}). */
    Either<ChangeFailure, AppliedChange> apply(ChangeCommand command, Operation<AppliedChange> operation);

    /**
     * What a customer center shows before the customer picks a new quantity (seed GET
     * {@code /product/{uuid}/preview/change-quantity}): the current quantity, the allowed range, and
     * whether and when a quantity upgrade and downgrade take effect. Stores nothing.
     */
    Either<ChangeFailure, QuantityOptions> quantityOptions(long tenantId, long userId, String subscriptionUuid);
}
