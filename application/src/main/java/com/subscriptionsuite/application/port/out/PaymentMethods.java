package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Option;

/**
 * Customers' stored payment methods, per tenant. Writes join the running unit of work. Ownership is
 * the caller's check ({@link PaymentMethod#usableBy}).
 */
public interface PaymentMethods {
    Option<PaymentMethod> paymentMethod(long tenantId, String id);

    /**
     * The method the billing system knows as {@code billingId} when that is not its id (a registered
     * PayPal agreement, {@link PaymentMethod#billingId()}); none otherwise.
     */
    Option<PaymentMethod> paymentMethodByBillingId(long tenantId, String billingId);

    /** Creates the payment method, or updates it (by id): status, data and billing id. */
    void save(PaymentMethod paymentMethod);
}
