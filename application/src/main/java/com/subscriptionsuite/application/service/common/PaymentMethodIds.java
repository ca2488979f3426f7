package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentType;
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

    /**
     * Whether the billing system must be told of the method before it can be named to it: a PayPal
     * method's id is the PayPal provider's, so the approved agreement is registered with the billing
     * system (its {@code addPaymentMethod}) the first time the method is used, and the id it answers is
     * kept as the method's {@link PaymentMethod#billingId()}. Card, SEPA and ACH ids come from the
     * billing system's own page (Zuora) or are accepted as they are (the ledger); bank transfers are
     * created by the billing system.
     */
    public static boolean needsRegistration(PaymentMethod method) {
        return PaymentType.PAYPAL.wireName().equals(method.type()) && method.billingId() == null
                && method.status() == PaymentMethod.Status.ACTIVE;
    }

    /** The user's method that the billing system names {@code billingId} (its own id, or the method's). */
    public static Option<PaymentMethod> ownedByBillingId(PaymentMethods methods, long tenantId, long userId,
            String billingId) {
        return owned(methods.paymentMethod(tenantId, billingId), tenantId, userId)
                .orElse(() -> owned(methods.paymentMethodByBillingId(tenantId, billingId), tenantId, userId));
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
