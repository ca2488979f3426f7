package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeBehaviour;
import com.subscriptionsuite.domain.subscription.ChangeTiming;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * What a customer center needs before the customer picks a new quantity.
 *
 * @param minQuantity                 the smallest quantity every quantity-priced charge allows (at least 1);
 *                                    the current quantity when the product is sold in one quantity only
 * @param maxQuantity                 the largest such quantity, null for no limit; the current quantity
 *                                    when the product is sold in one quantity only
 * @param differentQuantitiesAllowed the suite product's {@code different_quantities_allowed}
 * @param hasContactUsLink           the suite product's {@code has_contact_us_link} (for "contact us" changes)
 * @param upgrade                    whether and when a higher quantity takes effect if asked today
 * @param downgrade                  the same for a lower quantity
 */
public record QuantityOptions(
        String subscriptionUuid,
        String subscriptionNumber,
        Product product,
        long suiteProductId,
        long currentQuantity,
        long minQuantity,
        Long maxQuantity,
        boolean differentQuantitiesAllowed,
        boolean hasContactUsLink,
        CurrencyUnit currency,
        TaxDecision tax,
        String billingPeriod,
        TaxSplit currentPeriodPrice,
        ChangeOffer upgrade,
        ChangeOffer downgrade) {

    public QuantityOptions {
        Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(currentPeriodPrice, "currentPeriodPrice");
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(downgrade, "downgrade");
    }

    /**
     * One kind of change as offered: its behaviour (self-service, contact us, not allowed), its mode,
     * and, when self-service, the day it would take effect if asked today (null otherwise).
     */
    public record ChangeOffer(ChangeAction action, ChangeBehaviour behaviour, ChangeTiming timing,
            LocalDate effectiveDate) {
        public ChangeOffer {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(behaviour, "behaviour");
            Objects.requireNonNull(timing, "timing");
        }

        public boolean allowed() {
            return behaviour == ChangeBehaviour.SELF_SERVICE;
        }
    }
}
