package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Whether a charge's price excludes or includes tax. */
public enum TaxMode implements WireNamed {
    TAX_EXCLUSIVE("TaxExclusive"),
    TAX_INCLUSIVE("TaxInclusive");

    private final String wireName;

    TaxMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Option<TaxMode> fromWireName(String name) {
        return WireNamed.parse(TaxMode.class, name);
    }
}
