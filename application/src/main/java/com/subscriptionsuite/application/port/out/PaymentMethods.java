package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Option;

/**
 * Customers' stored payment methods, per tenant. Writes join the running unit of work. Ownership is
 * the caller's check ({@link PaymentMethod#usableBy}).
 */
public interface PaymentMethods {
    Option<PaymentMethod> paymentMethod(long tenantId, String id);

    /** Creates the payment method, or updates it (by id): status and data. */
    void save(PaymentMethod paymentMethod);
}
