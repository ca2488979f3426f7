package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;

/**
 * What the payment services and the checkout share: ownership, and options named by a path's id.
 * Payment-method ids are not made here: they come from the provider that owns the method (the
 * billing gateway, the hosted page, PayPal).
 */
public final class PaymentMethodIds {
    private PaymentMethodIds() {
    }

    /** The method, if it is the user's (of the tenant); another user's is as good as none. */
    public static Option<PaymentMethod> owned(Option<PaymentMethod> method, long tenantId, long userId) {
        return method.filter(m -> m.tenantId() == tenantId && m.userId() == userId);
    }

    /** The tenant's option with the path's id; an id that is not a number is not found either. */
    public static Either<PaymentFailure, PaymentOption> option(TenantDefinition tenant, String optionId) {
        long id;
        try {
            id = Long.parseLong(optionId == null ? "" : optionId.strip());
        } catch (NumberFormatException e) {
            return Either.left(new PaymentFailure.PaymentOptionNotFound(optionId));
        }
        return tenant.paymentOptions().option(id)
                .toEither(() -> new PaymentFailure.PaymentOptionNotFound(optionId));
    }
}
