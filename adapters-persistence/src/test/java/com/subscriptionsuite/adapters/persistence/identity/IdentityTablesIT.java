package com.subscriptionsuite.adapters.persistence.identity;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.LoginThrottle.Failures;
import com.subscriptionsuite.domain.identity.PasswordReset;
import com.subscriptionsuite.domain.identity.Session;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only the database adapters of identity have to care about, on H2 and on PostgreSQL. */
class IdentityTablesIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final String KEY = "account:ann@example.com";

    @TempDir
    Path dataDir;

    private static EmailAddress email(String raw) {
        return EmailAddress.parse("email", raw).getOrElseThrow(r -> new AssertionError(r.message()));
    }

    private static long rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void recording_a_failure_prunes_the_keys_failures_older_than_a_day(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            JdbiLoginAttempts attempts = new JdbiLoginAttempts(database.jdbi());
            Instant now = T0.plus(Duration.ofDays(3));
            attempts.recordFailure(1, KEY, T0);
            attempts.recordFailure(1, KEY, now.minus(Duration.ofDays(1)));
            attempts.recordFailure(1, "client:192.0.2.7", T0);

            attempts.recordFailure(1, KEY, now);

            assertThat(attempts.failuresSince(1, KEY, Instant.EPOCH)).as("a day old is kept, older is gone")
                    .isEqualTo(new Failures(2, now));
            assertThat(attempts.failuresSince(1, "client:192.0.2.7", Instant.EPOCH))
                    .as("other keys wait for their own next failure").isEqualTo(new Failures(1, T0));
            assertThat(rows(database, "login_failure")).isEqualTo(3);
        }
    }

    /** The key is the tenant's identity: its users, sessions, resets and failures move with it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_renumbered_tenant_keeps_its_users_sessions_resets_and_login_failures(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            JdbiTenants tenants = new JdbiTenants(database.jdbi());
            JdbiUsers users = new JdbiUsers(database.jdbi());
            JdbiSessions sessions = new JdbiSessions(database.jdbi());
            JdbiPasswordResets resets = new JdbiPasswordResets(database.jdbi());
            JdbiLoginAttempts attempts = new JdbiLoginAttempts(database.jdbi());
            tenants.store(full(1, "acme"));
            User ann = users.add(1, "guid-ann", UserKind.CUSTOMER, email("ann@example.com"), "hash", "de", T0)
                    .getOrElseThrow(taken -> new AssertionError(taken.toString()));
            sessions.add(Session.start("t1", ann, T0));
            resets.add(PasswordReset.issue("k1", ann, T0));
            attempts.recordFailure(1, KEY, T0);

            tenants.store(full(7, "acme"));

            assertThat(users.byId(1, ann.id()).isEmpty()).isTrue();
            User moved = users.byEmail(7, email("ann@example.com")).getOrElseThrow(AssertionError::new);
            assertThat(moved.id()).isEqualTo(ann.id());
            assertThat(moved.tenantId()).isEqualTo(7);
            assertThat(sessions.byTokenHash("t1").map(Session::tenantId).toJavaOptional()).contains(7L);
            assertThat(resets.byKeyHash("k1").map(PasswordReset::tenantId).toJavaOptional()).contains(7L);
            assertThat(attempts.failuresSince(7, KEY, T0)).isEqualTo(new Failures(1, T0));
            assertThat(attempts.failuresSince(1, KEY, T0)).isEqualTo(Failures.none());
        }
    }

    /**
     * Failsafe runs this module's tests in Europe/Berlin: 00:30Z and 01:30Z on 2025-10-26 are both
     * 02:30 there (the clocks go back at 01:00Z), so a conversion through the local time loses an hour.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void instants_keep_their_microseconds_and_do_not_depend_on_the_jvms_time_zone(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            JdbiUsers users = new JdbiUsers(database.jdbi());
            JdbiLoginAttempts attempts = new JdbiLoginAttempts(database.jdbi());
            Instant first = Instant.parse("2025-10-26T00:30:00.123456Z");
            Instant second = Instant.parse("2025-10-26T01:30:00.654321Z");

            User a = users.add(1, "guid-a", UserKind.GUEST, null, null, "de", first)
                    .getOrElseThrow(taken -> new AssertionError(taken.toString()));
            User b = users.add(1, "guid-b", UserKind.GUEST, null, null, "de", second)
                    .getOrElseThrow(taken -> new AssertionError(taken.toString()));
            attempts.recordFailure(1, KEY, second);

            assertThat(users.byId(1, a.id()).map(User::createdAt).toJavaOptional()).contains(first);
            assertThat(users.byId(1, b.id()).map(User::createdAt).toJavaOptional()).contains(second);
            assertThat(attempts.failuresSince(1, KEY, second)).isEqualTo(new Failures(1, second));
            assertThat(attempts.failuresSince(1, KEY, second.plusNanos(1000))).isEqualTo(Failures.none());
        }
    }
}
