package com.subscriptionsuite.application.port.in.change;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One change of one subscription, asked by the token's user ({@code userId}, never a value from the
 * request body). {@code subscriptionUuid} is the seed's {@code {uuid}}.
 */
public record ChangeCommand(long tenantId, long userId, String subscriptionUuid, Request request) {

    public ChangeCommand {
        Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        Objects.requireNonNull(request, "request");
    }

    /** What is to change. */
    public sealed interface Request {
    }

    /**
     * End the subscription, on {@code wishedEffectiveDate} or, when none, at the earliest date the
     * rules allow. A wished date before the notice period ends is refused ({@code notice_period},
     * naming the earliest date), never moved silently.
     */
    public record Cancel(Option<LocalDate> wishedEffectiveDate) implements Request {
        public Cancel {
            Objects.requireNonNull(wishedEffectiveDate, "wishedEffectiveDate");
        }
    }

    /** Change the quantity of the subscribed suite product to {@code quantity}. */
    public record ChangeQuantity(long quantity) implements Request {
    }

    /** Replace the subscribed suite product by the target of its change option {@code changeOptionId}. */
    public record Replace(long changeOptionId) implements Request {
    }

    public static ChangeCommand cancel(long tenantId, long userId, String uuid, Option<LocalDate> wished) {
        return new ChangeCommand(tenantId, userId, uuid, new Cancel(wished));
    }

    public static ChangeCommand changeQuantity(long tenantId, long userId, String uuid, long quantity) {
        return new ChangeCommand(tenantId, userId, uuid, new ChangeQuantity(quantity));
    }

    public static ChangeCommand replace(long tenantId, long userId, String uuid, long changeOptionId) {
        return new ChangeCommand(tenantId, userId, uuid, new Replace(changeOptionId));
    }
}
