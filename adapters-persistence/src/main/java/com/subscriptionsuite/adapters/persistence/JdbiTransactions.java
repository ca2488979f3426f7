package com.subscriptionsuite.adapters.persistence;

import com.subscriptionsuite.application.port.out.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactions} as one Jdbi transaction: while the work runs, its handle is bound to the
 * thread (see {@link Handles}), so every adapter of this module built on the same {@link Jdbi}
 * joins it. It commits when the work returns and rolls back everything when the work throws. A
 * nested {@code inTransaction} joins the outer one: nothing commits before the outermost returns.
 * <p>
 * On an H2 file the work of {@link #durableOnReturn} commits without waiting for the file, and one
 * write of the group commit covers its commits when it returns ({@link GroupCommits#durableOnReturn});
 * on PostgreSQL each commit is durable when it returns, as always.
 */
public final class JdbiTransactions implements Transactions {
    private final Handles handles;

    public JdbiTransactions(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return handles.with(handle -> work.get());
    }

    @Override
    public <T> T durableOnReturn(Supplier<T> work) {
        return GroupCommits.durableOnReturn(work);
    }

    @Override
    public void makeCommittedDurable() {
        GroupCommits.writeEverythingCommitted();
    }
}
