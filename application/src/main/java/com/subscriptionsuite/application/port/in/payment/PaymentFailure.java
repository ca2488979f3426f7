package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.payment.FieldProblem;
import com.subscriptionsuite.domain.payment.PaymentType;
import java.util.List;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;

/**
 * Why a payment-method use case refused. {@code field} names the request field at fault: a query or
 * path parameter ({@code country}, {@code paymentMethodId}, {@code pageId}, {@code token}) or a body
 * field ({@code id}, {@code type}, {@code data.…}, a hosted page's form field).
 */
public sealed interface PaymentFailure {
    String code();

    String field();

    String message();

    /** A {@code country} that is not an ISO 3166 alpha-2 code. */
    record CountryInvalid(String country) implements PaymentFailure {
        public String code() {
            return "country_invalid";
        }

        public String field() {
            return "country";
        }

        public String message() {
            return "country: '" + country + "' is not an ISO 3166 country code such as DE";
        }
    }

    /** A {@code locale} that is not a language tag ({@code de}, {@code en_US}, {@code pt-BR}). */
    record LocaleInvalid(String locale) implements PaymentFailure {
        public String code() {
            return "locale_invalid";
        }

        public String field() {
            return "locale";
        }

        public String message() {
            return "locale: '" + locale + "' is not a locale such as de, en_US or pt-BR";
        }
    }

    /** No payment option of the tenant has this id (the seed's "ID of a Subscription Suite payment method"). */
    record PaymentOptionNotFound(String id) implements PaymentFailure {
        public String code() {
            return "payment_option_not_found";
        }

        public String field() {
            return "paymentMethodId";
        }

        public String message() {
            return "paymentMethodId: the shop offers no payment method " + id;
        }
    }

    /** The option exists, but is of a type the operation is not for (a signature for PayPal ...). */
    record PaymentOptionUnsuitable(long id, String type, String operation) implements PaymentFailure {
        public String code() {
            return "payment_option_unsuitable";
        }

        public String field() {
            return "paymentMethodId";
        }

        public String message() {
            return "paymentMethodId: payment method " + id + " is " + type + "; " + operation;
        }
    }

    /** No stored payment method with this id belongs to the caller (another user's is not found either). */
    record PaymentMethodNotFound(String field, String id) implements PaymentFailure {
        public String code() {
            return "payment_method_not_found";
        }

        public String message() {
            return field + ": you have no payment method " + id;
        }
    }

    /** No payment option of the tenant uses this hosted page. */
    record PaymentPageNotFound(String pageId) implements PaymentFailure {
        public String code() {
            return "payment_page_not_found";
        }

        public String field() {
            return "pageId";
        }

        public String message() {
            return "pageId: the shop has no payment page " + pageId;
        }
    }

    /** A page token that is unknown, forged, expired, for another page or used already: one answer for all. */
    record PageTokenInvalid() implements PaymentFailure {
        public String code() {
            return "payment_page_token_invalid";
        }

        public String field() {
            return "token";
        }

        public String message() {
            return "token: the page's token and signature are not valid (unknown, expired or used); load the page"
                    + " again";
        }
    }

    /** A PayPal approval token that is unknown, expired or used already: one answer for all. */
    record PayPalTokenInvalid() implements PaymentFailure {
        public String code() {
            return "paypal_token_invalid";
        }

        public String field() {
            return "token";
        }

        public String message() {
            return "token: the PayPal approval token is not valid (unknown, expired or used); start again";
        }
    }

    /** Payment details that cannot be accepted, every field at fault listed. */
    record PaymentDataInvalid(List<FieldProblem> problems) implements PaymentFailure {
        public PaymentDataInvalid {
            problems = List.copyOf(problems);
        }

        public String code() {
            return "payment_data_invalid";
        }

        public String field() {
            return problems.isEmpty() ? "" : problems.get(0).field();
        }

        public String message() {
            return problems.isEmpty() ? "the payment details are not valid"
                    : problems.get(0).field() + ": " + problems.get(0).reason()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        }
    }

    /** The caller has no billing account yet (it is created by the first checkout). */
    record AccountNotFound() implements PaymentFailure {
        public String code() {
            return "account_not_found";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "you have no account yet; it is created by your first subscription";
        }
    }

    /** The caller's account has no default payment method. */
    record PaymentMethodNotSet() implements PaymentFailure {
        public String code() {
            return "payment_method_not_set";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "your account has no payment method yet";
        }
    }

    /** A payment method still waiting for the customer's approval (a PayPal agreement not yet approved). */
    record PaymentMethodPending(String id) implements PaymentFailure {
        public String code() {
            return "payment_method_pending";
        }

        public String field() {
            return "id";
        }

        public String message() {
            return "id: payment method " + id + " is not approved yet";
        }
    }

    /** The body's {@code type} is not the stored method's type. */
    record PaymentMethodTypeMismatch(String id, String stored, String given) implements PaymentFailure {
        public String code() {
            return "payment_method_type_mismatch";
        }

        public String field() {
            return "type";
        }

        public String message() {
            return "type: payment method " + id + " is " + stored + ", not " + given;
        }
    }

    /** The tenant does not offer this type in the account's country. */
    record PaymentMethodNotOffered(String type, String country) implements PaymentFailure {
        public String code() {
            return "payment_method_not_offered";
        }

        public String field() {
            return "type";
        }

        public String message() {
            return "type: the shop does not offer " + type + " in " + country;
        }
    }

    /** A type whose method only a page or PayPal can create, given without the id they created. */
    record PaymentMethodIdRequired(String type) implements PaymentFailure {
        public String code() {
            return "payment_method_id_required";
        }

        public String field() {
            return "id";
        }

        public String message() {
            return "id: a " + type + " payment method is created by "
                    + (PaymentType.PAYPAL.wireName().equals(type) ? "the PayPal approval" : "the hosted payment page")
                    + "; send the id it returned";
        }
    }

    /** A {@code type} that is no payment type. */
    record PaymentTypeUnknown(String type) implements PaymentFailure {
        public String code() {
            return "payment_type_unknown";
        }

        public String field() {
            return "type";
        }

        public String message() {
            return "type: '" + type + "' is not one of " + PaymentType.names();
        }
    }

    /** The payment provider (Zuora, PayPal) could not be asked; nothing was stored. */
    record ProviderFailed(String provider, String reason) implements PaymentFailure {
        public String code() {
            return "payment_provider_unavailable";
        }

        public String field() {
            return "";
        }

        public String message() {
            return provider + " could not be reached: " + reason + "; try again later";
        }
    }

    /**
     * The billing system did not answer, limited the rate of calls or refused: {@code billing_unavailable},
     * {@code billing_rate_limited} or {@code billing_rejected} ({@link BillingFailure#errorCode}). 
     */
    record BillingFailed(BillingFailure failure) implements PaymentFailure {
        public String code() {
            return failure.errorCode();
        }

        public String field() {
            return "";
        }

        public String message() {
            return failure.describe();
        }
    }
}
