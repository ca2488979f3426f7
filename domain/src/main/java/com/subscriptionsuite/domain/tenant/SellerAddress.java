package com.subscriptionsuite.domain.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seller's postal address as its invoices print it (EU VAT Directive Art. 226 (5)): street with
 * number, postcode, city and an optional region; the country is {@link SellerSettings#country()}.
 * Texts are kept exactly as written (any script); {@link TenantRules} refuses blank parts.
 */
public record SellerAddress(String street, String postcode, String city, String region) {
    public SellerAddress {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(city, "city");
    }

    /** The lines as printed: the street, "postcode city", then the region when there is one. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(street.strip());
        lines.add((postcode.strip() + " " + city.strip()).strip());
        if (region != null && !region.isBlank()) {
            lines.add(region.strip());
        }
        return List.copyOf(lines);
    }
}
