package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.billing.RunBilling.BillingRun;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code bill-run}: runs the built-in ledger's bill run once, for every tenant, on the configured
 * database, and prints what it invoiced. The server runs the same every
 * {@code SUITE_BILLING_RUN_MINUTES}; the command is for hosts that schedule it themselves (cron) with
 * the periodic run switched off.
 */
final class BillRun {
    static final String USAGE = "bill-run";

    private BillRun() {
    }

    /**
     * Runs the bill once; returns the exit status (0 done, 1 a tenant's run failed, 2 the billing
     * system is not the built-in ledger: Zuora bills by itself).
     */
    static int run(ServerConfig config, Clock clock, PasswordHasher hasher, PrintStream out, PrintStream err) {
        try (Database database = Server.openDatabase(config)) {
            Engine engine = Server.engine(config, database, clock, hasher);
            if (engine.billing().flatMap(Engine.Billing::runBilling).isEmpty()) {
                err.println("no bill run: the billing system is Zuora (SUITE_BILLING=zuora), which bills by itself");
                return 2;
            }
            try {
                for (BillingRun run : engine.runBilling().billEveryTenant()) {
                    out.println("tenant " + run.tenantId() + ", " + run.day() + ": " + run.subscriptions()
                            + " subscriptions charged, " + run.invoiceIds().size() + " invoices raised");
                }
                return 0;
            } catch (RuntimeException e) {
                err.println("bill run failed: " + e.getMessage());
                for (Throwable t : e.getSuppressed()) {
                    err.println("  " + t.getMessage());
                }
                return 1;
            }
        }
    }
}
