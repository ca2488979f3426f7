package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.Charge;
import io.vavr.control.Option;
import java.math.BigDecimal;

/** Whether a quantity may be bought for a charge. */
public final class QuantityLimits {
    private QuantityLimits() {
    }

    /** The violated limit, described ("at least 5", "at most 100"), or none when the quantity is allowed. */
    public static Option<String> violated(Charge charge, BigDecimal quantity) {
        if (!charge.model().usesQuantity()) {
            return Option.none();
        }
        if (charge.minQuantity() != null && quantity.compareTo(charge.minQuantity()) < 0) {
            return Option.some("at least " + charge.minQuantity().toPlainString());
        }
        if (charge.maxQuantity() != null && quantity.compareTo(charge.maxQuantity()) > 0) {
            return Option.some("at most " + charge.maxQuantity().toPlainString());
        }
        return Option.none();
    }
}
