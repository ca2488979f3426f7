package com.subscriptionsuite.adapters.persistence.idempotency;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only the database adapter of idempotency records has to care about, on H2 and PostgreSQL:
 * claims and releases commit on their own, a completion commits with the unit it runs in, and claims
 * from two pools (two server instances) race fairly.
 */
class IdempotencyTablesIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final Instant WINDOW_START = T0.minus(Duration.ofHours(24));
    private static final long TENANT = 1;
    private static final long USER = 42;

    @TempDir
    Path dataDir;

    private static IdempotencyRecord claim(String key, String fingerprint) {
        return new IdempotencyRecord(TENANT, USER, key, fingerprint, T0, null, null);
    }

    private static Database withTenant(Database database) {
        new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
        return database;
    }

    /**
     * A claim and a release commit on their own, so they would need a second connection inside a
     * unit of work; the request path takes them before the unit starts and after it ends (issue 9).
     * Inside a unit they are refused and change nothing.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_claim_or_a_release_inside_a_unit_is_refused_and_changes_nothing(TestDatabases.Kind kind) {
        try (Database database = withTenant(kind.open(dataDir))) {
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            records.claim(claim("kept", "fp-k"), WINDOW_START);

            assertThatThrownBy(() -> transactions.inTransaction(() -> records.claim(claim("claimed", "fp-c"),
                    WINDOW_START))).isInstanceOf(IllegalStateException.class).hasMessageContaining("unit of work");
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                records.release(claim("kept", "fp-k"));
                return null;
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("unit of work");

            assertThat(records.claim(claim("claimed", "fp-x"), WINDOW_START).isEmpty()).as("never claimed").isTrue();
            assertThat(records.claim(claim("kept", "fp-x"), WINDOW_START).map(IdempotencyRecord::fingerprint)
                    .toJavaOptional()).as("not released").contains("fp-k");
            assertThat(database.connectionsHeld()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_completion_commits_with_its_unit_and_rolls_back_with_it(TestDatabases.Kind kind) {
        try (Database database = withTenant(kind.open(dataDir))) {
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            records.claim(claim("failed", "fp-f"), WINDOW_START);
            records.claim(claim("done", "fp-d"), WINDOW_START);

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                records.complete(claim("failed", "fp-f"), 201, "{\"id\":1}");
                throw new IllegalStateException("checkout failed");
            })).hasMessage("checkout failed");
            transactions.inTransaction(() -> {
                records.complete(claim("done", "fp-d"), 201, "{\"id\":2}");
                return null;
            });

            assertThat(records.claim(claim("failed", "fp-x"), WINDOW_START).get().completed())
                    .as("rolled back with the unit").isFalse();
            assertThat(records.claim(claim("done", "fp-x"), WINDOW_START).toJavaOptional())
                    .contains(new IdempotencyRecord(TENANT, USER, "done", "fp-d", T0, 201, "{\"id\":2}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_unit_whose_claim_was_taken_over_meanwhile_stores_no_response(TestDatabases.Kind kind) {
        try (Database database = withTenant(kind.open(dataDir))) {
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            IdempotencyRecord original = claim("key", "fp");
            records.claim(original, WINDOW_START);
            Instant later = T0.plusSeconds(61);

            boolean stored = transactions.inTransaction(() -> {
                // the retry is another request: another thread with a connection of its own
                java.util.concurrent.ExecutorService retry = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    assertThat(retry.submit(() -> records.takeOver(original, later)).get(30,
                            java.util.concurrent.TimeUnit.SECONDS)).as("a retry on another connection").isTrue();
                } catch (Exception e) {
                    throw new AssertionError(e);
                } finally {
                    retry.shutdownNow();
                }
                return records.complete(original, 201, "{\"by\":\"original\"}");
            });

            assertThat(stored).isFalse();
            IdempotencyRecord now = records.claim(claim("key", "fp"), WINDOW_START).get();
            assertThat(now.createdAt()).isEqualTo(later);
            assertThat(now.completed()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void stamps_are_kept_to_the_microsecond_so_a_claim_made_at_nanoseconds_completes(TestDatabases.Kind kind) {
        try (Database database = withTenant(kind.open(dataDir))) {
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            IdempotencyRecord claim = new IdempotencyRecord(TENANT, USER, "key", "fp", T0.plusNanos(123_456_789),
                    null, null);
            records.claim(claim, WINDOW_START);

            IdempotencyRecord stored = records.claim(claim("key", "fp"), WINDOW_START).get();
            assertThat(stored.createdAt()).isEqualTo(T0.plusNanos(123_456_000));
            assertThat(records.takeOver(claim, T0.plusSeconds(61).plusNanos(999))).isTrue();
            assertThat(records.complete(new IdempotencyRecord(TENANT, USER, "key", "fp",
                    T0.plusSeconds(61).plusNanos(999), null, null), 201, "{}")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void of_eight_claims_of_one_key_from_two_pools_at_once_exactly_one_wins(TestDatabases.Kind kind)
            throws Exception {
        String url = kind == TestDatabases.Kind.H2 ? Database.h2File(dataDir) : TestPostgres.shared().freshSchemaUrl();
        String user = kind == TestDatabases.Kind.H2 ? "sa" : TestPostgres.USER;
        String password = kind == TestDatabases.Kind.H2 ? "" : TestPostgres.PASSWORD;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Database one = withTenant(new Database(url, user, password));
                Database two = new Database(url, user, password)) {
            List<JdbiIdempotencyRecords> servers = List.of(new JdbiIdempotencyRecords(one.jdbi()),
                    new JdbiIdempotencyRecords(two.jdbi()));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Option<IdempotencyRecord>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JdbiIdempotencyRecords records = servers.get(i % 2);
                String fingerprint = "fp-" + i;
                claims.add(threads.submit(() -> {
                    start.await();
                    return records.claim(claim("race", fingerprint), WINDOW_START);
                }));
            }
            start.countDown();
            List<Option<IdempotencyRecord>> outcomes = new ArrayList<>();
            for (Future<Option<IdempotencyRecord>> c : claims) {
                outcomes.add(c.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes.stream().filter(Option::isEmpty)).as("winners").hasSize(1);
            String winner = "fp-" + outcomes.indexOf(Option.none());
            assertThat(outcomes.stream().filter(Option::isDefined).map(o -> o.get().fingerprint()))
                    .hasSize(7).allMatch(winner::equals);
        } finally {
            threads.shutdownNow();
        }
    }
}
