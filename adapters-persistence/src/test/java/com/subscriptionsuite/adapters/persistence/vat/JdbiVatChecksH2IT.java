package com.subscriptionsuite.adapters.persistence.vat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.VatChecksContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiVatChecksH2IT extends VatChecksContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected Stores freshStores() {
        database = TestDatabases.h2(dataDir);
        return new Stores(new JdbiTenants(database.jdbi()), new JdbiVatChecks(database.jdbi()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
