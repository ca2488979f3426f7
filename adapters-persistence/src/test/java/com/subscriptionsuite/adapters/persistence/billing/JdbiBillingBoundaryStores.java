package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiIdentityStores;
import com.subscriptionsuite.application.port.out.AccountLinksStores;
import com.subscriptionsuite.application.port.out.BillingOperationsStores;
import com.subscriptionsuite.application.port.out.InvoiceDiscrepanciesStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the account-link and billing-operation contracts need, on one database. */
final class JdbiBillingBoundaryStores {
    private JdbiBillingBoundaryStores() {
    }

    static AccountLinksStores links(Jdbi jdbi) {
        return new AccountLinksStores(JdbiIdentityStores.on(jdbi), new JdbiAccountLinks(jdbi),
                new JdbiTransactions(jdbi));
    }

    static InvoiceDiscrepanciesStores discrepancies(Jdbi jdbi) {
        return new InvoiceDiscrepanciesStores(JdbiIdentityStores.on(jdbi), new JdbiInvoiceDiscrepancies(jdbi),
                new JdbiTransactions(jdbi));
    }

    static BillingOperationsStores operations(Jdbi jdbi) {
        return new BillingOperationsStores(JdbiIdentityStores.on(jdbi), new JdbiBillingOperations(jdbi),
                new JdbiTransactions(jdbi));
    }
}
