package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiIdentityStores;
import com.subscriptionsuite.application.port.out.BillingStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the billing contract needs, on one database. */
final class JdbiBillingStores {
    private JdbiBillingStores() {
    }

    static BillingStores on(Jdbi jdbi) {
        return new BillingStores(JdbiIdentityStores.on(jdbi), new JdbiBilling(jdbi), new JdbiTransactions(jdbi));
    }
}
