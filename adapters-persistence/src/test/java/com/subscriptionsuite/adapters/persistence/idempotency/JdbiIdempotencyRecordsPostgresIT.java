package com.subscriptionsuite.adapters.persistence.idempotency;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.IdempotencyRecordsContract;
import com.subscriptionsuite.application.port.out.IdempotencyStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiIdempotencyRecordsPostgresIT extends IdempotencyRecordsContract {
    private Database database;

    @Override
    protected IdempotencyStores freshIdempotencyStores() {
        database = TestDatabases.postgres();
        return JdbiIdempotencyStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
