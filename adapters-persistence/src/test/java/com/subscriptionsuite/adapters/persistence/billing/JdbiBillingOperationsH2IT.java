package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.BillingOperationsContract;
import com.subscriptionsuite.application.port.out.BillingOperationsStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiBillingOperationsH2IT extends BillingOperationsContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected BillingOperationsStores freshOperationStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiBillingBoundaryStores.operations(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
