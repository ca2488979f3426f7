package com.subscriptionsuite.application.port.in.checkout;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;

/**
 * Why a checkout booked nothing. {@code field} is the path of the field at fault in the seed's
 * SubscribeOption body ({@code suite_products[1].quantity}, {@code account.vat_id}), empty when none
 * is.
 */
public sealed interface CheckoutFailure {
    String code();

    String field();

    String message();

    /**
     * The cart cannot be priced as the preview would refuse it (empty, unknown suite product,
     * quantity, currency, a voucher the caller does not hold ...): the preview's own code.
     */
    record CartRefused(PreviewFailure failure) implements CheckoutFailure {
        public String code() {
            return failure.code();
        }

        public String field() {
            return failure.field();
        }

        public String message() {
            return failure.message();
        }
    }

    /** The account's data or currency is refused: the account's own code, its field under {@code account.}. */
    record AccountRefused(AccountFailure failure) implements CheckoutFailure {
        public String code() {
            return failure.code();
        }

        public String field() {
            return failure.field().isEmpty() ? "account" : "account." + failure.field();
        }

        public String message() {
            return "account." + failure.message();
        }
    }

    /**
     * The payment method the body describes without an id cannot be created (not a bank transfer,
     * not offered in the account's country, unmasked data ...): the payment rules' own code, as PUT
     * /account/payment-method answers it, its field under {@code payment_method.}.
     */
    record PaymentMethodRefused(PaymentFailure failure) implements CheckoutFailure {
        public String code() {
            return failure.code();
        }

        public String field() {
            return failure.field().isEmpty() ? "payment_method" : "payment_method." + failure.field();
        }

        public String message() {
            return "payment_method." + failure.message();
        }
    }

    /** The suite product is sold to partners or by sales only, not to customers in the shop. */
    record NotPurchasable(int index, long suiteProductId) implements CheckoutFailure {
        public String code() {
            return "suite_product_not_purchasable";
        }

        public String field() {
            return "suite_products[" + index + "].id";
        }

        public String message() {
            return field() + ": suite product " + suiteProductId + " cannot be bought in the shop";
        }
    }

    /**
     * The suite product allows one subscription per account, and the account has one (not
     * cancelled) already, or the cart has it twice.
     */
    record MultipleSubscriptionsNotAllowed(int index, long suiteProductId, boolean twiceInCart)
            implements CheckoutFailure {
        public String code() {
            return "multiple_subscriptions_not_allowed";
        }

        public String field() {
            return "suite_products[" + index + "].id";
        }

        public String message() {
            return field() + ": suite product " + suiteProductId + " can be subscribed once per account, and "
                    + (twiceInCart ? "the cart has it twice" : "you have a subscription of it already");
        }
    }

    /** The rate plans or charges named for a suite product are not its own. */
    record RatePlanMismatch(String field, String reason) implements CheckoutFailure {
        public String code() {
            return "rate_plan_mismatch";
        }

        public String message() {
            return field + ": " + reason;
        }
    }

    /** No active payment method of the caller has this id (someone else's is not found either). */
    record PaymentMethodNotFound(String id) implements CheckoutFailure {
        public String code() {
            return "payment_method_not_found";
        }

        public String field() {
            return "payment_method.id";
        }

        public String message() {
            return "payment_method.id: you have no usable payment method '" + id + "'";
        }
    }

    /** A guest token, in a shop that (no longer) allows guest checkout. */
    record GuestCheckoutDisabled() implements CheckoutFailure {
        public String code() {
            return "guest_checkout_disabled";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "this shop does not allow checkout as a guest; register or log in";
        }
    }

    /**
     * Another checkout of the same user linked the user's first billing account while this one
     * waited for the customer's lease (two first checkouts at once, e.g. a double click without an
     * Idempotency-Key), or before this one could link the account it opened. Nothing was booked: the other checkout's order stands; a customer who really
     * wants a second order checks out again.
     */
    record CheckoutInProgress() implements CheckoutFailure {
        public String code() {
            return "checkout_in_progress";
        }

        public String field() {
            return "";
        }

        public String message() {
            return "another checkout of this customer was booked meanwhile; nothing was booked by this one"
                    + " (check the account's subscriptions before trying again)";
        }
    }

    /**
     * The billing system did not book the checkout, or its answer did not come: nothing is linked or
     * redeemed in the engine. After {@link BillingFailure.Unavailable} the booking may have happened:
     * the request repeated with the same {@code Idempotency-Key} finds out and books nothing twice.
     */
    record BillingFailed(BillingFailure failure) implements CheckoutFailure {
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
