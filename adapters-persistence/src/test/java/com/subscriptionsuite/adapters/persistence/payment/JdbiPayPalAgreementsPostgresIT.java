package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.PayPalAgreementsContract;
import com.subscriptionsuite.application.port.out.PaymentStores;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL, a fresh schema per test. */
class JdbiPayPalAgreementsPostgresIT extends PayPalAgreementsContract {
    private Database database;

    @Override
    protected PaymentStores freshPaymentStores() {
        database = TestDatabases.postgres();
        return JdbiPaymentStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
