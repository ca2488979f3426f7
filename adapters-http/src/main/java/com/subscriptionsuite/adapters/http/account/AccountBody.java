package com.subscriptionsuite.adapters.http.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.subscriptionsuite.domain.account.AccountDetails;

/**
 * The seed's Account object, as requests send it (PUT /account, POST /subscription, the preview)
 * and GET /account answers it. Reading accepts every field of the seed and no other, each
 * optional at this level (the use cases say which are required); the domain trims texts. Writing
 * answers every key of the seed's Account, a text that was not given as {@code ""} (a form bound to
 * the object, such as Angular's {@code setValue}, needs every key), a flag that was not given as
 * {@code false} and anything else not set as {@code null}.
 */
public record AccountBody(
        @JsonProperty("is_company") Boolean isCompany,
        String companyName,
        String firstName,
        String lastName,
        String street,
        String zipCode,
        String city,
        String state,
        String country,
        String email,
        String phone,
        String additionalInfo,
        @JsonProperty("has_billing_address") Boolean hasBillingAddress,
        String billingFirstName,
        String billingLastName,
        String billingStreet,
        String billingAdditionalInfo,
        String billingZipCode,
        String billingCity,
        String billingCountry,
        String billingEmail,
        String billingPhone,
        String vatId,
        String currency) {

    /** The account data (which trims its texts); an absent flag is false, an absent text null. */
    public AccountDetails toDetails() {
        return new AccountDetails(Boolean.TRUE.equals(isCompany), companyName, firstName, lastName, street, zipCode,
                city, state, country, email, phone, additionalInfo, Boolean.TRUE.equals(hasBillingAddress),
                billingFirstName, billingLastName, billingStreet, billingAdditionalInfo, billingZipCode, billingCity,
                billingCountry, billingEmail, billingPhone, vatId, currency);
    }

    /** The stored account data as the seed shows it, every key present, with the account's currency. */
    public static AccountBody from(AccountDetails d, String currency) {
        return new AccountBody(d.company(), text(d.companyName()), text(d.firstName()), text(d.lastName()),
                text(d.street()), text(d.zipCode()), text(d.city()), text(d.state()), text(d.country()),
                text(d.email()), text(d.phone()), text(d.additionalInfo()), d.hasBillingAddress(),
                text(d.billingFirstName()), text(d.billingLastName()), text(d.billingStreet()),
                text(d.billingAdditionalInfo()), text(d.billingZipCode()), text(d.billingCity()),
                text(d.billingCountry()), text(d.billingEmail()), text(d.billingPhone()), text(d.vatId()),
                text(currency));
    }

    /** A text of the answer: {@code ""} when it was not given. */
    private static String text(String s) {
        return s == null ? "" : s;
    }
}
