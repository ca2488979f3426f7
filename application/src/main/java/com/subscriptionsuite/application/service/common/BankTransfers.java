package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentDataRules;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A payment method described by the client's body alone ({@code {type, data}} without {@code id}),
 * decided the same way wherever a body may carry one: {@code PUT /account/payment-method} and the
 * checkout's {@code payment_method}. Only a bank transfer can be: it carries no sensitive data; a
 * card, SEPA or ACH method comes from the hosted page, a PayPal one from the approval, with their id.
 * Nothing here writes: the caller stores the method in its own unit of work.
 */
public final class BankTransfers {
    private BankTransfers() {
    }

    /** The body's {@code type}, if it is one of the payment types. */
    public static Either<PaymentFailure, PaymentType> type(String type) {
        return PaymentType.of(type).toEither(() -> new PaymentFailure.PaymentTypeUnknown(type));
    }

    /**
     * A new ACTIVE bank transfer of the user, from the body's {@code data} (the account name and an
     * already masked account number; problems named under {@code data.}), where the tenant offers
     * bank transfers in {@code country} (the account's tax country). Another type is
     * {@code payment_method_id_required}. Its id is {@link BillingGateway#UNASSIGNED}: the billing
     * system gives it ({@link BillingGateway#addPaymentMethod}).
     */
    public static Either<PaymentFailure, PaymentMethod> fromBody(TenantDefinition tenant, String country,
            long userId, PaymentType type, Map<String, String> data, Instant now) {
        if (type != PaymentType.BANK_TRANSFER) {
            return Either.left(new PaymentFailure.PaymentMethodIdRequired(type.wireName()));
        }
        return offered(tenant, type, country)
                .flatMap(offered -> PaymentDataRules.bankTransfer(data, "data")
                        .<PaymentFailure>mapLeft(PaymentFailure.PaymentDataInvalid::new))
                .map(checked -> new PaymentMethod(BillingGateway.UNASSIGNED, tenant.tenant().id(), userId,
                        type.wireName(), checked, PaymentMethod.Status.ACTIVE, now));
    }

    /** The type, if the tenant offers it in {@code country} (an account's tax country, any case; null: none). */
    public static Either<PaymentFailure, PaymentType> offered(TenantDefinition tenant, PaymentType type,
            String country) {
        String code = Option.of(country).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT)).getOrNull();
        if (tenant.paymentOptions().offers(type, code)) {
            return Either.right(type);
        }
        return Either.left(new PaymentFailure.PaymentMethodNotOffered(type.wireName(),
                code == null ? "an account without a country" : code));
    }
}
