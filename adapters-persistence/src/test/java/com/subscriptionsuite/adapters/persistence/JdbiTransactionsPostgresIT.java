package com.subscriptionsuite.adapters.persistence;

/** {@link JdbiTransactions} on a real PostgreSQL (17), a fresh schema per test. */
class JdbiTransactionsPostgresIT extends JdbiTransactionsChecks {
    @Override
    protected Database freshDatabase() {
        return TestDatabases.postgres();
    }
}
