package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.http.Readiness;
import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server's readiness ({@code GET /health/ready}): not shutting down, the database
 * answers {@code select 1}, Flyway's history holds no failed migration (the schema was migrated when
 * the pool opened; a failed migration of another instance shows here), and at least one tenant is
 * defined. A failure's cause is logged at WARN; the answer names only the check.
 */
final class ServerReadiness implements Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(ServerReadiness.class);

    private final Database database;
    private final DefineTenant tenants;
    private volatile boolean shuttingDown;

    ServerReadiness(Database database, DefineTenant tenants) {
        this.database = database;
        this.tenants = tenants;
    }

    /** From now on the server is not ready: load balancers stop sending it new requests. */
    void shuttingDown() {
        shuttingDown = true;
    }

    @Override
    public List<NotReady> notReady() {
        List<NotReady> failing = new ArrayList<>();
        if (shuttingDown) {
            failing.add(new NotReady("shutdown", "the server is shutting down"));
        }
        try {
            database.jdbi().useHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            LOG.warn("readiness: the database does not answer: {}", e.toString());
            failing.add(new NotReady("database", "the database does not answer"));
            return failing; // the other checks read the database too
        }
        try {
            int failed = database.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from flyway_schema_history where not success").mapTo(Integer.class).one());
            if (failed > 0) {
                failing.add(new NotReady("migrations", failed + " migrations failed"));
            }
        } catch (RuntimeException e) {
            LOG.warn("readiness: cannot read the migration history: {}", e.toString());
            failing.add(new NotReady("migrations", "the migration history cannot be read"));
        }
        try {
            if (!tenants.anyTenantDefined()) {
                failing.add(new NotReady("tenants", "no tenant is defined (SUITE_TENANT_FILES or SUITE_DEMO_TENANT)"));
            }
        } catch (RuntimeException e) {
            LOG.warn("readiness: cannot read the tenants: {}", e.toString());
            failing.add(new NotReady("tenants", "the tenants cannot be read"));
        }
        return failing;
    }
}
