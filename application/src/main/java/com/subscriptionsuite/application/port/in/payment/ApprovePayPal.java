package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.vavr.control.Either;

/**
 * Completes an approved PayPal agreement (the return from PayPal's approval): the token is the
 * credential and works once; the pending payment method it was started for becomes active, with
 * PayPal's billing agreement id and the payer's e-mail (when known) as its data.
 */
public interface ApprovePayPal {
    Either<PaymentFailure, PaymentMethod> approve(long tenantId, String token, String payerEmail);
}
