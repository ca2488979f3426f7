package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.LedgerStoreContract;
import com.subscriptionsuite.application.port.out.LedgerStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiLedgerStoreH2IT extends LedgerStoreContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected LedgerStores freshBillingStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiLedgerStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
