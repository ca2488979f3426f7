package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Whether a recurring charge is billed at the start or the end of its period. */
public enum BillingTiming implements WireNamed {
    IN_ADVANCE("IN_ADVANCE"),
    IN_ARREARS("IN_ARREARS");

    private final String wireName;

    BillingTiming(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Option<BillingTiming> fromWireName(String name) {
        return WireNamed.parse(BillingTiming.class, name);
    }
}
