package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.BillingContract;
import com.subscriptionsuite.application.port.out.BillingStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiBillingH2IT extends BillingContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected BillingStores freshBillingStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiBillingStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
