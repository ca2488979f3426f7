package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.account.AccountProblem;
import com.subscriptionsuite.domain.account.AccountRules;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.application.port.in.operation.Operation;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * The caller's own account and invoices. Everything is looked up through the caller's account, so
 * another account's invoice is simply not found.
 */
final class AccountService implements ManageAccount, ReadInvoices {
    private final Ledger ledger;

    AccountService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Either<AccountFailure, BillingAccount> show(long tenantId, long userId) {
        return ledger.billing().accountOfUser(tenantId, userId).toEither(AccountFailure.AccountNotFound::new);
    }

    @Override
    public Either<AccountFailure, BillingAccount> update(long tenantId, long userId, AccountDetails details,
            Operation<BillingAccount> operation) {
        List<AccountProblem> problems = AccountRules.check(details);
        if (!problems.isEmpty()) {
            return Either.left(new AccountFailure.AccountInvalid(problems));
        }
        Tenant tenant = ledger.directory().require(tenantId).tenant();
        return ledger.transactions().inTransaction(() -> ledger.lockedAccountOfUser(tenantId, userId)
                .toEither(() -> (AccountFailure) new AccountFailure.AccountNotFound())
                .flatMap(account -> Accounts.currency(tenant, Option.some(account.currency()), details.currency())
                        .map(currency -> {
                            BillingAccount updated = account.withDetails(Accounts.withCurrency(details, currency),
                                    ledger.clock().instant());
                            ledger.billing().saveAccount(updated);
                            return updated;
                        })));
    }

    @Override
    public Either<AccountFailure, List<Invoice>> invoices(long tenantId, long userId) {
        return Either.right(ledger.billing().accountOfUser(tenantId, userId)
                .map(account -> ledger.billing().invoices(tenantId, account.id()))
                .getOrElse(List.of()));
    }

    @Override
    public Either<AccountFailure, Document> document(long tenantId, long userId, String invoiceId) {
        Option<BillingAccount> account = ledger.billing().accountOfUser(tenantId, userId);
        return account.flatMap(a -> ledger.billing().invoice(tenantId, invoiceId)
                        .filter(invoice -> invoice.accountId().equals(a.id())))
                .flatMap(invoice -> ledger.billing().invoiceDocument(tenantId, invoice.id()))
                .map(d -> new Document(d.invoiceNumber(), d.mediaType(), d.fileName(), d.content()))
                .toEither(() -> new AccountFailure.InvoiceNotFound(invoiceId));
    }
}
