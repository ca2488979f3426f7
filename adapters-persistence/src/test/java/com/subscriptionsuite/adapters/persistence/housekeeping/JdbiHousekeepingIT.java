package com.subscriptionsuite.adapters.persistence.housekeeping;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.in.housekeeping.CleanUp;
import com.subscriptionsuite.application.port.in.housekeeping.CleanUp.CleanUpReport;
import com.subscriptionsuite.application.service.housekeeping.HousekeepingUseCases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The clean-up's store on H2 and PostgreSQL: what is old goes, what is fresh or still referenced stays. */
class JdbiHousekeepingIT {
    private static final Instant NOW = Instant.parse("2025-05-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long TENANT = 1;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void removes_what_is_old_and_keeps_what_is_fresh_or_still_referenced(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
            database.jdbi().useHandle(h -> {
                campaign(h);
                user(h, 1, "CUSTOMER", ago(Duration.ofDays(30)));
                session(h, "s-expired", 1, ago(Duration.ofSeconds(1)), null);
                session(h, "s-revoked", 1, NOW.plus(Duration.ofHours(1)), ago(Duration.ofHours(1)));
                session(h, "s-live", 1, NOW.plus(Duration.ofHours(1)), null);

                user(h, 10, "GUEST", ago(Duration.ofHours(13)));          // idle: goes with its ended session and lock
                session(h, "g-10", 10, ago(Duration.ofHours(1)), null);
                h.execute("INSERT INTO customer_lock (tenant_id, user_id) VALUES (?, ?)", TENANT, 10);
                user(h, 11, "GUEST", ago(Duration.ofHours(13)));          // a live session: stays
                session(h, "g-11", 11, NOW.plus(Duration.ofMinutes(5)), null);
                user(h, 12, "GUEST", ago(Duration.ofHours(11)));          // younger than 12 h: stays
                user(h, 13, "GUEST", ago(Duration.ofHours(13)));          // booked (account link): stays
                h.execute("INSERT INTO account_link (tenant_id, user_id, account_id) VALUES (?, ?, 'acc-13')", TENANT, 13);
                user(h, 14, "GUEST", ago(Duration.ofHours(13)));          // a payment method: stays
                h.execute("INSERT INTO payment_method (tenant_id, id, user_id, payment_type, status, created_at)"
                        + " VALUES (?, 'pm-14', ?, 'CreditCard', 'ACTIVE', ?)", TENANT, 14, utc(ago(Duration.ofHours(12))));
                user(h, 15, "GUEST", ago(Duration.ofHours(13)));          // a redemption: stays
                h.execute("INSERT INTO voucher_redemption (tenant_id, code, campaign_id, user_id, redeemed_at)"
                        + " VALUES (?, 'SPRING', 1, ?, ?)", TENANT, 15, utc(ago(Duration.ofHours(12))));
                user(h, 16, "GUEST", ago(Duration.ofHours(13)));          // an idempotency record in flight: stays
                idempotency(h, 16, "k-16", ago(Duration.ofHours(1)));
                user(h, 17, "GUEST", ago(Duration.ofHours(13)));          // only an expired hold: both go
                hold(h, 17, ago(Duration.ofHours(12)), null);
                user(h, 18, "GUEST", ago(Duration.ofHours(13)));          // a billing operation: stays
                h.execute("INSERT INTO billing_operation (tenant_id, op_key, user_id, kind, started_at, attempts)"
                        + " VALUES (?, 'op-18', ?, 'checkout', ?, 1)", TENANT, 18, utc(ago(Duration.ofHours(12))));

                hold(h, 1, ago(Duration.ofMinutes(1)), null);              // expired: goes
                hold(h, 1, ago(Duration.ofMinutes(1)), ago(Duration.ofMinutes(20))); // consumed: stays
                hold(h, 1, NOW.plus(Duration.ofMinutes(10)), null);      // open: stays

                idempotency(h, 1, "k-old", ago(Duration.ofHours(25)));
                idempotency(h, 1, "k-fresh", ago(Duration.ofHours(23)));

                loginFailure(h, ago(Duration.ofHours(25)));
                loginFailure(h, ago(Duration.ofHours(1)));

                pageToken(h, "p-used", NOW.plus(Duration.ofMinutes(10)), ago(Duration.ofMinutes(1)));
                pageToken(h, "p-expired", ago(Duration.ofMinutes(1)), null);
                pageToken(h, "p-fresh", NOW.plus(Duration.ofMinutes(10)), null);

                approval(h, "a-approved", NOW.plus(Duration.ofMinutes(10)), ago(Duration.ofMinutes(1)));
                approval(h, "a-expired", ago(Duration.ofMinutes(1)), null);
                approval(h, "a-fresh", NOW.plus(Duration.ofMinutes(10)), null);
            });
            CleanUp cleanUp = HousekeepingUseCases.cleanUp(new JdbiHousekeeping(database.jdbi()), CLOCK, 1000);

            CleanUpReport first = cleanUp.cleanUp();

            assertThat(first).isEqualTo(new CleanUpReport(3, 2, 1, 1, 2, 2, 2));
            assertThat(strings(database, "SELECT token_hash FROM user_session")).containsExactlyInAnyOrder("s-live", "g-11");
            assertThat(longs(database, "SELECT id FROM app_user")).containsExactlyInAnyOrder(1L, 11L, 12L, 13L, 14L, 15L,
                    16L, 18L);
            assertThat(longs(database, "SELECT user_id FROM customer_lock")).isEmpty();
            assertThat(longs(database, "SELECT user_id FROM voucher_hold")).containsExactly(1L, 1L);
            assertThat(strings(database, "SELECT idem_key FROM idempotency_record"))
                    .containsExactlyInAnyOrder("k-fresh", "k-16");
            assertThat(longs(database, "SELECT COUNT(*) FROM login_failure")).containsExactly(1L);
            assertThat(strings(database, "SELECT token_hash FROM payment_page_token")).containsExactly("p-fresh");
            assertThat(strings(database, "SELECT token_hash FROM paypal_approval")).containsExactly("a-fresh");

            assertThat(cleanUp.cleanUp()).as("a second run finds nothing more").isEqualTo(
                    new CleanUpReport(0, 0, 0, 0, 0, 0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void every_step_removes_at_most_the_batch_size_per_run(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
            database.jdbi().useHandle(h -> {
                campaign(h);
                user(h, 1, "CUSTOMER", ago(Duration.ofDays(30)));
                for (int i = 0; i < 5; i++) {
                    session(h, "s-" + i, 1, ago(Duration.ofMinutes(i + 1)), null);
                    hold(h, 1, ago(Duration.ofMinutes(i + 1)), null);
                    idempotency(h, 1, "k-" + i, ago(Duration.ofHours(25 + i)));
                    loginFailure(h, ago(Duration.ofHours(25 + i)));
                    pageToken(h, "p-" + i, ago(Duration.ofMinutes(i + 1)), null);
                    approval(h, "a-" + i, ago(Duration.ofMinutes(i + 1)), null);
                    user(h, 100 + i, "GUEST", ago(Duration.ofHours(13 + i)));
                }
            });
            CleanUp cleanUp = HousekeepingUseCases.cleanUp(new JdbiHousekeeping(database.jdbi()), CLOCK, 2);

            assertThat(cleanUp.cleanUp()).isEqualTo(new CleanUpReport(2, 2, 2, 2, 2, 2, 2));
            assertThat(cleanUp.cleanUp()).isEqualTo(new CleanUpReport(2, 2, 2, 2, 2, 2, 2));
            assertThat(cleanUp.cleanUp()).isEqualTo(new CleanUpReport(1, 1, 1, 1, 1, 1, 1));
            assertThat(cleanUp.cleanUp()).isEqualTo(new CleanUpReport(0, 0, 0, 0, 0, 0, 0));
            assertThat(longs(database, "SELECT id FROM app_user")).containsExactly(1L);
        }
    }

    /** Several instances at once: every row is removed once, by one of them; none is counted twice. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void instances_running_at_once_remove_each_row_once(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
            database.jdbi().useHandle(h -> {
                user(h, 1, "CUSTOMER", ago(Duration.ofDays(30)));
                for (int i = 0; i < 40; i++) {
                    session(h, "s-" + i, 1, ago(Duration.ofMinutes(i + 1)), null);
                    user(h, 100 + i, "GUEST", ago(Duration.ofHours(13)));
                    session(h, "g-" + i, 100 + i, ago(Duration.ofMinutes(i + 1)), null);
                }
            });
            JdbiHousekeeping a = new JdbiHousekeeping(database.jdbi());
            JdbiHousekeeping b = new JdbiHousekeeping(database.jdbi());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> sessions = new ArrayList<>();
                for (JdbiHousekeeping instance : List.of(a, b)) {
                    sessions.add(pool.submit(awaiting(start, () -> instance.removeEndedSessions(NOW, 1000))));
                }
                start.countDown();
                assertThat(sessions.get(0).get() + sessions.get(1).get()).isEqualTo(80);

                CountDownLatch again = new CountDownLatch(1);
                List<Future<Integer>> guests = new ArrayList<>();
                for (JdbiHousekeeping instance : List.of(a, b)) {
                    guests.add(pool.submit(awaiting(again,
                            () -> instance.removeIdleGuests(NOW.minus(Duration.ofHours(12)), NOW, 1000))));
                }
                again.countDown();
                assertThat(guests.get(0).get() + guests.get(1).get()).isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
            assertThat(longs(database, "SELECT COUNT(*) FROM user_session")).containsExactly(0L);
            assertThat(longs(database, "SELECT id FROM app_user")).containsExactly(1L);
        }
    }

    private static <T> Callable<T> awaiting(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Failsafe runs this module in Europe/Berlin, where 00:40Z and 01:40Z on 2025-10-26 are both 02:40 (the
     * clocks go back at 01:00Z): the clean-up's "now" must reach the database as the instant it is, not as
     * that local time, or at 01:40Z a session that ended at 01:10Z still counts as live.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void compares_with_the_instant_now_also_in_the_hour_the_clocks_go_back(TestDatabases.Kind kind) {
        Instant now = Instant.parse("2025-10-26T01:40:00Z");
        try (Database database = kind.open(dataDir)) {
            new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
            database.jdbi().useHandle(h -> {
                user(h, 1, "CUSTOMER", ago(Duration.ofDays(30)));
                for (String[] session : new String[][] {{"ended", "01:10"}, {"live", "02:10"}}) {
                    h.execute("INSERT INTO user_session (token_hash, tenant_id, user_id, kind, issued_at, expires_at)"
                            + " SELECT ?, tenant_id, id, kind, TIMESTAMP WITH TIME ZONE '2025-10-25 12:00:00+00',"
                            + " CAST(? AS TIMESTAMP WITH TIME ZONE) FROM app_user WHERE id = 1", session[0],
                            "2025-10-26 " + session[1] + ":00+00");
                }
            });

            assertThat(new JdbiHousekeeping(database.jdbi()).removeEndedSessions(now, 100)).isEqualTo(1);
            assertThat(strings(database, "SELECT token_hash FROM user_session")).containsExactly("live");
        }
    }

    private static void campaign(Handle h) {
        h.execute("INSERT INTO voucher_campaign (tenant_id, id, name, discount_rate_plan_id, kind)"
                + " VALUES (?, 1, 'Spring', 1, 'MULTI_USE')", TENANT);
        h.execute("INSERT INTO voucher_code (tenant_id, code, campaign_id) VALUES (?, 'SPRING', 1)", TENANT);
    }

    private static void user(Handle h, long id, String kind, Instant createdAt) {
        boolean customer = kind.equals("CUSTOMER");
        h.execute("INSERT INTO app_user (tenant_id, id, guid, kind, email, password_hash, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", TENANT, id, "guid-" + id, kind,
                customer ? "u" + id + "@example.com" : null, customer ? "hash" : null, utc(createdAt));
    }

    private static void session(Handle h, String token, long userId, Instant expiresAt, Instant revokedAt) {
        h.execute("INSERT INTO user_session (token_hash, tenant_id, user_id, kind, issued_at, expires_at, revoked_at)"
                + " SELECT ?, tenant_id, id, kind, ?, ?, ? FROM app_user WHERE id = ?", token,
                utc(expiresAt.minus(Duration.ofHours(12))), utc(expiresAt), utc(revokedAt), userId);
    }

    private static void hold(Handle h, long userId, Instant expiresAt, Instant consumedAt) {
        h.execute("INSERT INTO voucher_hold (tenant_id, code, campaign_id, user_id, held_at, expires_at, consumed_at)"
                + " VALUES (?, 'SPRING', 1, ?, ?, ?, ?)", TENANT, userId, utc(expiresAt.minus(Duration.ofMinutes(30))),
                utc(expiresAt), utc(consumedAt));
    }

    private static void idempotency(Handle h, long userId, String key, Instant createdAt) {
        h.execute("INSERT INTO idempotency_record (tenant_id, user_id, idem_key, fingerprint, created_at)"
                + " VALUES (?, ?, ?, 'fp', ?)", TENANT, userId, key, utc(createdAt));
    }

    private static void loginFailure(Handle h, Instant at) {
        h.execute("INSERT INTO login_failure (tenant_id, failure_key, failed_at) VALUES (?, 'client:192.0.2.7', ?)",
                TENANT, utc(at));
    }

    private static void pageToken(Handle h, String token, Instant expiresAt, Instant usedAt) {
        h.execute("INSERT INTO payment_page_token (token_hash, tenant_id, user_id, option_id, payment_type, page_id,"
                + " locale, issued_at, expires_at, used_at) VALUES (?, ?, 1, 1, 'CreditCard', 'page', 'en', ?, ?, ?)",
                token, TENANT, utc(expiresAt.minus(Duration.ofMinutes(30))), utc(expiresAt), utc(usedAt));
    }

    private static void approval(Handle h, String token, Instant expiresAt, Instant approvedAt) {
        h.execute("INSERT INTO paypal_approval (token_hash, tenant_id, user_id, payment_method_id, issued_at,"
                + " expires_at, approved_at) VALUES (?, ?, 1, 'pm', ?, ?, ?)", token, TENANT,
                utc(expiresAt.minus(Duration.ofMinutes(30))), utc(expiresAt), utc(approvedAt));
    }

    private static List<String> strings(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static List<Long> longs(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
    }
}
