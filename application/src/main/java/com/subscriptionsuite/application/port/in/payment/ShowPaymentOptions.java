package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.payment.PaymentOption;
import io.vavr.control.Either;
import java.util.List;

/**
 * The payment methods the shop offers (seed GET /payment-method/available): those offered in
 * {@code country} (ISO 3166 alpha-2, any case), or all when no country is given (null or blank).
 */
public interface ShowPaymentOptions {
    Either<PaymentFailure, List<PaymentOption>> available(long tenantId, String country);
}
