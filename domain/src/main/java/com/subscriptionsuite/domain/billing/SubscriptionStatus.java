package com.subscriptionsuite.domain.billing;

/** Zuora's subscription status names, as the seed's {@code status} shows them. */
public enum SubscriptionStatus {
    ACTIVE("Active"),
    CANCELLED("Cancelled");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
