package com.subscriptionsuite.application.port.in.payment;

import io.vavr.control.Either;

/**
 * Starts a PayPal billing agreement for the caller (seed GET /payment-method/{paymentMethodId}/paypal/init):
 * for a PayPal payment option, a pending PayPal payment method is stored and PayPal is asked for an
 * approval; the customer approves at {@code approvalUrl}, which activates the method.
 */
public interface StartPayPal {
    Either<PaymentFailure, PayPalStarted> start(long tenantId, long userId, String optionId);

    /** The approval token, where to approve it, and the (pending) payment method it will activate. */
    record PayPalStarted(String token, String approvalUrl, String paymentMethodId) {
        @Override
        public String toString() {
            return "PayPalStarted[paymentMethodId=" + paymentMethodId + "]";
        }
    }
}
