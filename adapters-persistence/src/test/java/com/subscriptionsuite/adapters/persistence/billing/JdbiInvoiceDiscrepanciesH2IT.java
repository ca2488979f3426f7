package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.InvoiceDiscrepanciesContract;
import com.subscriptionsuite.application.port.out.InvoiceDiscrepanciesStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiInvoiceDiscrepanciesH2IT extends InvoiceDiscrepanciesContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected InvoiceDiscrepanciesStores freshDiscrepancyStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiBillingBoundaryStores.discrepancies(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
