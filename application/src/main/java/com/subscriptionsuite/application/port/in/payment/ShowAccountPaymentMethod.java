package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Either;

/**
 * The default payment method of the caller's billing account (seed GET /account/payment-method): no
 * account is {@link PaymentFailure.AccountNotFound}, none set is {@link PaymentFailure.PaymentMethodNotSet}.
 */
public interface ShowAccountPaymentMethod {
    Either<PaymentFailure, PaymentMethod> accountPaymentMethod(long tenantId, long userId);
}
