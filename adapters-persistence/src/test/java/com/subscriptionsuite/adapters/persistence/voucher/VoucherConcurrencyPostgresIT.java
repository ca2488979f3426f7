package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import java.util.ArrayList;
import java.util.List;

/**
 * The voucher races on a real PostgreSQL (17): four servers, each with a connection pool of its
 * own, on one fresh schema per test.
 */
class VoucherConcurrencyPostgresIT extends VoucherConcurrencyChecks {
    private static final int SERVERS = 4;

    @Override
    protected List<Database> openServers() {
        String url = TestPostgres.shared().freshSchemaUrl();
        List<Database> servers = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            servers.add(new Database(url, TestPostgres.USER, TestPostgres.PASSWORD));
        }
        return servers;
    }
}
