package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.AccountLinksContract;
import com.subscriptionsuite.application.port.out.AccountLinksStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiAccountLinksPostgresIT extends AccountLinksContract {
    private Database database;

    @Override
    protected AccountLinksStores freshLinkStores() {
        database = TestDatabases.postgres();
        return JdbiBillingBoundaryStores.links(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
