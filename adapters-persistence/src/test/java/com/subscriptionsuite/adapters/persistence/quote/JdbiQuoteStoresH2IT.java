package com.subscriptionsuite.adapters.persistence.quote;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.identity.JdbiIdentityStores;
import com.subscriptionsuite.application.port.out.quote.QuoteStores;
import com.subscriptionsuite.application.port.out.quote.QuoteStoresContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The quote contract on an H2 file database. */
class JdbiQuoteStoresH2IT extends QuoteStoresContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected QuoteStores freshQuoteStores() {
        database = TestDatabases.h2(dataDir);
        return on(database);
    }

    static QuoteStores on(Database database) {
        JdbiQuotes quotes = new JdbiQuotes(database.jdbi());
        return new QuoteStores(JdbiIdentityStores.on(database.jdbi()), quotes, quotes,
                new JdbiQuoteLinks(database.jdbi()), new JdbiTransactions(database.jdbi()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
