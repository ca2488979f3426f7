package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Either;

/**
 * One stored payment method of the caller (seed GET /payment-method/{paymentMethodId}); another
 * user's, or none, is {@link PaymentFailure.PaymentMethodNotFound}.
 */
public interface ShowPaymentMethod {
    Either<PaymentFailure, PaymentMethod> paymentMethod(long tenantId, long userId, String paymentMethodId);
}
