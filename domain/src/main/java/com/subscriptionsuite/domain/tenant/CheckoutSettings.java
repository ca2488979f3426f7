package com.subscriptionsuite.domain.tenant;

/** Checkout settings (seed CheckoutSettings). */
public record CheckoutSettings(
        long id, boolean hasGuestCheckout, boolean showCharges, boolean showTax, boolean showBrutto,
        boolean showProductName, boolean hasAutoInvoice, boolean hasAutoPayment) {
}
