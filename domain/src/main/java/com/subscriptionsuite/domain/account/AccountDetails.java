package com.subscriptionsuite.domain.account;

import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.text.TextRules;

/**
 * The customer's account data as the seed's {@code Account} schema has it: the contact (sold-to)
 * address, an optional separate billing (bill-to) address, the VAT ID and the account currency.
 * Texts are trimmed here, once for every way in ({@link TextRules#trim}: white space and invisible
 * characters at both ends); {@link AccountRules} says which are required and valid.
 */
public record AccountDetails(
        boolean company,
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
        boolean hasBillingAddress,
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

    public AccountDetails {
        companyName = TextRules.trim(companyName);
        firstName = TextRules.trim(firstName);
        lastName = TextRules.trim(lastName);
        street = TextRules.trim(street);
        zipCode = TextRules.trim(zipCode);
        city = TextRules.trim(city);
        state = TextRules.trim(state);
        country = TextRules.trim(country);
        email = TextRules.trim(email);
        phone = TextRules.trim(phone);
        additionalInfo = TextRules.trim(additionalInfo);
        billingFirstName = TextRules.trim(billingFirstName);
        billingLastName = TextRules.trim(billingLastName);
        billingStreet = TextRules.trim(billingStreet);
        billingAdditionalInfo = TextRules.trim(billingAdditionalInfo);
        billingZipCode = TextRules.trim(billingZipCode);
        billingCity = TextRules.trim(billingCity);
        billingCountry = TextRules.trim(billingCountry);
        billingEmail = TextRules.trim(billingEmail);
        billingPhone = TextRules.trim(billingPhone);
        vatId = TextRules.trim(vatId);
        currency = TextRules.trim(currency);
    }

    /** The name invoices and the seed's {@code account_name} show: the company, else first and last name. */
    public String displayName() {
        if (company && !TextRules.isBlank(companyName)) {
            return companyName;
        }
        return (nullToEmpty(firstName) + " " + nullToEmpty(lastName)).trim();
    }

    /** The country the customer is taxed by: the billing address's when there is one, else the contact's. */
    public String taxCountry() {
        return hasBillingAddress && !TextRules.isBlank(billingCountry) ? billingCountry : country;
    }

    /** The postcode that goes with {@link #taxCountry()} (special territories are found by postcode). */
    public String taxZipCode() {
        return hasBillingAddress && !TextRules.isBlank(billingCountry) ? billingZipCode : zipCode;
    }

    /**
     * The customer as VAT is decided for it: the tax country and its postcode ({@link #taxCountry()},
     * {@link #taxZipCode()}), whether it buys as a company, its VAT ID. A booked subscription is taxed
     * from this, so that an account that says what the price preview was told is taxed the same.
     */
    public TaxCustomer taxCustomer() {
        return new TaxCustomer(taxCountry(), taxZipCode(), company, vatId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
