package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Whether replacing one suite product by another is an upgrade or a downgrade. */
public enum ChangeKind implements WireNamed {
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade");

    private final String wireName;

    ChangeKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Option<ChangeKind> fromWireName(String name) {
        return WireNamed.parse(ChangeKind.class, name);
    }
}
