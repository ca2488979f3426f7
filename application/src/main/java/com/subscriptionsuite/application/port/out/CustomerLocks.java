package com.subscriptionsuite.application.port.out;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The per-customer lock: it serialises one customer's checkouts, account changes, payment-method
 * changes and subscription changes, on every connection and server instance. It is the engine's own,
 * kept in the engine's database whatever billing system is behind the billing gateway, and it is a
 * <em>lease</em>, not a row lock held by a unit of work: an operation holds it across its calls to
 * the billing system, which never run inside a unit of work. A lease ends when its holder releases it
 * or when its time is up (the holder's process died), whichever comes first.
 * <p>
 * A customer is a user of a tenant; the lock needs no billing account, so a customer's first
 * checkout takes it like any other.
 */
public interface CustomerLocks {
    /**
     * Takes the customer's lock for {@code holder} (an operation key) for {@code leaseFor}, waiting
     * while another holder's lease runs, for at most {@code maxWait}; none when it is still held then.
     * A holder that takes the lock it holds renews it (its lease then runs {@code leaseFor} from now).
     * A lease whose time is up (its {@code until} is before now, by the adapter's clock) is free to
     * anyone. Commits on its own, outside a unit of work: called inside one it is refused with an
     * {@link IllegalStateException} (it would need a second connection and would end with the unit).
     * Whatever is read after the lease is taken includes everything the previous holder committed.
     *
     * @param holder printable, at most 255 characters (an operation key)
     * @param leaseFor positive; how long the lease runs unless released or renewed
     * @param maxWait zero or positive; how long to wait (real time) for another holder's lease to end
     * @return the lease, whose {@code until} is when it ends unless released or renewed
     */
    Option<Lease> acquire(long tenantId, long userId, String holder, Duration leaseFor, Duration maxWait);

    /**
     * Ends the lease if it is still {@code lease.holder()}'s (a lease that ran out and was taken by
     * another holder stays that holder's); commits on its own, outside a unit of work (refused inside
     * one, like {@link #acquire}).
     */
    void release(Lease lease);

    /**
     * Ends the lease if it is still {@code lease.holder()}'s, as a write of the unit of work running on
     * this thread: it ends when that unit commits and stays held when the unit rolls back, so an
     * operation's last unit can finish it and free the customer in one commit (docs/benchmarks.md
     * section 4). Outside a unit of work it commits on its own, as {@link #release}.
     */
    void releaseWithUnit(Lease lease);


    record Lease(long tenantId, long userId, String holder, Instant until) {
        public Lease {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(until, "until");
        }
    }
}
