package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.service.common.BankTransfers;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.common.PaymentMethodIds;
import com.subscriptionsuite.application.service.common.PaymentMethodLookup;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The default payment method of a billing account. A change is a customer operation
 * ({@link CustomerOperations}): decided under the customer's lease, a bank transfer described by the
 * body is created by the billing system (which gives its id) and made the account's default with the
 * operation's request keys, and the engine stores the method it now knows in the unit that finishes
 * the operation. A retry with the same key creates nothing twice.
 */
final class AccountPaymentMethodService implements AccountPaymentMethodCases {
    private final TenantDirectory directory;
    private final CustomerOperations operations;
    private final PaymentMethods methods;
    private final PaymentMethodLookup lookup;
    private final Clock clock;

    AccountPaymentMethodService(TenantDirectory directory, CustomerOperations operations, PaymentMethodLookup lookup,
            Clock clock) {
        this.directory = directory;
        this.operations = operations;
        this.lookup = lookup;
        this.methods = lookup.stored();
        this.clock = clock;
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> accountPaymentMethod(long tenantId, long userId) {
        Either<BillingFailure, Option<BillingAccount>> account = operations.account(tenantId, userId);
        if (account.isLeft()) {
            return Either.left(new PaymentFailure.BillingFailed(account.getLeft()));
        }
        if (account.get().isEmpty()) {
            return Either.left(new PaymentFailure.AccountNotFound());
        }
        return Option.of(account.get().get().paymentMethodId())
                .flatMap(id -> PaymentMethodIds.ownedByBillingId(methods, tenantId, userId, id))
                .toEither(PaymentFailure.PaymentMethodNotSet::new);
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> change(Change change, Operation<PaymentMethod> operation) {
        Either<PaymentFailure, PaymentType> type = BankTransfers.type(change.type());
        if (type.isLeft()) {
            return Either.left(type.getLeft());
        }
        Instant now = clock.instant();
        BillingGateway gateway = operations.gateway();
        return operations.run(change.tenantId(), change.userId(), "payment-method", operation.key(), op -> {
            Either<PaymentFailure, CustomerOperations.LinkedAccount> linked = operations
                    .linkedAccount(op)
                    .<PaymentFailure>mapLeft(PaymentFailure.BillingFailed::new)
                    .flatMap(found -> found.toEither(PaymentFailure.AccountNotFound::new));
            if (linked.isLeft()) {
                return Either.left(linked.getLeft());
            }
            AccountRef link = linked.get().ref();
            BillingAccount account = linked.get().account();
            boolean create = change.id() == null || change.id().isBlank();
            Either<PaymentFailure, PaymentMethod> chosen = create
                    ? BankTransfers.fromBody(directory.require(change.tenantId()),
                            account.details().taxCountry(), change.userId(), type.get(), change.data(), now)
                    : existing(change, type.get(), account);
            if (chosen.isLeft()) {
                return chosen;
            }
            operations.begin(op);
            Either<PaymentFailure, PaymentMethod> method = create
                    ? gateway.addPaymentMethod(op.step("payment-method"), new BillingGateway.NewPaymentMethod(
                                    change.tenantId(), change.userId(), chosen.get().type(), chosen.get().data(), now))
                            .map(id -> chosen.get().withId(id))
                            .mapLeft(PaymentFailure.BillingFailed::new)
                    : chosen.flatMap(m -> !PaymentMethodIds.needsRegistration(m) ? Either.right(m)
                            : gateway.addPaymentMethod(op.step("register-payment-method"),
                                            new BillingGateway.NewPaymentMethod(change.tenantId(), change.userId(),
                                                    m.type(), m.data(), now))
                                    .<PaymentFailure>mapLeft(PaymentFailure.BillingFailed::new)
                                    .map(m::withBillingId));
            return method.flatMap(m -> gateway.setDefaultPaymentMethod(op.step("default-payment-method"), link,
                                    m.idForBilling())
                            .<PaymentFailure>mapLeft(PaymentFailure.BillingFailed::new)
                            .map(updated -> m))
                    .map(m -> operations.commit(op, () -> {
                        Option<PaymentMethod> stored = methods.paymentMethod(change.tenantId(), m.id());
                        if ((create && stored.isEmpty())
                                || stored.exists(s -> s.billingId() == null && m.billingId() != null)) {
                            methods.save(m);
                        }
                        return m;
                    }, operation.keepAnswer(), List.of(CustomerOperations.Booked.now(EventType.PAYMENT_METHOD_CHANGED,
                            account.id(), new EventPayload.PaymentMethodChanged(account.id(), change.userId(), m.id(),
                                    m.type(), m.data())))));
        });
    }

    private Either<PaymentFailure, PaymentMethod> existing(Change change, PaymentType type, BillingAccount account) {
        String id = change.id().strip();
        return lookup.owned(change.tenantId(), change.userId(), id)
                .<PaymentFailure>mapLeft(down -> new PaymentFailure.ProviderFailed(down.provider(), down.reason()))
                .flatMap(found -> found.<PaymentFailure>toEither(() -> new PaymentFailure.PaymentMethodNotFound("id",
                        id)))
                .filterOrElse(m -> m.type().equals(type.wireName()),
                        m -> new PaymentFailure.PaymentMethodTypeMismatch(id, m.type(), type.wireName()))
                .filterOrElse(m -> m.status() == PaymentMethod.Status.ACTIVE,
                        m -> new PaymentFailure.PaymentMethodPending(id))
                .flatMap(m -> offered(type, account).map(t -> m));
    }

    /** The type, if the tenant offers it in the account's (tax) country. */
    private Either<PaymentFailure, PaymentType> offered(PaymentType type, BillingAccount account) {
        return BankTransfers.offered(directory.require(account.tenantId()), type, account.details().taxCountry());
    }
}
