package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.VoucherStores;
import com.subscriptionsuite.application.port.out.VouchersContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database. */
class JdbiVouchersH2IT extends VouchersContract {
    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected VoucherStores freshVoucherStores() {
        database = TestDatabases.h2(dataDir);
        return JdbiVoucherStores.on(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
