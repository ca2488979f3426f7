package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.util.ArrayList;
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

    /**
     * The tenant as seller: its name, postal address (street, postcode and city, region; none when the
     * tenant file gives no {@code seller.address}), country and VAT ID.
     */
    public static InvoiceParty seller(Tenant tenant) {
        String vatId = tenant.seller().vatId();
        List<String> address = tenant.seller().address() == null ? List.of() : tenant.seller().address().lines();
        return new InvoiceParty(tenant.name(), address, tenant.seller().country(),
                vatId == null || vatId.isBlank() ? null : vatId.strip());
    }

    /**
     * The customer as the invoice is addressed: the company (or the person) at the billing address
     * when the account has one, else at the contact address; the country is the one VAT was decided
     * by ({@link AccountDetails#taxCountry()}).
     */
    public static InvoiceParty billTo(AccountDetails d) {
        boolean billing = d.hasBillingAddress() && d.billingCountry() != null && !d.billingCountry().isBlank();
        String person = billing ? join(" ", d.billingFirstName(), d.billingLastName())
                : join(" ", d.firstName(), d.lastName());
        String name = d.company() && d.companyName() != null && !d.companyName().isBlank() ? d.companyName() : person;
        List<String> lines = new ArrayList<>();
        if (!name.equals(person) && !person.isEmpty()) {
            lines.add(person);
        }
        add(lines, billing ? d.billingStreet() : d.street());
        add(lines, billing ? d.billingAdditionalInfo() : d.additionalInfo());
        add(lines, billing ? join(" ", d.billingZipCode(), d.billingCity()) : join(" ", d.zipCode(), d.city()));
        if (!billing) {
            add(lines, d.state());
        }
        String vatId = d.vatId() == null || d.vatId().isBlank() ? null : d.vatId().strip();
        return new InvoiceParty(name, lines, d.taxCountry() == null ? "" : d.taxCountry(), vatId);
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line.strip());
        }
    }

    private static String join(String separator, String a, String b) {
        return ((a == null ? "" : a.strip()) + separator + (b == null ? "" : b.strip())).strip();
    }
}
