package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.BillingOperationsContract;
import com.subscriptionsuite.application.port.out.BillingOperationsStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiBillingOperationsPostgresIT extends BillingOperationsContract {
    private Database database;

    @Override
    protected BillingOperationsStores freshOperationStores() {
        database = TestDatabases.postgres();
        return JdbiBillingBoundaryStores.operations(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
