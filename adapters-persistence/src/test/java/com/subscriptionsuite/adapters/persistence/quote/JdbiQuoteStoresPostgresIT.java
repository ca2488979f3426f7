package com.subscriptionsuite.adapters.persistence.quote;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.quote.QuoteStores;
import com.subscriptionsuite.application.port.out.quote.QuoteStoresContract;
import org.junit.jupiter.api.AfterEach;

/** The quote contract on a real PostgreSQL, a fresh schema per test. */
class JdbiQuoteStoresPostgresIT extends QuoteStoresContract {
    private Database database;

    @Override
    protected QuoteStores freshQuoteStores() {
        database = TestDatabases.postgres();
        return JdbiQuoteStoresH2IT.on(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
