package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.LoginAttemptsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiLoginAttemptsH2IT extends LoginAttemptsContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected IdentityStores freshStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiIdentityStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
