package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.account.AccountProblem;
import com.subscriptionsuite.domain.account.AccountRules;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * The caller's own account and invoices, through the caller's account link: another account's
 * invoice is simply not found. An update runs as a customer operation ({@link CustomerOperations}):
 * decided under the customer's lease, sent to the billing system with the operation's request key,
 * and its answer kept in the unit that finishes it.
 */
final class AccountService implements ManageAccount, ReadInvoices {
    private final BillingContext context;

    AccountService(BillingContext context) {
        this.context = context;
    }

    @Override
    public Either<AccountFailure, BillingAccount> show(long tenantId, long userId) {
        return context.operations().account(tenantId, userId)
                .<AccountFailure>mapLeft(AccountFailure.BillingFailed::new)
                .flatMap(account -> account.toEither(AccountFailure.AccountNotFound::new));
    }

    @Override
    public Either<AccountFailure, BillingAccount> update(long tenantId, long userId, AccountDetails details,
            Operation<BillingAccount> operation) {
        List<AccountProblem> problems = AccountRules.check(details);
        if (!problems.isEmpty()) {
            return Either.left(new AccountFailure.AccountInvalid(problems));
        }
        Tenant tenant = context.directory().require(tenantId).tenant();
        CustomerOperations ops = context.operations();
        return ops.run(tenantId, userId, "account-update", operation.key(), op -> {
            return ops.linkedAccount(op)
                    .<AccountFailure>mapLeft(AccountFailure.BillingFailed::new)
                    .flatMap(found -> found.toEither(AccountFailure.AccountNotFound::new))
                    .flatMap(linked -> Accounts.currency(tenant, Option.some(linked.account().currency()),
                                    details.currency())
                            .flatMap(currency -> {
                                ops.begin(op);
                                return context.gateway().updateAccount(op.step("update-account"), linked.ref(),
                                                Accounts.withCurrency(details, currency))
                                        .mapLeft(AccountFailure.BillingFailed::new);
                            }))
                    .map(updated -> ops.commit(op, () -> updated, operation.keepAnswer()));
        });
    }

    @Override
    public Either<AccountFailure, List<Invoice>> invoices(long tenantId, long userId) {
        Option<AccountRef> link = context.operations().links().accountOf(tenantId, userId);
        if (link.isEmpty()) {
            return Either.right(List.of());
        }
        return context.gateway().invoices(link.get()).mapLeft(AccountFailure.BillingFailed::new);
    }

    @Override
    public Either<AccountFailure, Document> document(long tenantId, long userId, String invoiceId) {
        Option<AccountRef> link = context.operations().links().accountOf(tenantId, userId);
        if (link.isEmpty()) {
            return Either.left(new AccountFailure.InvoiceNotFound(invoiceId));
        }
        return context.gateway().invoiceDocument(link.get(), invoiceId)
                .<AccountFailure>mapLeft(f -> f instanceof BillingFailure.NotFound
                        ? new AccountFailure.InvoiceNotFound(invoiceId) : new AccountFailure.BillingFailed(f))
                .map(d -> new Document(d.invoiceNumber(), d.mediaType(), d.fileName(), d.content()));
    }
}
