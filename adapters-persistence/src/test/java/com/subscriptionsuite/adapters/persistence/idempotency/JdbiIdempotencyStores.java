package com.subscriptionsuite.adapters.persistence.idempotency;

import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.IdempotencyStores;
import com.subscriptionsuite.application.port.out.IdentityStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the idempotency contract needs, on one database. */
final class JdbiIdempotencyStores {
    private JdbiIdempotencyStores() {
    }

    static IdempotencyStores on(Jdbi jdbi) {
        IdentityStores identity = new IdentityStores(new JdbiTenants(jdbi), new JdbiUsers(jdbi),
                new JdbiSessions(jdbi), new JdbiPasswordResets(jdbi), new JdbiLoginAttempts(jdbi));
        return new IdempotencyStores(identity, new JdbiIdempotencyRecords(jdbi));
    }
}
