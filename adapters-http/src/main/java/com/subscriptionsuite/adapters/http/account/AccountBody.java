package com.subscriptionsuite.adapters.http.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.subscriptionsuite.domain.account.AccountDetails;

/**
 * The seed's Account object, as requests send it (PUT /account, POST /subscription, the preview)
 * and GET /account answers it. Reading accepts every field of the seed and no other, each
 * optional at this level (the use cases say which are required); the domain trims texts. Writing leaves
 * out the fields that are not set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

    /** The stored account data as the seed shows it, with the account's currency. */
    public static AccountBody from(AccountDetails d, String currency) {
        return new AccountBody(d.company(), d.companyName(), d.firstName(), d.lastName(), d.street(), d.zipCode(),
                d.city(), d.state(), d.country(), d.email(), d.phone(), d.additionalInfo(), d.hasBillingAddress(),
                d.billingFirstName(), d.billingLastName(), d.billingStreet(), d.billingAdditionalInfo(),
                d.billingZipCode(), d.billingCity(), d.billingCountry(), d.billingEmail(), d.billingPhone(),
                d.vatId() == null ? "" : d.vatId(), currency);
    }
}
