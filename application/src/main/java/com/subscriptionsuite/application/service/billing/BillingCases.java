package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions;
import com.subscriptionsuite.application.port.in.billing.RunBilling;
import com.subscriptionsuite.application.port.in.checkout.Checkout;

/** The checkout, customer-center and bill-run use cases of the billing ledger. */
public record BillingCases(Checkout checkout, ManageAccount manageAccount, ReadSubscriptions readSubscriptions,
        ReadInvoices readInvoices, RunBilling runBilling) {
}
