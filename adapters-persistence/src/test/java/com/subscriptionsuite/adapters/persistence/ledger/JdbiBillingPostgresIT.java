package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.BillingContract;
import com.subscriptionsuite.application.port.out.BillingStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiBillingPostgresIT extends BillingContract {
    private Database database;

    @Override
    protected BillingStores freshBillingStores() {
        database = TestDatabases.postgres();
        return JdbiBillingStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
