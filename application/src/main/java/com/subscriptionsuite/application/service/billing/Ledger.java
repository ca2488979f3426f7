package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.common.CustomerAccounts;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/** The ports and services the billing use cases share, and the tax decision they all take the same way. */
record Ledger(TenantDirectory directory, LedgerStore billing, CustomerLocks locks, PaymentMethods paymentMethods,
        Option<Vouchers> vouchers, Transactions transactions, Secrets secrets, VatDetermination vat, Clock clock) {
    Ledger {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(paymentMethods, "paymentMethods");
        Objects.requireNonNull(vouchers, "vouchers");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(clock, "clock");
    }

    /** Locks the customer until the unit ends ({@link CustomerAccounts}); the customer's account, if any. */
    Option<BillingAccount> lockedAccountOfUser(long tenantId, long userId) {
        return CustomerAccounts.locked(locks, billing, tenantId, userId);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The VAT of an account's invoices, decided as the price preview decides it for the same
     * account: the customer's country and postcode are those of the billing address when there is
     * one, else of the contact address ({@link AccountDetails#taxCountry()}).
     */
    TaxDecision taxOf(Tenant tenant, AccountDetails account, LocalDate day) {
        return vat.decide(tenant.vatSeller(), account.taxCustomer(), day);
    }
}
