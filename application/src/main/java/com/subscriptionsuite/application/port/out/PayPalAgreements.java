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
 */
public interface PayPalAgreements {
    Either<ProviderUnavailable, AgreementStart> start(AgreementRequest request);

    /**
     * The agreement of an approved token, once: a token {@link #start} gave for this tenant, not
     * expired at {@code now} and not completed before (completing uses it up, in the running unit of
     * work). None for anything else. {@code payerEmail} is the payer's address when the approval
     * carried one (the built-in approval lets the caller name it), else null.
     */
    Either<ProviderUnavailable, Option<Agreement>> complete(long tenantId, String token, String payerEmail,
            Instant now);

    /** An approval for the (pending) payment method {@code paymentMethodId} of a user, until {@code expiresAt}. */
    record AgreementRequest(long tenantId, long userId, String paymentMethodId, Instant issuedAt, Instant expiresAt) {
        public AgreementRequest {
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The approval token and where the customer approves it. */
    record AgreementStart(String token, String approvalUrl) {
        public AgreementStart {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(approvalUrl, "approvalUrl");
        }

        @Override
        public String toString() {
            return "AgreementStart[approvalUrl=(withheld: it carries the token)]";
        }
    }

    /** An approved agreement: the payment method it is for and PayPal's billing agreement id. */
    record Agreement(long tenantId, long userId, String paymentMethodId, String billingAgreementId,
            String payerEmail) {
        public Agreement {
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
            Objects.requireNonNull(billingAgreementId, "billingAgreementId");
        }
    }
}
