package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.service.common.BankTransfers;
import com.subscriptionsuite.application.service.common.PaymentMethodIds;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.service.common.CustomerAccounts;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;

/**
 * The default payment method of a billing account. A change runs in one unit of work on the locked
 * account, so two changes of one customer run one after the other and a created bank transfer is
 * stored together with the account pointing at it, or not at all.
 */
final class AccountPaymentMethodService implements AccountPaymentMethodCases {
    private final TenantDirectory directory;
    private final LedgerStore billing;
    private final CustomerLocks locks;
    private final PaymentMethods methods;
    private final Transactions transactions;
    private final Secrets secrets;
    private final Clock clock;

    AccountPaymentMethodService(TenantDirectory directory, LedgerStore billing, CustomerLocks locks,
            PaymentMethods methods, Transactions transactions, Secrets secrets, Clock clock) {
        this.directory = directory;
        this.billing = billing;
        this.locks = locks;
        this.methods = methods;
        this.transactions = transactions;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> accountPaymentMethod(long tenantId, long userId) {
        Option<BillingAccount> account = billing.accountOfUser(tenantId, userId);
        if (account.isEmpty()) {
            return Either.left(new PaymentFailure.AccountNotFound());
        }
        return Option.of(account.get().paymentMethodId())
                .flatMap(id -> PaymentMethodIds.owned(methods.paymentMethod(tenantId, id), tenantId, userId))
                .toEither(PaymentFailure.PaymentMethodNotSet::new);
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> change(Change change, Operation<PaymentMethod> operation) {
        Either<PaymentFailure, PaymentType> type = BankTransfers.type(change.type());
        if (type.isLeft()) {
            return Either.left(type.getLeft());
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Option<BillingAccount> locked = CustomerAccounts.locked(locks, billing, change.tenantId(), change.userId());
            if (locked.isEmpty()) {
                return Either.left(new PaymentFailure.AccountNotFound());
            }
            BillingAccount account = locked.get();
            Either<PaymentFailure, PaymentMethod> chosen = change.id() == null || change.id().isBlank()
                    ? newBankTransfer(change, type.get(), account, now)
                    : existing(change, type.get(), account);
            chosen.forEach(method -> billing.saveAccount(account.withPaymentMethod(method.id(), now)));
            return chosen;
        });
    }

    /** A bank transfer from the body alone; other types come from a page or PayPal, with their id. */
    private Either<PaymentFailure, PaymentMethod> newBankTransfer(Change change, PaymentType type,
            BillingAccount account, Instant now) {
        return BankTransfers.fromBody(directory.require(account.tenantId()), account.details().taxCountry(),
                change.userId(), type, change.data(), secrets, now).peek(methods::save);
    }

    private Either<PaymentFailure, PaymentMethod> existing(Change change, PaymentType type, BillingAccount account) {
        String id = change.id().strip();
        return PaymentMethodIds.owned(methods.paymentMethod(change.tenantId(), id), change.tenantId(), change.userId())
                .<PaymentFailure>toEither(() -> new PaymentFailure.PaymentMethodNotFound("id", id))
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
