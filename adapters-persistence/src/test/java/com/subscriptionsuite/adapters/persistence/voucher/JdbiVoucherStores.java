package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.VoucherStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the voucher contract needs, on one database. */
final class JdbiVoucherStores {
    private JdbiVoucherStores() {
    }

    static VoucherStores on(Jdbi jdbi) {
        IdentityStores identity = new IdentityStores(new JdbiTenants(jdbi), new JdbiUsers(jdbi),
                new JdbiSessions(jdbi), new JdbiPasswordResets(jdbi), new JdbiLoginAttempts(jdbi));
        return new VoucherStores(identity, new JdbiVouchers(jdbi), new JdbiTransactions(jdbi));
    }
}
