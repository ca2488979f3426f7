package com.subscriptionsuite.adapters.persistence.revenue;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;

class JdbiRevenueBatchesPostgresIT extends RevenueBatchesContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
