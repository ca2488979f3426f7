package com.subscriptionsuite.application.port.in.payment;

import io.vavr.control.Either;
import java.time.Instant;

/**
 * What a hosted payment page needs to render for the caller (seed GET
 * /payment-method/{paymentMethodId}/signature): for a payment option whose details a hosted page
 * collects, a one-time token and its signature, valid 30 minutes. {@code optionId} is the path's
 * id as sent; {@code locale} may be null (the tenant's default language).
 */
public interface SignPaymentPage {
    Either<PaymentFailure, SignedPage> sign(long tenantId, long userId, String optionId, String locale);

    /**
     * What the page renders with (the seed's {@code {id, key, locale, signature, token}}): the page's
     * id, the one-time token and its signature, the signing key (Zuora's RSA public key, or the
     * built-in key's id), the provider's tenant (Zuora's tenantId, or the engine's tenant id), the
     * locale and until when the token can be used.
     */
    record SignedPage(String pageId, String token, String signature, String key, String tenant, String locale,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "SignedPage[pageId=" + pageId + ", key=" + key + ", expiresAt=" + expiresAt + "]";
        }
    }
}
