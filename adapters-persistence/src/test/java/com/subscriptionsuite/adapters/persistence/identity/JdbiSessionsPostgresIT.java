package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.SessionsContract;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiSessionsPostgresIT extends SessionsContract {
    private Database database;

    @Override
    protected IdentityStores freshStores() {
        database = TestDatabases.postgres();
        return JdbiIdentityStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
