package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.housekeeping.CleanUp.CleanUpReport;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-up the standalone server schedules (docs/housekeeping.md), one run of it over its database. */
class HousekeepingServerIT {
    @TempDir
    Path dir;

    @Test
    void a_guest_that_booked_nothing_is_gone_after_its_12_hours_and_its_token_with_it() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        try (Server server = Server.start(ServerConfig.fromEnvironment(env(dir, "SUITE_CLEANUP_MINUTES", "0")), clock,
                Argon2PasswordHasher.forTests())) {
            String idle = token(post(server, "/login/guest", "{}").body());
            String other = token(post(server, "/login/guest", "{}").body());
            assertThat(post(server, "/logout", "{}", "Authorization", "Bearer " + other).statusCode()).isEqualTo(200);

            assertThat(Server.cleanUpRun(server.engine()))
                    .as("a revoked session goes at once; a guest is kept for its 12 hours")
                    .isEqualTo(new CleanUpReport(1, 0, 0, 0, 0, 0, 0));
            clock.advance(Duration.ofHours(12).plusMinutes(1));

            assertThat(Server.cleanUpRun(server.engine())).isEqualTo(new CleanUpReport(1, 0, 0, 0, 0, 0, 2));
            assertThat(Server.cleanUpRun(server.engine())).as("nothing more on the next run")
                    .isEqualTo(new CleanUpReport(0, 0, 0, 0, 0, 0, 0));
            assertThat(post(server, "/logout", "{}", "Authorization", "Bearer " + idle).statusCode()).isEqualTo(401);
        }
    }

    private static String token(String json) {
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
