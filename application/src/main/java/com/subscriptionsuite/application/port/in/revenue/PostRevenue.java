package com.subscriptionsuite.application.port.in.revenue;

/**
 * The batch job: takes pending lines of every tenant into batches, uploads them, follows their
 * status, collects staging errors, and resolves batches whose upload was interrupted. Safe to run
 * on several instances at once and after a crash: every batch is claimed before a remote call.
 */
public interface PostRevenue {
    /** One run over every tenant (the scheduled job). */
    Run run();

    /** One run over one tenant's lines and batches only (an admin's "run now"). */
    Run run(long tenantId);

    /**
     * What one run did: batches opened, uploads made, batches loaded, failed, left in doubt, and the
     * configuration error that stopped the run, if any (null otherwise).
     */
    record Run(int opened, int uploaded, int loaded, int failed, int inDoubt, String stoppedBy) {
    }
}
