package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.application.port.out.PaymentPages.PageSignature;
import io.vavr.control.Either;

/**
 * What a hosted payment page needs to render for the caller (seed GET
 * /payment-method/{paymentMethodId}/signature): for a payment option whose details a hosted page
 * collects, a one-time token and its signature, valid 30 minutes. {@code optionId} is the path's
 * id as sent; {@code locale} may be null (the tenant's default language).
 */
public interface SignPaymentPage {
    Either<PaymentFailure, PageSignature> sign(long tenantId, long userId, String optionId, String locale);
}
