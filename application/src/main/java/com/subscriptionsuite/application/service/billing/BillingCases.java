package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions;
import com.subscriptionsuite.application.port.in.checkout.Checkout;

/** The checkout and customer-center use cases, in front of the billing gateway. */
public record BillingCases(Checkout checkout, ManageAccount manageAccount, ReadSubscriptions readSubscriptions,
        ReadInvoices readInvoices) {
}
