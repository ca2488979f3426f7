package com.subscriptionsuite.adapters.persistence.voucher;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.Redemption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only the database adapter of vouchers has to care about, on H2 and on PostgreSQL. */
class VoucherTablesIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(30);
    /** Longer than H2's default lock timeout (2 s), shorter than Handles.LOCK_WAIT. */
    private static final long HOLD_LOCK_MILLIS = 2_500;

    @TempDir
    Path dataDir;

    private ExecutorService threads;

    @BeforeEach
    void threads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static User customer(Database database, long tenantId, String email) {
        EmailAddress address = EmailAddress.parse("email", email).getOrElseThrow(r -> new AssertionError(r.message()));
        return new JdbiUsers(database.jdbi()).add(tenantId, "guid-" + email, UserKind.CUSTOMER, address, "hash", "de",
                T0).getOrElseThrow(taken -> new AssertionError(taken.toString()));
    }

    private static Campaign singleUse(long id) {
        return new Campaign(id, "Single " + id, 204, null, null, List.of(601L), CodeKind.SINGLE_USE, null, null);
    }

    private static long rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** The key is the tenant's identity: its campaigns, codes, holds and redemptions move with it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_renumbered_tenant_keeps_its_campaigns_codes_holds_and_redemptions(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            JdbiTenants tenants = new JdbiTenants(database.jdbi());
            JdbiVouchers vouchers = new JdbiVouchers(database.jdbi());
            tenants.store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            User bob = customer(database, 1, "bob@example.com");
            vouchers.defineCampaign(1, singleUse(1));
            vouchers.addCodes(1, 1, List.of("KEPT-1", "KEPT-2"));
            vouchers.addHold(new Hold(1, "KEPT-1", 1, ann.id(), T0, T0.plus(HOLD)));
            vouchers.redeem(new Redemption(1, "KEPT-1", 1, ann.id(), T0.plusSeconds(60)));
            Hold bobs = new Hold(1, "KEPT-2", 1, bob.id(), T0, T0.plus(HOLD));
            vouchers.addHold(bobs);

            tenants.store(full(7, "acme"));

            assertThat(vouchers.campaigns(1)).isEmpty();
            assertThat(vouchers.campaigns(7)).containsExactly(singleUse(1));
            CodeState redeemed = vouchers.readCode(7, "KEPT-1", ann.id(), T0.plusSeconds(90))
                    .getOrElseThrow(AssertionError::new);
            assertThat(redeemed.redemptions()).isEqualTo(1);
            assertThat(redeemed.callerRedemptions()).isEqualTo(1);
            CodeState held = vouchers.readCode(7, "KEPT-2", bob.id(), T0.plusSeconds(90))
                    .getOrElseThrow(AssertionError::new);
            assertThat(held.callerHold().toJavaOptional()).contains(new Hold(7, "KEPT-2", 1, bob.id(), T0,
                    T0.plus(HOLD)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void storing_the_tenant_again_keeps_its_campaigns_and_codes(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            JdbiTenants tenants = new JdbiTenants(database.jdbi());
            JdbiVouchers vouchers = new JdbiVouchers(database.jdbi());
            tenants.store(full(1, "acme"));
            vouchers.defineCampaign(1, singleUse(1));
            vouchers.addCodes(1, 1, List.of("STAYS"));

            tenants.store(full(1, "acme"));

            assertThat(vouchers.campaigns(1)).containsExactly(singleUse(1));
            assertThat(vouchers.readCode(1, "STAYS", 1, T0).isDefined()).isTrue();
        }
    }

    /**
     * The lock itself: a second unit's lock of the code waits for the first unit to end, longer
     * than H2's lock timeout, and then sees what the first one wrote; a plain read does not wait.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void a_second_lock_of_a_code_waits_for_the_first_unit_and_sees_its_hold(TestDatabases.Kind kind)
            throws Exception {
        try (Database database = kind.open(dataDir)) {
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            JdbiVouchers vouchers = new JdbiVouchers(database.jdbi());
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            User ann = customer(database, 1, "ann@example.com");
            User bob = customer(database, 1, "bob@example.com");
            vouchers.defineCampaign(1, singleUse(1));
            vouchers.addCodes(1, 1, List.of("SOLO"));
            CountDownLatch locked = new CountDownLatch(1);

            Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                vouchers.lockCode(1, "SOLO", ann.id(), T0);
                locked.countDown();
                sleep(HOLD_LOCK_MILLIS);
                vouchers.addHold(new Hold(1, "SOLO", 1, ann.id(), T0, T0.plus(HOLD)));
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            CodeState read = vouchers.readCode(1, "SOLO", bob.id(), T0).getOrElseThrow(AssertionError::new);
            long readMillis = (System.nanoTime() - started) / 1_000_000;
            Future<CodeState> second = threads.submit(() -> transactions.inTransaction(
                    () -> vouchers.lockCode(1, "SOLO", bob.id(), T0).getOrElseThrow(AssertionError::new)));
            CodeState afterWait = second.get(30, TimeUnit.SECONDS);
            long lockMillis = (System.nanoTime() - started) / 1_000_000;
            first.get(30, TimeUnit.SECONDS);

            assertThat(readMillis).as("a read does not wait for the lock").isLessThan(HOLD_LOCK_MILLIS / 2);
            assertThat(read.activeHolds()).as("nothing committed yet").isZero();
            assertThat(lockMillis).as("the lock waited for the first unit").isGreaterThan(HOLD_LOCK_MILLIS / 2);
            assertThat(afterWait.activeHolds()).as("and then saw its hold").isEqualTo(1);
            assertThat(afterWait.othersHolds()).isEqualTo(1);
        }
    }

    /** Two imports of overlapping codes into one campaign at once: both succeed, each code counted once. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    @Timeout(60)
    void overlapping_imports_into_one_campaign_at_once_both_succeed(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open(dataDir)) {
            JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
            JdbiVouchers vouchers = new JdbiVouchers(database.jdbi());
            new JdbiTenants(database.jdbi()).store(full(1, "acme"));
            vouchers.defineCampaign(1, singleUse(1));
            CountDownLatch inserted = new CountDownLatch(1);

            Future<Integer> first = threads.submit(() -> transactions.inTransaction(() -> {
                int added = vouchers.addCodes(1, 1, List.of("X-1", "X-2"));
                inserted.countDown();
                sleep(500);
                return added;
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            int second = vouchers.addCodes(1, 1, List.of("X-2", "X-3"));

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(second).isEqualTo(1);
            assertThat(rows(database, "voucher_code")).isEqualTo(3);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
