package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.PayPalAgreementsContract;
import com.subscriptionsuite.application.port.out.PaymentStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiPayPalAgreementsH2IT extends PayPalAgreementsContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected PaymentStores freshPaymentStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiPaymentStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
