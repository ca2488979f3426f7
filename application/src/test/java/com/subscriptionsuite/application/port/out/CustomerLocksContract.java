package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.out.CustomerLocks.Lease;
import com.subscriptionsuite.domain.identity.User;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link CustomerLocks} adapter must do. Leases ({@link Leases}): one holder at a time per
 * customer, renewed by its holder, taken over once over (by the adapter's clock, here a
 * {@link MutableClock}), waited for in real time, ended only by their holder, taken and released
 * outside units of work. The old row lock: a customer's lock, taken in a unit of work, makes a second
 * unit locking the same customer wait until the first unit ends, on another thread (and so another
 * connection); other customers do not wait; a customer without anything stored yet (before a first
 * checkout) is locked like any other.
 */
public abstract class CustomerLocksContract extends IdentityContract {
    /** Longer than H2's default lock timeout (2 s), so the adapter's wait must outlast it. */
    private static final long HOLD_MILLIS = 2_500;

    /**
     * Fresh, empty stores on one database (or in memory), the locks reading the time from
     * {@code clock}. Called once before each test.
     */
    protected abstract CustomerLocksStores freshLockStores(Clock clock);

    private final MutableClock clock = new MutableClock(T0);
    private CustomerLocks locks;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    protected final IdentityStores freshStores() {
        CustomerLocksStores stores = freshLockStores(clock);
        locks = stores.locks();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Leases {
        private static final Duration MINUTE = Duration.ofMinutes(1);
        private static final Duration NO_WAIT = Duration.ZERO;

        private Option<Lease> acquire(User user, String holder, Duration maxWait) {
            return locks.acquire(user.tenantId(), user.id(), holder, MINUTE, maxWait);
        }

        @Test
        void a_customers_free_lock_is_leased_to_the_holder_until_now_plus_the_lease_time() {
            Option<Lease> lease = acquire(ann, "checkout:1", NO_WAIT);

            assertThat(lease).containsExactly(new Lease(ALPHA, ann.id(), "checkout:1", T0.plus(MINUTE)));
        }

        @Test
        @Timeout(60)
        void a_leased_lock_is_not_given_to_another_holder_who_waits_for_it_and_gives_up_with_none() {
            assertThat(acquire(ann, "checkout:1", NO_WAIT)).isNotEmpty();

            long started = System.nanoTime();
            Option<Lease> second = acquire(ann, "checkout:2", Duration.ofMillis(300));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(second).isEmpty();
            assertThat(waitedMillis).as("waited for the lease about the whole time given (timer granularity aside)")
                    .isGreaterThanOrEqualTo(290);
            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("without waiting").isEmpty();
        }

        @Test
        void the_holder_renews_its_lease_which_then_runs_from_now() {
            acquire(ann, "checkout:1", NO_WAIT);
            clock.advance(Duration.ofSeconds(40));

            Option<Lease> renewed = acquire(ann, "checkout:1", NO_WAIT);
            clock.advance(Duration.ofSeconds(30)); // past the first lease's end, within the renewed one

            assertThat(renewed.map(Lease::until)).containsExactly(T0.plus(Duration.ofSeconds(40)).plus(MINUTE));
            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("another holder").isEmpty();
        }

        @Test
        void a_lease_that_ran_out_is_taken_over_and_its_old_holder_can_neither_release_nor_renew_it() {
            Lease first = acquire(ann, "checkout:1", NO_WAIT).get();
            clock.advance(MINUTE.plusSeconds(1));

            Option<Lease> takeover = acquire(ann, "checkout:2", NO_WAIT);
            locks.release(first);

            assertThat(takeover.map(Lease::holder)).containsExactly("checkout:2");
            assertThat(acquire(ann, "checkout:1", NO_WAIT)).as("the old holder").isEmpty();
            assertThat(acquire(ann, "checkout:3", NO_WAIT)).as("a third holder").isEmpty();
        }

        @Test
        void a_lease_is_still_held_at_the_very_instant_it_ends() {
            acquire(ann, "checkout:1", NO_WAIT);
            clock.advance(MINUTE);

            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("at its very end").isEmpty();
        }

        @Test
        void a_release_in_the_name_of_another_holder_leaves_the_lease_and_its_holders_release_ends_it() {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();

            locks.release(new Lease(ALPHA, ann.id(), "checkout:2", lease.until()));
            assertThat(acquire(ann, "checkout:3", NO_WAIT)).as("after another holder's release").isEmpty();

            locks.release(lease);
            assertThat(acquire(ann, "checkout:3", NO_WAIT)).as("after the holder's release").isNotEmpty();
        }

        @Test
        @Timeout(60)
        void a_waiting_holder_gets_the_lease_as_soon_as_the_holder_releases_it_on_another_thread() throws Exception {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Option<Lease>> second = threads.submit(() -> {
                waiting.countDown();
                return acquire(ann, "checkout:2", Duration.ofSeconds(20));
            });
            assertThat(await(waiting)).isTrue();
            sleep(300);
            long released = System.nanoTime();
            locks.release(lease);

            Option<Lease> got = second.get(20, TimeUnit.SECONDS);
            long afterRelease = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);

            assertThat(got.map(Lease::holder)).containsExactly("checkout:2");
            assertThat(afterRelease).as("millis from the release until the waiter had the lease").isLessThan(5_000);
        }

        @Test
        @Timeout(60)
        void a_customers_lease_holds_back_no_other_customer_nor_the_same_customer_in_another_tenant()
                throws Exception {
            acquire(ann, "checkout:1", NO_WAIT);

            Future<List<Option<Lease>>> others = threads.submit(() -> List.of(
                    acquire(bob, "checkout:2", NO_WAIT), acquire(annInBeta, "checkout:3", NO_WAIT)));

            assertThat(others.get(10, TimeUnit.SECONDS)).allSatisfy(lease -> assertThat(lease).isNotEmpty());
        }

        @Test
        @Timeout(120)
        void holders_taking_one_customers_lease_at_once_and_again_never_hold_it_together() throws Exception {
            int holders = 6;
            int rounds = 5;
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger mostInside = new AtomicInteger();
            AtomicInteger entries = new AtomicInteger();
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int h = 0; h < holders; h++) {
                String holder = "op-" + h;
                tasks.add(() -> {
                    int taken = 0;
                    for (int round = 0; round < rounds; round++) {
                        Lease lease = locks.acquire(ALPHA, ann.id(), holder + ":" + round, MINUTE,
                                Duration.ofSeconds(30)).getOrElseThrow(() -> new AssertionError("no lease in 30 s"));
                        int now = inside.incrementAndGet();
                        mostInside.accumulateAndGet(now, Math::max);
                        entries.incrementAndGet();
                        sleep(3);
                        inside.decrementAndGet();
                        locks.release(lease);
                        taken++;
                    }
                    return taken;
                });
            }

            assertThat(atOnce(tasks)).containsOnly(rounds);

            assertThat(entries.get()).isEqualTo(holders * rounds);
            assertThat(mostInside.get()).as("holders inside the lease at the same time").isEqualTo(1);
        }

        @Test
        void a_lease_is_neither_taken_nor_released_inside_a_unit_of_work() {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();

            assertThatThrownBy(() -> transactions.inTransaction(() -> acquire(bob, "checkout:2", NO_WAIT)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                locks.release(lease);
                return null;
            })).isInstanceOf(IllegalStateException.class);

            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("still held").isEmpty();
            assertThat(acquire(bob, "checkout:2", NO_WAIT)).as("bob's was not taken").isNotEmpty();
        }

        @Test
        void a_release_with_the_unit_ends_the_lease_when_the_unit_commits() {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();

            transactions.inTransaction(() -> {
                locks.releaseWithUnit(lease);
                return null;
            });

            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("after the unit committed").isNotEmpty();
        }

        @Test
        void a_release_with_a_unit_that_rolls_back_leaves_the_lease_held() {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                locks.releaseWithUnit(lease);
                throw new IllegalStateException("the unit fails after the release");
            })).hasMessage("the unit fails after the release");

            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("the rolled back release").isEmpty();
            locks.release(lease);
            assertThat(acquire(ann, "checkout:2", NO_WAIT)).as("after the holder's own release").isNotEmpty();
        }

        @Test
        void a_release_with_the_unit_in_the_name_of_another_holder_leaves_the_lease() {
            Lease lease = acquire(ann, "checkout:1", NO_WAIT).get();

            transactions.inTransaction(() -> {
                locks.releaseWithUnit(new Lease(ALPHA, ann.id(), "checkout:2", lease.until()));
                return null;
            });

            assertThat(acquire(ann, "checkout:3", NO_WAIT)).as("after another holder's release").isEmpty();
        }
    }
}
