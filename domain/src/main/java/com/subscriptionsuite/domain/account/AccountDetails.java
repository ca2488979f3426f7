package com.subscriptionsuite.domain.account;

/**
 * The customer's account data as the seed's {@code Account} schema has it: the contact (sold-to)
 * address, an optional separate billing (bill-to) address, the VAT ID and the account currency.
 * Values are as given (trimmed by the caller); {@link AccountRules} says which are required and valid.
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

    /** The name invoices and the seed's {@code account_name} show: the company, else first and last name. */
    public String displayName() {
        if (company && companyName != null && !companyName.isBlank()) {
            return companyName;
        }
        return (nullToEmpty(firstName) + " " + nullToEmpty(lastName)).trim();
    }

    /** The country the customer is taxed by: the billing address's when there is one, else the contact's. */
    public String taxCountry() {
        return hasBillingAddress && billingCountry != null && !billingCountry.isBlank() ? billingCountry : country;
    }

    /** The postcode that goes with {@link #taxCountry()} (special territories are found by postcode). */
    public String taxZipCode() {
        return hasBillingAddress && billingCountry != null && !billingCountry.isBlank() ? billingZipCode : zipCode;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
