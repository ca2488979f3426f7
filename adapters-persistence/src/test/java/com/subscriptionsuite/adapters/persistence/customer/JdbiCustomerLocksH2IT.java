package com.subscriptionsuite.adapters.persistence.customer;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.identity.JdbiIdentityStores;
import com.subscriptionsuite.application.port.out.CustomerLocksContract;
import com.subscriptionsuite.application.port.out.CustomerLocksStores;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database (a wait outlasts H2's lock timeout). */
class JdbiCustomerLocksH2IT extends CustomerLocksContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected CustomerLocksStores freshLockStores(Clock clock) {
        database = TestDatabases.h2(dataDir);
        return on(database, clock);
    }

    static CustomerLocksStores on(Database database, Clock clock) {
        return new CustomerLocksStores(JdbiIdentityStores.on(database.jdbi()),
                new JdbiCustomerLocks(database.jdbi(), clock), new JdbiTransactions(database.jdbi()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
