package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.events.BusinessEvents;

import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.BillingOperations;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.in.reconciliation.ReadInvoiceDiscrepancies;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import com.subscriptionsuite.application.service.common.PaymentMethodLookup;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import io.vavr.control.Option;
import java.time.Clock;

/** Builds the billing use cases; the services themselves stay package-private. */
public final class BillingUseCases {
    private BillingUseCases() {
    }

    /**
     * @param discrepancies where first invoices that differ from the preview are kept, if anywhere (they
     *                 are logged at WARN either way)
     * @param pages    the hosted pages' provider, if any (a method its page created is found by its id)
     * @param vouchers the voucher store, if the engine has one (without it a checkout's voucher code
     *                 is unknown)
     */
    public static BillingCases create(TenantDirectory directory,
            CustomerLocks locks, AccountLinks links, BillingOperations operations, BillingGateway gateway,
            Transactions transactions, PaymentMethods paymentMethods, PaymentPages pages,
            Option<Vouchers> vouchers, Option<InvoiceDiscrepancies> discrepancies, Secrets secrets,
            VatDetermination vat, Clock clock, BusinessEvents events) {
        BillingContext context = new BillingContext(directory, new CustomerOperations(locks, links, operations,
                gateway, transactions, secrets, clock, events), new PaymentMethodLookup(paymentMethods, pages,
                transactions, clock), vouchers, discrepancies, vat, clock);
        AccountService accounts = new AccountService(context);
        return new BillingCases(new CheckoutService(context), accounts, new SubscriptionReadsService(context),
                accounts);
    }

    /** The admins' read of the checkouts whose first invoice differed from the preview. */
    public static ReadInvoiceDiscrepancies readDiscrepancies(InvoiceDiscrepancies discrepancies) {
        return (tenantId, limit) -> {
            if (limit < 1 || limit > ReadInvoiceDiscrepancies.MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + ReadInvoiceDiscrepancies.MAX_LIMIT);
            }
            return new ReadInvoiceDiscrepancies.Discrepancies(discrepancies.count(tenantId),
                    discrepancies.latest(tenantId, limit));
        };
    }
}
