package com.subscriptionsuite.adapters.persistence.idempotency;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.IdempotencyRecordsContract;
import com.subscriptionsuite.application.port.out.IdempotencyStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiIdempotencyRecordsH2IT extends IdempotencyRecordsContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected IdempotencyStores freshIdempotencyStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiIdempotencyStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
