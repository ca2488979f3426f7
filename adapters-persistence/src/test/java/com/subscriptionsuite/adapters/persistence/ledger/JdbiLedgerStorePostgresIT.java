package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.LedgerStoreContract;
import com.subscriptionsuite.application.port.out.LedgerStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiLedgerStorePostgresIT extends LedgerStoreContract {
    private Database database;

    @Override
    protected LedgerStores freshBillingStores() {
        database = TestDatabases.postgres();
        return JdbiLedgerStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
