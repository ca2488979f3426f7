package com.subscriptionsuite.domain.tax;

/**
 * The customer as far as VAT is concerned. Everything but {@code company} may be {@code null}.
 *
 * @param isoCountry ISO 3166 code of the billing country; {@code null} or blank means "not known",
 *                   which is treated as the seller's country
 * @param postcode   postcode of the billing address, used to detect territories outside the EU VAT area
 * @param company    whether the customer buys as a business (B2B)
 * @param vatId      the VAT ID as typed, prefix included; only used when {@code company} is true
 */
public record TaxCustomer(String isoCountry, String postcode, boolean company, String vatId) {

    /** A consumer in the seller's own country: what to assume when no account is given. */
    public static TaxCustomer domesticConsumerOf(Seller seller) {
        return new TaxCustomer(seller.isoCountry(), null, false, null);
    }
}
