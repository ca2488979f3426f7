package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.UsersContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiUsersH2IT extends UsersContract {
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
