package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bill-run} command bills, on the configured database, what a server booked. */
class BillRunIT {
    @TempDir
    Path dir;

    @Test
    void the_command_invoices_the_next_period_once_and_then_nothing() throws Exception {
        Map<String, String> env = ServerHarness.env(dir, "SUITE_BILLING_RUN_MINUTES", "0");
        ServerConfig config = ServerConfig.fromEnvironment(env);
        MutableClock clock = new MutableClock(CustomerJourney.START);
        try (Server server = Server.start(config, clock, Argon2PasswordHasher.forTests())) {
            new CustomerJourney(server, clock).subscribe();
        }
        clock.advance(Duration.ofDays(30));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BillRun.run(config, clock, Argon2PasswordHasher.forTests(), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // the monthly Starter plan's second period; the annual plan is paid up to 2027-11-21
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "tenant 1, 2026-12-21: 1 subscriptions charged, 1 invoices raised" + System.lineSeparator());

        out.reset();
        assertThat(BillRun.run(config, clock, Argon2PasswordHasher.forTests(), new PrintStream(out, true,
                StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 subscriptions charged, 0 invoices raised");
    }
}
