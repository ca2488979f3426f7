package com.subscriptionsuite.application.port.in.reconciliation;

import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import java.util.List;
import java.util.Objects;

/**
 * For a tenant's admins: the checkouts whose first invoice from the billing system differed from the
 * engine's preview, counted, the latest listed (what the customer saw is what the engine previewed;
 * what they were invoiced is the billing system's).
 */
public interface ReadInvoiceDiscrepancies {
    /** At most this many are listed at once. */
    int MAX_LIMIT = 200;

    /** The tenant's count and its latest {@code limit} (1 to {@link #MAX_LIMIT}). */
    Discrepancies discrepancies(long tenantId, int limit);

    record Discrepancies(long count, List<InvoiceDiscrepancy> latest) {
        public Discrepancies {
            latest = List.copyOf(Objects.requireNonNull(latest, "latest"));
        }
    }
}
