package com.subscriptionsuite.application.service.change;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parties a change's invoice prints, fixed when it is raised: the tenant as seller (its name,
 * country and VAT ID; the tenant definition holds no postal address) and the account as bill-to (the
 * billing address when it has one, else the contact address).
 */
final class InvoiceParties {
    private InvoiceParties() {
    }

    static InvoiceParty seller(Tenant tenant) {
        return new InvoiceParty(tenant.name(), List.of(), tenant.seller().country(), blankToNull(tenant.seller().vatId()));
    }

    static InvoiceParty billTo(AccountDetails d) {
        boolean billing = d.hasBillingAddress() && !isBlank(d.billingCountry());
        List<String> lines = new ArrayList<>();
        if (billing) {
            add(lines, d.billingStreet());
            add(lines, d.billingAdditionalInfo());
            add(lines, join(d.billingZipCode(), d.billingCity()));
        } else {
            add(lines, d.street());
            add(lines, d.additionalInfo());
            add(lines, join(d.zipCode(), d.city()));
            add(lines, d.state());
        }
        String country = d.taxCountry() == null ? "" : d.taxCountry();
        return new InvoiceParty(d.displayName(), lines, country, blankToNull(d.vatId()));
    }

    private static String join(String zip, String city) {
        return ((zip == null ? "" : zip.strip()) + " " + (city == null ? "" : city.strip())).strip();
    }

    private static void add(List<String> lines, String line) {
        if (!isBlank(line)) {
            lines.add(line.strip());
        }
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
