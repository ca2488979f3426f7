package com.subscriptionsuite.domain.tenant;

import java.util.Objects;

/**
 * Who sells: the country VAT is determined from, the seller's own VAT ID, whether the seller
 * applies the EU €10,000 threshold (charges its own rate to consumers in other member states), and
 * the seller's postal address for its invoices ({@code null} when the tenant file gives none).
 */
public record SellerSettings(String country, String vatId, boolean ossThresholdApplies, SellerAddress address) {
    public SellerSettings {
        Objects.requireNonNull(country, "country");
    }

    /** Settings without a postal address. */
    public SellerSettings(String country, String vatId, boolean ossThresholdApplies) {
        this(country, vatId, ossThresholdApplies, null);
    }
}
