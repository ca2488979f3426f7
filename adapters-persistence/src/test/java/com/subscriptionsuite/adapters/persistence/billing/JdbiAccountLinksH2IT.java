package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.AccountLinksContract;
import com.subscriptionsuite.application.port.out.AccountLinksStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiAccountLinksH2IT extends AccountLinksContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected AccountLinksStores freshLinkStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiBillingBoundaryStores.links(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
