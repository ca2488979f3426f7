package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's proof: the customer journey ({@link CustomerJourney}) on the standalone server with the
 * demo tenant, on the default H2 file database and on PostgreSQL.
 */
class CustomerJourneyIT {
    @TempDir
    Path dir;

    private static Server start(Map<String, String> env, MutableClock clock) {
        return Server.start(ServerConfig.fromEnvironment(env), clock, Argon2PasswordHasher.forTests());
    }

    @Test
    void a_customer_subscribes_changes_and_cancels_on_the_h2_default() throws Exception {
        MutableClock clock = new MutableClock(CustomerJourney.START);
        try (Server server = start(ServerHarness.env(dir), clock)) {
            new CustomerJourney(server, clock).run();
        }
    }

    @Test
    void a_customer_subscribes_changes_and_cancels_on_postgresql() throws Exception {
        MutableClock clock = new MutableClock(CustomerJourney.START);
        try (Server server = start(ServerHarness.env(dir, "SUITE_DB_URL", TestPostgres.shared().freshSchemaUrl(),
                "SUITE_DB_USER", TestPostgres.USER, "SUITE_DB_PASSWORD", TestPostgres.PASSWORD), clock)) {
            new CustomerJourney(server, clock).run();
        }
    }
}
