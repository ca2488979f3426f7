package com.subscriptionsuite.application.port.in.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * The built-in ledger's bill run for one tenant: invoices every billing period that has started by
 * today and is not invoiced yet, one invoice per account. Running it twice on a day invoices
 * nothing the second time; the host calls it periodically (the standalone server does).
 */
public interface RunBilling {
    BillingRun bill(long tenantId);

    /**
     * {@link #bill} for every tenant the engine knows. A tenant whose run fails does not stop the
     * others; the failure is thrown at the end, with every failed tenant's failure suppressed in it.
     */
    List<BillingRun> billEveryTenant();

    /**
     * What a run did: the tenant, the day it billed for, how many subscriptions it charged, the
     * invoices it raised.
     */
    record BillingRun(long tenantId, LocalDate day, int subscriptions, List<String> invoiceIds) {
        public BillingRun {
            invoiceIds = List.copyOf(invoiceIds);
        }
    }
}
