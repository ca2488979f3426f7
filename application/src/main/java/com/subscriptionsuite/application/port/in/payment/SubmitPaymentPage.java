package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentDataRules.AchInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.CardInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.SepaInput;
import io.vavr.control.Either;

/**
 * The built-in hosted payment page's submission: the details the customer typed, with the page's
 * token and signature as the credential. The details are checked first (a mistake leaves the token
 * usable); then the token is redeemed, once, and an active payment method of the token's user is
 * stored with displayable data only. The form holds the fields of the page's payment type; those
 * of the other types must be absent.
 */
public interface SubmitPaymentPage {
    Either<PaymentFailure, PaymentMethod> submit(Submission submission);

    /** One submitted form: the credential and the details of every type (only the page's type's are read). */
    record Submission(long tenantId, String pageId, String token, String signature, CardInput card, SepaInput sepa,
            AchInput ach) {
        @Override
        public String toString() {
            return "Submission[pageId=" + pageId + ", card=" + card + ", sepa=" + sepa + ", ach=" + ach + "]";
        }
    }
}
