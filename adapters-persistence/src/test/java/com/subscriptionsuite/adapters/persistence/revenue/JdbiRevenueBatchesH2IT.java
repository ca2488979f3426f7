package com.subscriptionsuite.adapters.persistence.revenue;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class JdbiRevenueBatchesH2IT extends RevenueBatchesContract {
    @TempDir
    Path dir;

    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
