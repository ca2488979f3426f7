package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's proof: the customer journey ({@link CustomerJourney}) on the standalone server with the
 * demo tenant, on the default H2 file database and on PostgreSQL; and issue 13's: the same journey,
 * every amount the same, with {@code SUITE_BILLING=zuora} against the Zuora simulator (a Zuora tenant
 * with 19 % VAT for Germany in its tax table and the demo company on its invoice template).
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

    @Test
    void a_customer_subscribes_changes_and_cancels_with_zuora_as_the_billing_system() throws Exception {
        MutableClock clock = new MutableClock(CustomerJourney.START);
        ZuoraSimulator zuora = ZuoraSimulator.start(ZuoraSimulator.options().clock(clock).taxRate("DE", "0.19")
                .invoiceHeader("Cloud Office Demo GmbH", "VAT ID DE136695976"));
        try {
            try (Server server = start(ZuoraHarness.env(dir, zuora), clock)) {
                ZuoraHarness.demoShop(server, zuora);
                new CustomerJourney(server, clock, new ZuoraJourneySide(zuora, clock)).run();
            }
            assertThat(zuora.state().accountCount()).as("Ann's and Dora's accounts").isEqualTo(2);
        } finally {
            ZuoraHarness.closeCheckingRequests(zuora);
        }
    }
}
