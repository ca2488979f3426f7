package com.subscriptionsuite.application.port.out;

/**
 * The per-customer lock: it serialises one customer's checkouts, account changes, payment-method
 * changes, subscription changes and that customer's bill run, on every connection and server
 * instance. It is the engine's own, kept in the engine's database whatever billing system is behind
 * {@link Billing}: a remote billing system has no row lock to hold for the length of a unit.
 * <p>
 * A customer is a user of a tenant; the lock needs no billing account, so a customer's first
 * checkout takes it like any other.
 */
public interface CustomerLocks {
    /**
     * Takes the customer's lock, waiting while another unit of work holds it, and keeps it until the
     * running unit of work ({@link Transactions}) ends, committed or rolled back. Taken again in the
     * same unit, it is already held. Outside a unit the lock ends with the call. Whatever the unit
     * reads after the lock includes everything the customer's previous holder committed.
     */
    void lock(long tenantId, long userId);
}
