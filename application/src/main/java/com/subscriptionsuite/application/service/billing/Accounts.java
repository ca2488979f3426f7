package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.joda.money.CurrencyUnit;

/** Account data as the ledger keeps it, and the rule of the account's currency (checkout and account update). */
final class Accounts {
    private Accounts() {
    }

    /**
     * The currency an account is kept in. {@code current} is the existing account's (none before the
     * first checkout). A blank {@code asked} means the account's currency, or the shop's default for a
     * new account; so does the account's own code (any case). Another code is refused:
     * {@code currency_not_offered} when the shop does not sell in it, else
     * {@code account_currency_locked} when there is an account (its subscriptions and invoices are in
     * its currency); a new account takes it.
     */
    static Either<AccountFailure, CurrencyUnit> currency(Tenant tenant, Option<CurrencyUnit> current, String asked) {
        String code = asked == null || asked.isBlank() ? null : asked.strip();
        if (code == null) {
            return Either.right(current.getOrElse(tenant::defaultCurrency));
        }
        Option<CurrencyUnit> same = current.filter(c -> c.getCode().equalsIgnoreCase(code));
        if (same.isDefined()) {
            return Either.right(same.get());
        }
        Option<CurrencyUnit> offered = tenant.currency(code);
        if (offered.isEmpty()) {
            return Either.left(new AccountFailure.CurrencyNotOffered(code));
        }
        if (current.isDefined()) {
            return Either.left(new AccountFailure.CurrencyLocked(current.get().getCode(), code));
        }
        return Either.right(offered.get());
    }

    /** The details with the account's currency in place of the one given (which may be blank). */
    static AccountDetails withCurrency(AccountDetails d, CurrencyUnit currency) {
        return new AccountDetails(d.company(), d.companyName(), d.firstName(), d.lastName(), d.street(), d.zipCode(),
                d.city(), d.state(), d.country(), d.email(), d.phone(), d.additionalInfo(), d.hasBillingAddress(),
                d.billingFirstName(), d.billingLastName(), d.billingStreet(), d.billingAdditionalInfo(),
                d.billingZipCode(), d.billingCity(), d.billingCountry(), d.billingEmail(), d.billingPhone(), d.vatId(),
                currency.getCode());
    }
}
