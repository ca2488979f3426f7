package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Hosted payment pages: the page (an iframe) in which a customer types card, SEPA or ACH details, so
 * that they never pass through the shop. {@link #sign} authorises one load of one page for one user,
 * as Zuora's {@code POST /v1/rsa-signatures} does: a one-time token and a signature over page, token,
 * tenant and user. Zuora's adapter asks Zuora (its page then posts the details to Zuora); the built-in
 * adapter signs with the server's own key and its page posts to this server, which {@link #redeem}s
 * the token once.
 *
 * <p>The payment method a submitted page creates is the provider's: its id comes from the provider,
 * not from the engine. Zuora's hosted page creates the method in Zuora and answers its id in the
 * page's callback; the built-in adapter, standing in for the provider, gives an id of the same shape
 * (32 lower-case hexadecimal digits) with the redeemed token ({@link Redeemed}).
 */
public interface PaymentPages {
    /** Issues a token for the request and signs it; the token lives until {@code request.expiresAt()}. */
    Either<ProviderUnavailable, PageSignature> sign(PageRequest request);

    /**
     * The request a token was issued for and the id the provider gives the payment method the page
     * creates, once: the token and signature must be ones {@link #sign} gave for this tenant and page,
     * not expired at {@code now} and not redeemed before. Redeeming marks the token used (in the
     * running unit of work, so a rolled-back submission leaves it usable and stores no method). Anything
     * else is none, without saying why. A provider whose pages post elsewhere (Zuora) answers none for
     * every token: there the id arrives with the page's callback.
     */
    Option<Redeemed> redeem(long tenantId, String pageId, String token, String signature, Instant now);

    /**
     * A payment method one of this provider's pages created that the engine has not stored yet, as the
     * provider holds it: its type and displayable data (masks, holder, expiry; never a full number),
     * if it exists, is active and is attached to no billing account yet (Zuora's "orphan" method, which
     * the account it is first used for then takes). None for anything else, an unknown id included.
     * This is how an id that came back in the page's callback ({@code refId}) becomes a method the
     * engine knows: the first customer who uses it owns it. The built-in pages store their method when
     * the page is submitted, so the built-in adapter answers none for every id. A remote call: never
     * called inside a unit of work.
     */
    Either<ProviderUnavailable, Option<PageMethod>> created(long tenantId, String paymentMethodId);

    /** A method a provider's page created: the provider's id, its type and displayable data. */
    record PageMethod(String paymentMethodId, PaymentType type, Map<String, String> data) {
        public PageMethod {
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
            Objects.requireNonNull(type, "type");
            data = Map.copyOf(data);
        }
    }

    /**
     * A redeemed token: the request it was issued for and {@code paymentMethodId}, the provider's id of
     * the payment method the submitted page creates (Zuora's payment method id, as its hosted page's
     * callback answers it; the built-in adapter's has the same shape). The engine stores the method
     * under this id and mints none of its own.
     */
    record Redeemed(PageRequest request, String paymentMethodId) {
        public Redeemed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        }
    }

    /** One page load: who loads which page for which payment option, in which locale, until when. */
    record PageRequest(long tenantId, long userId, long optionId, PaymentType paymentType, String pageId,
            String locale, Instant issuedAt, Instant expiresAt) {
        public PageRequest {
            Objects.requireNonNull(paymentType, "paymentType");
            Objects.requireNonNull(pageId, "pageId");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * What the page needs to render (the seed's {@code {id, key, locale, signature, token}} plus
     * Zuora's {@code tenantId}): {@code key} is Zuora's RSA public key, or the built-in key's id;
     * {@code tenant} Zuora's tenant id, or the engine tenant's key.
     */
    record PageSignature(String pageId, String token, String signature, String key, String tenant, String locale,
            Instant expiresAt) {
        public PageSignature {
            Objects.requireNonNull(pageId, "pageId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "PageSignature[pageId=" + pageId + ", key=" + key + ", expiresAt=" + expiresAt + "]";
        }
    }
}
