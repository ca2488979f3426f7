package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.common.PaymentMethodLookup;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/** The ports and services the billing use cases share, and the tax decision they all take the same way. */
record BillingContext(TenantDirectory directory, CustomerOperations operations,
        PaymentMethodLookup paymentMethodLookup, Option<Vouchers> vouchers,
        Option<InvoiceDiscrepancies> discrepancies, VatDetermination vat, Clock clock) {
    BillingContext {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(paymentMethodLookup, "paymentMethodLookup");
        Objects.requireNonNull(vouchers, "vouchers");
        Objects.requireNonNull(discrepancies, "discrepancies");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(clock, "clock");
    }

    PaymentMethods paymentMethods() {
        return paymentMethodLookup.stored();
    }

    BillingGateway gateway() {
        return operations.gateway();
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
