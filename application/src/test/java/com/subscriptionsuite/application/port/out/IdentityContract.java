package com.subscriptionsuite.application.port.out;

import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;

import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the identity contracts share: a fresh store per test holding two tenants, and helpers to
 * add users and to release threads at the same moment.
 */
public abstract class IdentityContract {
    protected static final long ALPHA = 1;
    protected static final long BETA = 2;
    protected static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    private final AtomicInteger guids = new AtomicInteger();

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract IdentityStores freshStores();

    protected IdentityStores stores;

    @BeforeEach
    void freshStoreWithTwoTenants() {
        stores = freshStores();
        stores.tenants().store(minimal(ALPHA, "alpha"));
        stores.tenants().store(minimal(BETA, "beta"));
    }

    protected static EmailAddress email(String raw) {
        return EmailAddress.parse("email", raw).getOrElseThrow(r -> new AssertionError(r.message()));
    }

    /** A new public id, unique within the test. */
    protected String guid() {
        return String.format("00000000-0000-4000-8000-%012d", guids.incrementAndGet());
    }

    protected User customer(long tenantId, String email) {
        return stores.users().add(tenantId, guid(), UserKind.CUSTOMER, email(email), "hash of " + email, "de", T0)
                .getOrElseThrow(taken -> new AssertionError("email taken: " + taken));
    }

    protected User guest(long tenantId) {
        return stores.users().add(tenantId, guid(), UserKind.GUEST, null, null, "en", T0)
                .getOrElseThrow(taken -> new AssertionError("a guest has no email: " + taken));
    }

    /** Runs every task from its own thread, all released at once; their results in task order. */
    protected static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
