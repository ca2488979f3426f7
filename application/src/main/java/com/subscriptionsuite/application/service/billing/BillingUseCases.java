package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import io.vavr.control.Option;
import java.time.Clock;

/** Builds the billing use cases; the services themselves stay package-private. */
public final class BillingUseCases {
    private BillingUseCases() {
    }

    /**
     * @param vouchers the voucher store, if the engine has one (without it a checkout's voucher code
     *                 is unknown)
     */
    public static BillingCases create(TenantDirectory directory, LedgerStore billing, CustomerLocks locks,
            PaymentMethods paymentMethods, Option<Vouchers> vouchers, Transactions transactions, Secrets secrets,
            VatDetermination vat, Clock clock) {
        Ledger ledger = new Ledger(directory, billing, locks, paymentMethods, vouchers, transactions, secrets, vat,
                clock);
        AccountService accounts = new AccountService(ledger);
        return new BillingCases(new CheckoutService(ledger), accounts, new SubscriptionReadsService(ledger), accounts,
                new BillingRunService(ledger));
    }
}
