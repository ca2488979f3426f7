package com.subscriptionsuite.domain.tax;

import java.util.Locale;
import java.util.Objects;

/**
 * The seller as far as VAT is concerned.
 *
 * @param isoCountry          ISO 3166 code of the member state the seller is established in (upper-cased
 *                            here). The tenant loader validates that it is a member state;
 *                            {@link VatDetermination} fails with {@link IllegalStateException} otherwise.
 * @param ossThresholdApplies tenant setting: the seller is below the €10,000 EU-wide threshold and
 *                            charges its own rate to consumers in other member states
 */
public record Seller(String isoCountry, boolean ossThresholdApplies) {

    public Seller {
        Objects.requireNonNull(isoCountry, "isoCountry");
        isoCountry = isoCountry.strip().toUpperCase(Locale.ROOT);
        if (isoCountry.isEmpty()) {
            throw new IllegalArgumentException("Seller country must not be blank");
        }
    }
}
