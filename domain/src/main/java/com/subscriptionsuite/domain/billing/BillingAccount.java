package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.account.AccountDetails;
import java.time.Instant;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * A customer's billing account (Zuora's Account with its sold-to and bill-to contacts): one per
 * user of a tenant. {@code id} is the billing system's id; {@code number} the human account number
 * (A00000001). {@code paymentMethodId} is the default payment method, null until one is given.
 * The currency never changes once subscriptions are billed in it.
 */
public record BillingAccount(String id, long tenantId, long userId, String number, CurrencyUnit currency,
        AccountDetails details, String paymentMethodId, Instant createdAt, Instant updatedAt) {

    public BillingAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public BillingAccount withDetails(AccountDetails newDetails, Instant now) {
        return new BillingAccount(id, tenantId, userId, number, currency, newDetails, paymentMethodId, createdAt, now);
    }

    public BillingAccount withPaymentMethod(String newPaymentMethodId, Instant now) {
        return new BillingAccount(id, tenantId, userId, number, currency, details, newPaymentMethodId, createdAt, now);
    }
}
