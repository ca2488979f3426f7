package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.port.out.events.BusinessEvents;

import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.common.PaymentMethodLookup;
import com.subscriptionsuite.application.port.out.PayPalAgreements;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.BillingOperations;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import java.time.Clock;

/** Builds the payment-method use cases; the services themselves stay package-private. */
public final class PaymentUseCases {
    private PaymentUseCases() {
    }

    /** {@code pages} and {@code payPal} may be null: the engine then serves no page signatures / no PayPal. */
    public static PaymentMethodCases paymentMethods(TenantDirectory directory, PaymentMethods methods,
            PaymentPages pages, PayPalAgreements payPal, Transactions transactions, Clock clock) {
        return new PaymentMethodService(directory, new PaymentMethodLookup(methods, pages, transactions, clock), pages,
                payPal, transactions, clock);
    }

    public static AccountPaymentMethodCases accountPaymentMethods(TenantDirectory directory,
            CustomerLocks locks, AccountLinks links, BillingOperations operations, BillingGateway gateway,
            Transactions transactions,
            PaymentMethods methods, PaymentPages pages, Secrets secrets, Clock clock, BusinessEvents events) {
        return new AccountPaymentMethodService(directory, new CustomerOperations(locks, links, operations, gateway,
                transactions, secrets, clock, events), new PaymentMethodLookup(methods, pages, transactions, clock),
                clock);
    }
}
