package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.LedgerStore;
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
    private Invoices() {
    }

    /** A new invoice of the account for these lines (at least one), dated {@code today}. */
    static Invoice raise(LedgerStore billing, Tenant tenant, BillingAccount account, List<InvoiceLine> lines,
            TaxDecision tax, LocalDate today, Instant now) {
        return Invoice.raise(billing.newId(), billing.nextNumber(tenant.id(), LedgerStore.NumberKind.INVOICE), tenant,
                account, today, tax, lines, now);
    }
}
