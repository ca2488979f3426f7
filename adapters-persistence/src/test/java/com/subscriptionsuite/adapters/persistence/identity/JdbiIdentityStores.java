package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.IdentityStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi identity adapters on one database, for the contract tests. */
public final class JdbiIdentityStores {
    private JdbiIdentityStores() {
    }

    public static IdentityStores on(Jdbi jdbi) {
        return new IdentityStores(new JdbiTenants(jdbi), new JdbiUsers(jdbi), new JdbiSessions(jdbi),
                new JdbiPasswordResets(jdbi), new JdbiLoginAttempts(jdbi));
    }
}
