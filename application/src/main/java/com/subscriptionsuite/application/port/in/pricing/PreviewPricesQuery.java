package com.subscriptionsuite.application.port.in.pricing;

import java.util.List;

/**
 * A cart to price (seed POST /subscription/preview). {@code currency} null means the tenant's
 * default; {@code customer} null means a domestic consumer.
 */
public record PreviewPricesQuery(long tenantId, String currency, TaxCustomerData customer, List<Item> items) {
    public PreviewPricesQuery {
        items = List.copyOf(items);
    }

    /** One suite product of the cart. */
    public record Item(long suiteProductId, long quantity, int orderPos) {
    }

    /** What the preview needs to know of the customer for tax (from the seed's Account). */
    public record TaxCustomerData(String country, String zipCode, boolean company, String vatId) {
    }
}
