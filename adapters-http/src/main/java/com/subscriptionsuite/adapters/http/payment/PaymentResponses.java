package com.subscriptionsuite.adapters.http.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.subscriptionsuite.application.port.in.payment.StartPayPal.PayPalStarted;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage.SignedPage;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentData;
import com.subscriptionsuite.domain.payment.PaymentOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of the payment operations (seed shapes, extensions marked in openapi.yaml). */
final class PaymentResponses {
    private PaymentResponses() {
    }

    /** One entry of GET /payment-method/available: the seed's {@code {id, type}}. */
    record AvailableOption(long id, String type) {
        static AvailableOption from(PaymentOption option) {
            return new AvailableOption(option.id(), option.type().wireName());
        }
    }

    /**
     * The seed's PaymentMethod {@code {type, data: {id, token}}}: {@code token} is what the provider
     * charges the method by (PayPal's billing agreement id), {@code null} when there is none (the key
     * is always there, so the shape is stable); extensions: {@code data.status} and the method's
     * displayable data.
     */
    record PaymentMethodResponse(String type, Map<String, String> data) {
        static PaymentMethodResponse from(PaymentMethod m) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("id", m.id());
            data.put("token", m.data().get(PaymentData.PAYPAL_BAID));
            data.put("status", m.status().name());
            m.data().forEach(data::putIfAbsent);
            return new PaymentMethodResponse(m.type(), data);
        }
    }

    /** The seed's AccountPaymentMethod {@code {id, type, data}}: data is the displayable data. */
    record AccountPaymentMethodResponse(String id, String type, Map<String, String> data) {
        static AccountPaymentMethodResponse from(PaymentMethod m) {
            return new AccountPaymentMethodResponse(m.id(), m.type(), new LinkedHashMap<>(m.data()));
        }
    }

    /** PUT /account/payment-method: the seed's {@code {success}}, plus the method now set (extension). */
    record AccountPaymentMethodChanged(boolean success, AccountPaymentMethodResponse paymentMethod) {
        static AccountPaymentMethodChanged from(PaymentMethod m) {
            return new AccountPaymentMethodChanged(true, AccountPaymentMethodResponse.from(m));
        }
    }

    /**
     * GET /payment-method/{id}/signature: the seed's {@code {id, key, locale, signature, token}} ({@code id}
     * is the hosted page's id) plus {@code tenant_id} (Zuora's tenantId) and {@code expires_at}.
     */
    record Signature(String id, String key, String locale, String signature, String token,
            @JsonInclude(JsonInclude.Include.NON_NULL) String tenantId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String expiresAt) {
        static Signature from(SignedPage s) {
            return new Signature(s.pageId(), s.key(), s.locale(), s.signature(), s.token(), s.tenant(),
                    s.expiresAt() == null ? null : s.expiresAt().toString());
        }
    }

    /** GET /payment-method/{id}/paypal/init (the seed has no body): the approval and the pending method. */
    record PayPalInit(String token, String approvalUrl, String paymentMethodId) {
        static PayPalInit from(PayPalStarted started) {
            return new PayPalInit(started.token(), started.approvalUrl(), started.paymentMethodId());
        }
    }

    /** POST /payment-page/{pageId}/submit: as Zuora's hosted page calls back, {@code {success, refId}}. */
    record Submitted(boolean success, @JsonProperty("refId") String refId) {
        static Submitted from(PaymentMethod m) {
            return new Submitted(true, m.id());
        }
    }

    /** GET /payment-provider/paypal/approve: the activated method. */
    record Approved(boolean success, String paymentMethodId, String status) {
        static Approved from(PaymentMethod m) {
            return new Approved(true, m.id(), m.status().name());
        }
    }
}
