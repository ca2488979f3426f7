package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiIdentityStores;
import com.subscriptionsuite.application.port.out.LedgerStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the billing contract needs, on one database. */
final class JdbiLedgerStores {
    private JdbiLedgerStores() {
    }

    static LedgerStores on(Jdbi jdbi) {
        return new LedgerStores(JdbiIdentityStores.on(jdbi), new JdbiLedgerStore(jdbi), new JdbiTransactions(jdbi));
    }
}
