package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.identity.User;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link CustomerLocks} adapter must do: a customer's lock, taken in a unit of work, makes
 * a second unit locking the same customer wait until the first unit ends, on another thread (and so
 * another connection); other customers do not wait; a customer without anything stored yet (before a
 * first checkout) is locked like any other.
 */
public abstract class CustomerLocksContract extends IdentityContract {
    /** Longer than H2's default lock timeout (2 s), so the adapter's wait must outlast it. */
    private static final long HOLD_MILLIS = 2_500;

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract CustomerLocksStores freshLockStores();

    private CustomerLocks locks;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    protected final IdentityStores freshStores() {
        CustomerLocksStores stores = freshLockStores();
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

    @Test
    @Timeout(60)
    void a_second_unit_locking_the_customer_waits_until_the_first_unit_ends() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        AtomicLong firstDone = new AtomicLong();
        Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(ALPHA, ann.id());
            locked.countDown();
            sleep(HOLD_MILLIS);
            firstDone.set(System.nanoTime());
            return null;
        }));
        assertThat(await(locked)).isTrue();

        long started = System.nanoTime();
        Future<Long> second = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(ALPHA, ann.id());
            return System.nanoTime();
        }));
        long secondGot = second.get(30, TimeUnit.SECONDS);
        first.get(30, TimeUnit.SECONDS);

        assertThat(secondGot).as("the second got the lock after the first unit's work").isGreaterThan(firstDone.get());
        assertThat(TimeUnit.NANOSECONDS.toMillis(secondGot - started)).as("and waited for it")
                .isGreaterThan(HOLD_MILLIS / 2);
    }

    @Test
    @Timeout(60)
    void other_customers_do_not_wait_for_a_customers_lock_nor_the_same_user_id_in_another_tenant() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(ALPHA, ann.id());
            locked.countDown();
            return await(othersDone);
        }));
        assertThat(await(locked)).isTrue();

        Future<?> others = threads.submit(() -> {
            transactions.inTransaction(() -> {
                locks.lock(ALPHA, bob.id());
                return null;
            });
            transactions.inTransaction(() -> {
                locks.lock(BETA, annInBeta.id());
                return null;
            });
            othersDone.countDown();
        });
        others.get(10, TimeUnit.SECONDS);

        assertThat(first.get(30, TimeUnit.SECONDS)).as("the others locked while ann's lock was held").isTrue();
    }

    @Test
    @Timeout(60)
    void units_locking_a_customer_for_the_first_time_at_once_run_one_after_the_other() throws Exception {
        User newcomer = customer(ALPHA, "new@example.com");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Callable<Integer>> units = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            units.add(() -> transactions.inTransaction(() -> {
                locks.lock(ALPHA, newcomer.id());
                int now = inside.incrementAndGet();
                mostInside.accumulateAndGet(now, Math::max);
                sleep(200);
                inside.decrementAndGet();
                return now;
            }));
        }

        assertThat(atOnce(units)).hasSize(4);

        assertThat(mostInside.get()).as("units inside the lock at the same time").isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void a_unit_takes_its_own_customers_lock_again_without_waiting_for_itself() throws Exception {
        Future<String> unit = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(ALPHA, ann.id());
            locks.lock(ALPHA, ann.id());
            return "done";
        }));

        assertThat(unit.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    @Timeout(60)
    void outside_a_unit_the_lock_ends_with_the_call() throws Exception {
        locks.lock(ALPHA, ann.id());

        Future<String> unit = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(ALPHA, ann.id());
            return "locked";
        }));

        assertThat(unit.get(10, TimeUnit.SECONDS)).isEqualTo("locked");
    }
}
