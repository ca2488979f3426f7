package com.subscriptionsuite.application.service.pricing;

import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.tax.Seller;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.time.LocalDate;

/**
 * The one way the engine decides a customer's VAT: the tenant's seller settings and the customer's
 * tax data through {@link VatDetermination}. The price preview decides it from the cart's customer
 * data; a booked subscription (a change) from the billing account's details, so that a customer
 * whose account says what the preview was told is taxed the same.
 */
public final class CustomerTax {
    private CustomerTax() {
    }

    /** The tenant as a seller. */
    public static Seller seller(Tenant tenant) {
        return new Seller(tenant.seller().country(), tenant.seller().ossThresholdApplies());
    }

    /**
     * An account's tax data: the billing address's country and postcode when it has one, else the
     * contact's ({@link AccountDetails#taxCountry()}), whether it buys as a company, its VAT ID.
     */
    public static TaxCustomer of(AccountDetails details) {
        return new TaxCustomer(details.taxCountry(), details.taxZipCode(), details.company(), details.vatId());
    }

    /** The VAT decision for {@code customer} buying from the tenant on {@code on}. */
    public static TaxDecision decide(VatDetermination vat, Tenant tenant, TaxCustomer customer, LocalDate on) {
        return vat.decide(seller(tenant), customer, on);
    }
}
