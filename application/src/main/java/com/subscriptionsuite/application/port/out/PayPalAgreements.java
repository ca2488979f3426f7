package com.subscriptionsuite.application.port.out;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * PayPal billing agreements: {@link #start} asks PayPal for an approval (a token and the URL the
 * customer approves at), {@link #complete} turns an approved token into a billing agreement (its
 * BAID, what a PayPal payment method is charged by). The built-in adapter approves against the
 * ledger itself: its approval URL is this server's {@code /payment-provider/paypal/approve}.
 *
 * <p>The payment method is the provider's, and so is its id: {@link #start} answers the id of the
 * pending method, {@link #complete} answers the same id with the agreement; the engine mints none. With
 * Zuora the method is created in Zuora once the agreement is approved; until then the adapter keeps
 * the pending id stable (it links it to Zuora's method when that is created), since it is the id the
 * customer sees from the start on. The built-in adapter gives ids of Zuora's shape (32 lower-case
 * hexadecimal digits).
 */
public interface PayPalAgreements {
    /**
     * An approval for a new PayPal payment method of the user: the token, where the customer approves it,
     * and the provider's id of the method, pending until {@link #complete}.
     */
    Either<ProviderUnavailable, AgreementStart> start(AgreementRequest request);

    /**
     * The agreement of an approved token, once: a token {@link #start} gave for this tenant, not
     * expired at {@code now} and not completed before (completing uses it up, in the running unit of
     * work). None for anything else. {@code payerEmail} is the payer's address when the approval
     * carried one (the built-in approval lets the caller name it), else null.
     */
    Either<ProviderUnavailable, Option<Agreement>> complete(long tenantId, String token, String payerEmail,
            Instant now);

    /** An approval for a new PayPal payment method of a user, until {@code expiresAt}. */
    record AgreementRequest(long tenantId, long userId, Instant issuedAt, Instant expiresAt) {
        public AgreementRequest {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * The approval token, where the customer approves it, and the provider's id of the pending payment
     * method ({@link Agreement#paymentMethodId()} once completed).
     */
    record AgreementStart(String token, String approvalUrl, String paymentMethodId) {
        public AgreementStart {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(approvalUrl, "approvalUrl");
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        }

        @Override
        public String toString() {
            return "AgreementStart[paymentMethodId=" + paymentMethodId
                    + ", approvalUrl=(withheld: it carries the token)]";
        }
    }

    /**
     * An approved agreement: the payment method it is for (the id {@link #start} answered) and PayPal's
     * billing agreement id.
     */
    record Agreement(long tenantId, long userId, String paymentMethodId, String billingAgreementId,
            String payerEmail) {
        public Agreement {
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
            Objects.requireNonNull(billingAgreementId, "billingAgreementId");
        }
    }
}
