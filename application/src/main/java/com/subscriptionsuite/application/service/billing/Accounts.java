package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.domain.account.AccountDetails;
import org.joda.money.CurrencyUnit;

/** Account data as the ledger keeps it. */
final class Accounts {
    private Accounts() {
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
