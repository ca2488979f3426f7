package com.subscriptionsuite.application.port.out.billing;

import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import java.util.List;

/**
 * Where the engine keeps the first invoices that did not agree with its preview (a local store: the
 * engine compares, the billing system only answers its invoice). {@link #record} joins the running
 * unit of work, the one that finishes the checkout.
 */
public interface InvoiceDiscrepancies {
    void record(InvoiceDiscrepancy discrepancy);

    /** How many the tenant has had. */
    long count(long tenantId);

    /** The tenant's latest, newest first, at most {@code limit}. */
    List<InvoiceDiscrepancy> latest(long tenantId, int limit);
}
