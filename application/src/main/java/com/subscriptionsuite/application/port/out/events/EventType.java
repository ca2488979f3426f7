package com.subscriptionsuite.application.port.out.events;

import io.vavr.control.Option;
import java.util.Arrays;

/** The business events the engine records (docs/events.md), by their wire names. */
public enum EventType {
    ACCOUNT_OPENED("account.opened"),
    SUBSCRIPTION_CREATED("subscription.created"),
    SUBSCRIPTION_QUANTITY_CHANGED("subscription.quantity_changed"),
    SUBSCRIPTION_UPGRADED("subscription.upgraded"),
    SUBSCRIPTION_DOWNGRADED("subscription.downgraded"),
    SUBSCRIPTION_CANCEL_BOOKED("subscription.cancel_booked"),
    SUBSCRIPTION_CANCELLED("subscription.cancelled"),
    INVOICE_RAISED("invoice.raised"),
    PAYMENT_METHOD_CHANGED("payment_method.changed"),
    QUOTE_ACCEPTED("quote.accepted"),
    SUBSCRIPTION_CHANGE_WITHDRAWN("subscription.change_withdrawn");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<EventType> fromWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst());
    }
}
