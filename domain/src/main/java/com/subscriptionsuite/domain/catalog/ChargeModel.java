package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Zuora's charge models, by the names the seed API uses on the wire. */
public enum ChargeModel implements WireNamed {
    FLAT_FEE("FlatFee"),
    PER_UNIT("PerUnit"),
    TIERED("Tiered"),
    VOLUME("Volume"),
    OVERAGE("Overage"),
    TIERED_WITH_OVERAGE("TieredWithOverage"),
    DISCOUNT_PERCENTAGE("DiscountPercentage"),
    DISCOUNT_FIXED_AMOUNT("DiscountFixedAmount");

    private final String wireName;

    ChargeModel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isDiscount() {
        return this == DISCOUNT_PERCENTAGE || this == DISCOUNT_FIXED_AMOUNT;
    }

    /** Whether the charge's amount depends on the quantity. */
    public boolean usesQuantity() {
        return this != FLAT_FEE && !isDiscount();
    }

    public static Option<ChargeModel> fromWireName(String name) {
        return WireNamed.parse(ChargeModel.class, name);
    }
}
