package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;

/** The billing gateway contract on the built-in ledger in a real PostgreSQL, a fresh schema per test. */
class BuiltInLedgerContractPostgresIT extends BuiltInLedgerContractRun {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
