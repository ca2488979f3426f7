package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The billing gateway contract on the built-in ledger in an H2 file database. */
class BuiltInLedgerContractH2IT extends BuiltInLedgerContractRun {
    @TempDir
    Path dataDir;

    @Override
    protected Database openDatabase() {
        return TestDatabases.h2(dataDir);
    }
}
