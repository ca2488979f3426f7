package com.subscriptionsuite.domain.tenant;

import java.util.Objects;

/**
 * Who sells: the country VAT is determined from, the seller's own VAT ID, and whether the seller
 * applies the EU €10,000 threshold (charges its own rate to consumers in other member states).
 */
public record SellerSettings(String country, String vatId, boolean ossThresholdApplies) {
    public SellerSettings {
        Objects.requireNonNull(country, "country");
    }
}
