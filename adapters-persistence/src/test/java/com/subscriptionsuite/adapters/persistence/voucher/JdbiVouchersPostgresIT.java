package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.VoucherStores;
import com.subscriptionsuite.application.port.out.VouchersContract;
import org.junit.jupiter.api.AfterEach;

/** The contract on a real PostgreSQL (17), a fresh schema per test. */
class JdbiVouchersPostgresIT extends VouchersContract {
    private Database database;

    @Override
    protected VoucherStores freshVoucherStores() {
        database = TestDatabases.postgres();
        return JdbiVoucherStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
