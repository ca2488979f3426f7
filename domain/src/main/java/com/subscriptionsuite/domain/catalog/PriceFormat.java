package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** How a tier's price applies: once for the tier, or per unit in it. */
public enum PriceFormat implements WireNamed {
    FLAT_FEE("FlatFee"),
    PER_UNIT("PerUnit");

    private final String wireName;

    PriceFormat(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Option<PriceFormat> fromWireName(String name) {
        return WireNamed.parse(PriceFormat.class, name);
    }
}
