package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voucher races on one H2 file database, through two pools (in one JVM, H2 serves both from
 * the same embedded engine; H2 has no separate server instances to speak of).
 */
class VoucherConcurrencyH2IT extends VoucherConcurrencyChecks {
    @TempDir
    Path dataDir;

    @Override
    protected List<Database> openServers() {
        String url = Database.h2File(dataDir);
        return List.of(new Database(url, "sa", ""), new Database(url, "sa", ""));
    }
}
