package com.subscriptionsuite.domain.billing;

import java.util.List;
import java.util.Objects;

/**
 * A party as the invoice prints it, fixed when the invoice is raised (a later address change does
 * not alter an issued invoice): name, address lines, country code and VAT ID (null when none).
 */
public record InvoiceParty(String name, List<String> addressLines, String country, String vatId) {
    public InvoiceParty {
        Objects.requireNonNull(name, "name");
        addressLines = List.copyOf(addressLines);
        Objects.requireNonNull(country, "country");
    }
}
