package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bill run: each account with a subscription due is billed in a unit of work of its own, under
 * its customer's lock ({@code CustomerLocks}), so two runs (on two server instances) never invoice a
 * period twice, nor does a run interleave with the customer's checkout or change; one invoice per
 * account per run, taxed as of the run's day. An account that fails does not stop the
 * others; the run reports the failures at its end.
 */
final class BillingRunService implements RunBilling {
    private final Ledger ledger;

    BillingRunService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public BillingRun bill(long tenantId) {
        LocalDate today = ledger.today();
        Set<String> accounts = new LinkedHashSet<>();
        for (Subscription s : ledger.billing().dueForBilling(tenantId, today)) {
            accounts.add(s.accountId());
        }
        int charged = 0;
        List<String> invoices = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (String accountId : accounts) {
            try {
                AccountRun run = ledger.transactions().inTransaction(() -> billAccount(tenantId, accountId, today));
                charged += run.subscriptions();
                run.invoiceId().forEach(invoices::add);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("the bill run of tenant " + tenantId + " for "
                    + today + " failed for " + failures.size() + " of " + accounts.size() + " accounts; "
                    + invoices.size() + " invoices were raised");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
        return new BillingRun(tenantId, today, charged, invoices);
    }

    @Override
    public List<BillingRun> billEveryTenant() {
        List<BillingRun> runs = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (TenantDefinition definition : ledger.directory().all()) {
            try {
                runs.add(bill(definition.tenant().id()));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("the bill run failed for " + failures.size()
                    + " of " + (runs.size() + failures.size()) + " tenants");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
        return runs;
    }

    private record AccountRun(int subscriptions, Option<String> invoiceId) {
    }

    private AccountRun billAccount(long tenantId, String accountId, LocalDate today) {
        LedgerStore billing = ledger.billing();
        Option<BillingAccount> found = billing.account(tenantId, accountId)
                .flatMap(a -> ledger.lockedAccountOfUser(tenantId, a.userId()));
        if (found.isEmpty()) {
            return new AccountRun(0, Option.none());
        }
        BillingAccount account = found.get();
        TenantDefinition definition = ledger.directory().require(tenantId);
        TaxDecision tax = ledger.taxOf(definition.tenant(), account.details(), today);
        int charged = 0;
        List<InvoiceLine> lines = new ArrayList<>();
        for (Subscription s : billing.subscriptions(tenantId, accountId)) {
            SubscriptionBilling.Billed billed = SubscriptionBilling.due(s, definition.catalog(), today, tax);
            if (!billed.subscription().chargedThroughDate().equals(s.chargedThroughDate())) {
                billing.saveSubscription(billed.subscription());
                charged++;
            }
            lines.addAll(billed.lines());
        }
        if (lines.isEmpty()) {
            return new AccountRun(charged, Option.none());
        }
        Instant now = ledger.clock().instant();
        Invoice invoice = Invoices.raise(billing, definition.tenant(), account, lines, tax, today, now);
        billing.addInvoice(invoice);
        return new AccountRun(charged, Option.some(invoice.id()));
    }
}
