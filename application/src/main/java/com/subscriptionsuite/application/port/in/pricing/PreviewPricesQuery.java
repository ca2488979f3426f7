package com.subscriptionsuite.application.port.in.pricing;

import java.util.List;

/**
 * A cart to price (seed POST /subscription/preview). {@code currency} null means the tenant's
 * default; {@code customer} null means a domestic consumer. {@code voucherCode} (optional) prices
 * the code's campaign discount if the caller could hold the code now on {@code pageId};
 * {@code userId} is the caller's user from the token, null for an anonymous caller (who cannot
 * price a code someone else holds).
 */
public record PreviewPricesQuery(long tenantId, String currency, TaxCustomerData customer, List<Item> items,
        String voucherCode, Long pageId, Long userId) {
    public PreviewPricesQuery {
        items = List.copyOf(items);
    }

    /** A cart without a voucher. */
    public PreviewPricesQuery(long tenantId, String currency, TaxCustomerData customer, List<Item> items) {
        this(tenantId, currency, customer, items, null, null, null);
    }

    /** One suite product of the cart. */
    public record Item(long suiteProductId, long quantity, int orderPos) {
    }

    /** What the preview needs to know of the customer for tax (from the seed's Account). */
    public record TaxCustomerData(String country, String zipCode, boolean company, String vatId) {
    }
}
