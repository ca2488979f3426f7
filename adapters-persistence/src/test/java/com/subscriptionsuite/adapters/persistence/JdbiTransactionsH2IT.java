package com.subscriptionsuite.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbiTransactions} on an H2 file database. */
class JdbiTransactionsH2IT extends JdbiTransactionsChecks {
    @TempDir
    Path dataDir;

    @Override
    protected Database freshDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
