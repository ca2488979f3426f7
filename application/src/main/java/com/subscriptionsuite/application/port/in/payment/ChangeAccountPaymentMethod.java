package com.subscriptionsuite.application.port.in.payment;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes a payment method the default of the caller's billing account (seed PUT /account/payment-method,
 * body {@code {id, type, data}}): an active method of the caller, of a type the shop offers in the
 * account's country. A bank transfer, which carries no sensitive data, may be created from the body
 * itself (no {@code id}); cards, SEPA, ACH and PayPal come from the hosted page or PayPal's approval.
 */
public interface ChangeAccountPaymentMethod {
    default Either<PaymentFailure, PaymentMethod> change(Change change) {
        return change(change, Operation.unkeyed());
    }

    /** {@link #change(Change)} as {@code operation} (see {@link Operation}). */
    Either<PaymentFailure, PaymentMethod> change(Change change, Operation<PaymentMethod> operation);

    /** {@code id} null or blank to create a bank transfer; {@code data} as sent, in its order (ignored for an existing method). */
    record Change(long tenantId, long userId, String id, String type, Map<String, String> data) {
        public Change {
            data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }
}
