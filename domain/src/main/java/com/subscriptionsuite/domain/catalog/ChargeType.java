package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Zuora's charge types. */
public enum ChargeType implements WireNamed {
    ONE_TIME("OneTime"),
    RECURRING("Recurring"),
    USAGE("Usage");

    private final String wireName;

    ChargeType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Option<ChargeType> fromWireName(String name) {
        return WireNamed.parse(ChargeType.class, name);
    }
}
