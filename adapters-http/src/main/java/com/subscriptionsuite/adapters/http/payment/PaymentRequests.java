package com.subscriptionsuite.adapters.http.payment;

import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod.Change;
import com.subscriptionsuite.application.port.in.payment.SubmitPaymentPage.Submission;
import com.subscriptionsuite.domain.payment.PaymentDataRules.AchInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.CardInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.SepaInput;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of the payment operations, bound strictly (unknown fields are refused by name). */
final class PaymentRequests {
    private PaymentRequests() {
    }

    /**
     * The seed's AccountPaymentMethod as PUT /account/payment-method takes it: {@code type} is
     * required; {@code id} names the method (leave it out, or empty, to create a bank transfer);
     * {@code data} is optional, string values only (null values count as absent).
     */
    record AccountPaymentMethodRequest(String id, String type, Map<String, String> data) {
        Either<RequestFailure, Change> toChange(long tenantId, long userId) {
            if (type == null) {
                return Either.left(RequestFailure.FieldRequired.bodyFields(List.of("type")));
            }
            Map<String, String> given = new LinkedHashMap<>();
            if (data != null) {
                data.forEach((key, value) -> {
                    if (value != null) {
                        given.put(key, value);
                    }
                });
            }
            return Either.right(new Change(tenantId, userId, id, type, given));
        }
    }

    /**
     * The built-in hosted page's form: the token and signature of {@code /signature}, then the fields
     * of the page's type. Printing it never shows the card number, security code, IBAN or account number.
     */
    record PageSubmissionRequest(String token, String signature, String creditCardNumber,
            String creditCardHolderName, Integer creditCardExpirationMonth, Integer creditCardExpirationYear,
            String creditCardSecurityCode, String iban, String bankTransferAccountName, String achAbaCode,
            String achAccountNumber, String achAccountType) {

        Either<RequestFailure, Submission> toSubmission(long tenantId, String pageId) {
            List<String> missing = new ArrayList<>();
            if (token == null) {
                missing.add("token");
            }
            if (signature == null) {
                missing.add("signature");
            }
            if (!missing.isEmpty()) {
                return Either.left(RequestFailure.FieldRequired.bodyFields(missing));
            }
            return Either.right(new Submission(tenantId, pageId, token, signature,
                    new CardInput(creditCardNumber, creditCardHolderName, creditCardExpirationMonth,
                            creditCardExpirationYear, creditCardSecurityCode),
                    new SepaInput(iban, bankTransferAccountName),
                    new AchInput(achAbaCode, achAccountNumber, bankTransferAccountName, achAccountType)));
        }

        @Override
        public String toString() {
            return "PageSubmissionRequest[(payment details withheld)]";
        }
    }
}
