package com.subscriptionsuite.adapters.persistence.customer;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.customer.CustomerLockDao.LeaseRow;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CustomerLocks} as a row per customer in {@code customer_lock} (migrations
 * {@code V9__customer_lock}, {@code V10__billing_boundary}).
 *
 * <p>The row is created the first time the customer is locked ({@code INSERT ... ON CONFLICT DO
 * NOTHING}), so the lock needs no billing account: two first checkouts of one customer lock the same
 * row. An insert that meets another transaction's uncommitted insert of the row waits for it (and
 * then does nothing), so the row exists for both before either selects it. Both databases run at
 * READ COMMITTED, so what is read after the lock includes everything the previous holder committed.
 *
 * <h2>Leases</h2>
 * {@link #acquire} tries, in a short transaction of its own on a connection of its own, to select the
 * row {@code FOR UPDATE} (creating it first if missing) and, if the lease it carries is free (no
 * holder), over (its {@code held_until} before the clock's now) or the caller's own, to give it to the
 * caller until now + {@code leaseFor}; the transaction commits either way. The row lock serialises
 * concurrent attempts on every connection and server instance, so of two holders racing for a free
 * lease exactly one takes it. A failed attempt is tried again after a short, growing pause (5 ms up to
 * 50 ms) until {@code maxWait} has passed (real time, {@link System#nanoTime}). {@link #release} is one
 * conditional {@code UPDATE} (where the holder is still the caller) in a transaction of its own.
 * Neither runs inside a unit of work: a thread holds one connection at a time (issue 9), and the
 * lease must outlive the unit; inside one both are refused. Lease ends are kept to the microsecond
 * (what both databases store), so the returned {@link Lease#until()} is the stored one.
 *
 * <h2>The old row lock</h2>
 * {@link #lock} selects the row {@code FOR UPDATE} through {@link Handles}: inside a
 * {@code JdbiTransactions} unit the lock is taken on the unit's own connection and held until the unit
 * ends; outside one it ends with the call. It ignores leases. On H2 a wait longer than H2's lock
 * timeout is retried ({@link Handles#waitingForLock}), for leases as well.
 */
public final class JdbiCustomerLocks implements CustomerLocks {
    /** The first pause between two attempts to take a held lease; it doubles up to {@link #MAX_PAUSE}. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration MAX_PAUSE = Duration.ofMillis(50);
    private static final int MAX_HOLDER_LENGTH = 255;

    private final Jdbi jdbi;
    private final Handles handles;
    private final Clock clock;

    public JdbiCustomerLocks(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    /** Leases start and end by {@code clock}; waiting for a lease is in real time whatever the clock. */
    public JdbiCustomerLocks(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, CustomerLockDao.class);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Option<Lease> acquire(long tenantId, long userId, String holder, Duration leaseFor, Duration maxWait) {
        checkLease(holder, leaseFor, maxWait);
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        while (true) {
            Optional<Lease> taken = onOwnConnection(handle -> tryToTake(Handles.attach(handle, CustomerLockDao.class),
                    tenantId, userId, holder, leaseFor));
            if (taken.isPresent()) {
                return Option.some(taken.get());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !pause(Math.min(pause, left))) {
                return Option.none();
            }
            pause = Math.min(pause * 2, MAX_PAUSE.toNanos());
        }
    }

    private Optional<Lease> tryToTake(CustomerLockDao dao, long tenantId, long userId, String holder,
            Duration leaseFor) {
        Optional<LeaseRow> row = Handles.waitingForLock(() -> dao.lease(tenantId, userId));
        if (row.isEmpty()) {
            Handles.waitingForLock(() -> dao.create(tenantId, userId));
            row = Handles.waitingForLock(() -> dao.lease(tenantId, userId));
            if (row.isEmpty()) {
                throw new IllegalStateException("customer " + userId + " of tenant " + tenantId
                        + " has no lock row after creating it");
            }
        }
        Instant now = clock.instant();
        LeaseRow current = row.get();
        boolean free = current.holder() == null || current.heldUntil() == null || current.heldUntil().isBefore(now)
                || current.holder().equals(holder);
        if (!free) {
            return Optional.empty();
        }
        Instant until = now.plus(leaseFor).truncatedTo(ChronoUnit.MICROS);
        dao.take(tenantId, userId, holder, until);
        return Optional.of(new Lease(tenantId, userId, holder, until));
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        onOwnConnection(handle -> Handles.waitingForLock(() -> Handles.attach(handle, CustomerLockDao.class)
                .release(lease.tenantId(), lease.userId(), lease.holder())));
    }

    /** The conditional {@code UPDATE} of {@link #release} on the unit's own connection ({@link Handles}). */
    @Override
    public void releaseWithUnit(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        handles.with(CustomerLockDao.class, dao -> Handles.waitingForLock(() -> dao.release(lease.tenantId(),
                lease.userId(), lease.holder())));
    }

    static void checkLease(String holder, Duration leaseFor, Duration maxWait) {
        Objects.requireNonNull(holder, "holder");
        if (holder.isEmpty() || holder.length() > MAX_HOLDER_LENGTH) {
            throw new IllegalArgumentException("a lease holder has 1 to " + MAX_HOLDER_LENGTH + " characters");
        }
        if (leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("a lease runs for a positive time, not " + leaseFor);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("the wait for a lease is not negative: " + maxWait);
        }
    }

    /** Sleeps; false when the thread was interrupted (its interrupt flag set again). */
    private static boolean pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the work in a transaction on a new handle (Jdbi's {@code open()}), never the unit's handle;
     * refused inside a unit of work, where it would take a second connection.
     */
    private <T> T onOwnConnection(Function<Handle, T> work) {
        if (handles.joined()) {
            throw new IllegalStateException("customer leases are taken and released on their own: before a unit of"
                    + " work starts or after it ends, not inside it");
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(work::apply);
        }
    }
}
