package com.subscriptionsuite.adapters.persistence.customer;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.CustomerLocksContract;
import com.subscriptionsuite.application.port.out.CustomerLocksStores;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiCustomerLocksPostgresIT extends CustomerLocksContract {
    private Database database;

    @Override
    protected CustomerLocksStores freshLockStores(Clock clock) {
        database = TestDatabases.postgres();
        return JdbiCustomerLocksH2IT.on(database, clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
