package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.Billing;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/** How the checkout and the bill run raise an invoice: the same parties, dates and numbering. */
final class Invoices {
    /** Product decision: payment is due 14 days after the invoice date. */
    static final int DAYS_TO_PAY = 14;

    private Invoices() {
    }

    /** A new invoice of the account for these lines (at least one), dated {@code today}. */
    static Invoice raise(Billing billing, Tenant tenant, BillingAccount account, List<InvoiceLine> lines,
            TaxDecision tax, LocalDate today, Instant now) {
        return new Invoice(billing.newId(), tenant.id(), account.id(), billing.nextNumber(tenant.id(),
                Billing.NumberKind.INVOICE), today, today.plusDays(DAYS_TO_PAY), account.currency(), seller(tenant),
                billTo(account.details()), tax.rate(), tax.explanation(), lines, Money.zero(account.currency()), now);
    }

    /** The tenant as seller: its name, country and VAT ID (the tenant file holds no postal address). */
    static InvoiceParty seller(Tenant tenant) {
        return new InvoiceParty(tenant.name(), List.of(), tenant.seller().country(), tenant.seller().vatId());
    }

    /**
     * The customer as the invoice is addressed: the company (or the person) at the billing address
     * when the account has one, else at the contact address; the country is the one VAT was decided
     * by.
     */
    static InvoiceParty billTo(AccountDetails d) {
        boolean billing = d.hasBillingAddress();
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
        return new InvoiceParty(name, lines, d.taxCountry(), vatId);
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
