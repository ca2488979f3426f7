package com.subscriptionsuite.application.port.in.checkout;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Subscribes the caller to a cart (seed POST /subscription): creates or updates the caller's
 * billing account from {@code account}, sets the payment method, books one subscription per suite
 * product of the cart, consumes a held voucher and raises the first invoice. The billing system books
 * in its own units and the engine commits its side (link, payment method, redemption, kept answer)
 * in one unit after it; a failure in between leaves the operation pending, and the request repeated
 * with its {@code Idempotency-Key} completes it without booking twice (docs/billing-boundary.md).
 */
public interface Checkout {
    /** The checkout without a client key: {@link Operation#unkeyed()}. */
    default Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command) {
        return subscribe(command, Operation.unkeyed());
    }

    /**
     * The checkout as {@code operation}: its key (the client's {@code Idempotency-Key}) keys the
     * billing commands, and its answer is kept with what the checkout commits.
     */
    Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command, Operation<Subscribed> operation);

    /**
     * One checkout. {@code userId} is the token's user and {@code guest} whether it is a guest;
     * {@code paymentMethodId} (optional) an active payment method of that user, or else
     * {@code newPaymentMethod} (optional) one to create from the body, as PUT /account/payment-method
     * creates it (a bank transfer); {@code voucherCode} (optional) a code the user holds, and
     * {@code pageId} (optional) the shop page the checkout happens on.
     */
    record SubscribeCommand(long tenantId, long userId, boolean guest, List<Item> items, AccountDetails account,
            String paymentMethodId, String voucherCode, Long pageId, NewPaymentMethod newPaymentMethod) {
        public SubscribeCommand {
            items = List.copyOf(items);
            Objects.requireNonNull(account, "account");
            if (paymentMethodId != null && newPaymentMethod != null) {
                throw new IllegalArgumentException("a checkout names a stored payment method or a new one, not both");
            }
        }

        /** A checkout with a stored payment method (or none). */
        public SubscribeCommand(long tenantId, long userId, boolean guest, List<Item> items, AccountDetails account,
                String paymentMethodId, String voucherCode, Long pageId) {
            this(tenantId, userId, guest, items, account, paymentMethodId, voucherCode, pageId, null);
        }
    }

    /**
     * A payment method the body describes without an id (the seed's AccountPaymentMethod
     * {@code {type, data}}): only a bank transfer can be created so; {@code data} as sent, in its order.
     */
    record NewPaymentMethod(String type, Map<String, String> data) {
        public NewPaymentMethod {
            data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    /**
     * One suite product of the cart. {@code ratePlans} (optional, null when not sent) must name the
     * suite product's rate plan, and its charges, when listed, all of that plan's charges.
     */
    record Item(long suiteProductId, long quantity, int orderPos, List<RatePlanChoice> ratePlans) {
        public Item {
            ratePlans = ratePlans == null ? null : List.copyOf(ratePlans);
        }
    }

    /** A rate plan as the seed's SubscribeOption names it; {@code chargeIds} null when not sent. */
    record RatePlanChoice(long id, List<Long> chargeIds) {
        public RatePlanChoice {
            chargeIds = chargeIds == null ? null : List.copyOf(chargeIds);
        }
    }

    /** What the checkout booked: one subscription per suite product (by order_pos), and the invoice raised (if any). */
    record Subscribed(List<NewSubscription> subscriptions, String invoiceId, String invoiceNumber) {
        public Subscribed {
            subscriptions = List.copyOf(subscriptions);
        }

        /** The subscriptions' ids, as the seed's answer lists them. */
        public List<String> ids() {
            return subscriptions.stream().map(NewSubscription::id).toList();
        }
    }

    /** A booked subscription: its id, number, the uuid of {@code /product/{uuid}} and its suite product. */
    record NewSubscription(String id, String number, String uuid, long suiteProductId) {
    }
}
