package com.subscriptionsuite.application.ledger;

import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;

import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in ledger's bill run (Zuora bills by itself; the engine never raises Zuora's invoices):
 * each account with a subscription due is billed in a unit of work of its own, on the account's
 * locked row, so two runs (on two server instances) never invoice a period twice, nor does a run
 * interleave with a ledger command on the same account; one invoice per account per run, taxed as
 * of the run's day by the account's current details. An account that fails does not stop the
 * others; the run reports the failures at its end.
 */
final class LedgerBillRun implements RunBilling {
    private final LedgerStore store;
    private final Transactions transactions;
    private final TenantDirectory directory;
    private final VatDetermination vat;
    private final Clock clock;
    private final BusinessEvents events;

    LedgerBillRun(LedgerStore store, Transactions transactions, TenantDirectory directory, VatDetermination vat,
            Clock clock, BusinessEvents events) {
        this.events = events;
        this.store = store;
        this.transactions = transactions;
        this.directory = directory;
        this.vat = vat;
        this.clock = clock;
    }

    @Override
    public BillingRun bill(long tenantId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> accounts = new LinkedHashSet<>();
        for (Subscription s : store.dueForBilling(tenantId, today)) {
            accounts.add(s.accountId());
        }
        int charged = 0;
        List<String> invoices = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (String accountId : accounts) {
            try {
                AccountRun run = transactions.inTransaction(() -> billAccount(tenantId, accountId, today));
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
        for (TenantDefinition definition : directory.all()) {
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
        Option<BillingAccount> found = store.lockAccount(tenantId, accountId);
        if (found.isEmpty()) {
            return new AccountRun(0, Option.none());
        }
        BillingAccount account = found.get();
        TenantDefinition definition = directory.require(tenantId);
        TaxDecision tax = vat.decide(definition.tenant().vatSeller(), account.details().taxCustomer(), today);
        int charged = 0;
        List<InvoiceLine> lines = new ArrayList<>();
        for (Subscription s : store.subscriptions(tenantId, accountId)) {
            SubscriptionBilling.Billed billed = SubscriptionBilling.due(s, definition.catalog(), today, tax);
            if (!billed.subscription().chargedThroughDate().equals(s.chargedThroughDate())) {
                store.saveSubscription(billed.subscription());
                charged++;
            }
            lines.addAll(billed.lines());
        }
        if (lines.isEmpty()) {
            return new AccountRun(charged, Option.none());
        }
        Instant now = clock.instant();
        Invoice invoice = Invoice.raise(store.newId(), store.nextNumber(tenantId, LedgerStore.NumberKind.INVOICE),
                definition.tenant(), account, today, tax, lines, now);
        store.addInvoice(invoice);
        java.util.Set<String> numbers = new java.util.HashSet<>();
        lines.forEach(l -> numbers.add(l.subscriptionNumber()));
        String key = accountId;
        if (numbers.size() == 1) {
            String number = numbers.iterator().next();
            key = store.subscriptions(tenantId, accountId).stream().filter(s -> s.number().equals(number))
                    .map(Subscription::id).findFirst().orElse(accountId);
        }
        events.append(List.of(new BusinessEvent(BusinessEvent.idOf(tenantId, "invoice", invoice.id()),
                EventType.INVOICE_RAISED, tenantId, now, key, EventPayload.InvoiceRaised.of(invoice, "bill_run"))));
        return new AccountRun(charged, Option.some(invoice.id()));
    }
}
