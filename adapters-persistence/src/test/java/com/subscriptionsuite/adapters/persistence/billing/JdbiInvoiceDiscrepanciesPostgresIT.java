package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.InvoiceDiscrepanciesContract;
import com.subscriptionsuite.application.port.out.InvoiceDiscrepanciesStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiInvoiceDiscrepanciesPostgresIT extends InvoiceDiscrepanciesContract {
    private Database database;

    @Override
    protected InvoiceDiscrepanciesStores freshDiscrepancyStores() {
        database = TestDatabases.postgres();
        return JdbiBillingBoundaryStores.discrepancies(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
