package com.subscriptionsuite.adapters.persistence.vat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.VatChecksContract;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL, a fresh schema per test. */
class JdbiVatChecksPostgresIT extends VatChecksContract {
    private Database database;

    @Override
    protected Stores freshStores() {
        database = TestDatabases.postgres();
        return new Stores(new JdbiTenants(database.jdbi()), new JdbiVatChecks(database.jdbi()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
