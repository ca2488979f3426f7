package com.subscriptionsuite.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work that spans several outbound ports as one unit: everything it wrote is committed
 * together, or nothing is (when it throws). Adapters of the same store join the running unit.
 * <p>
 * A commit is on the store's disk when it returns, unless it runs inside {@link #durableOnReturn}: there
 * the work's commits are visible to others at once and reach the disk, all of them in one write, before
 * the work returns, and before any call to a remote system ({@link #makeCommittedDurable}), so a crash
 * loses at most commits that nothing outside the process has seen an answer to.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work}, whose units of work commit as usual, and returns (or throws) only once everything
     * it committed is durable. Inside, a commit need not wait for the disk: a store that writes several
     * commits at once (the H2 file's group commit) then writes one operation's commits together. The work
     * must not act outside the process on what it committed before it returns, except through a port to a
     * remote system that the engine puts behind {@link #makeCommittedDurable} (it does with every such port
     * it is given). A nested call joins the outer one. By default every commit is durable when it returns
     * (PostgreSQL), and this only runs the work.
     */
    default <T> T durableOnReturn(Supplier<T> work) {
        return work.get();
    }

    /**
     * Returns once everything committed so far, by any thread, is durable: the engine calls it before every
     * call to a remote system (mail, VIES, webhooks, the billing system, the revenue feed, event listeners),
     * which may act on what it read. By default nothing is waiting to be written. On an H2 file the write waits
     * until no statement is running: call remote systems outside units of work (the engine does), since a
     * statement of another transaction waiting for a row lock held by the caller's open unit would hold the
     * write up until its lock timeout.
     */
    default void makeCommittedDurable() {
    }
}
