package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.RatePlan;
import java.util.List;
import java.util.Objects;

/**
 * One suite product of a cart, resolved: its id, quantity and position, and the rate plans priced
 * for it (the suite product's own plan, later followed by discount plans such as a voucher's).
 */
public record CartLine(long suiteProductId, long quantity, int orderPos, List<RatePlan> ratePlans) {
    public CartLine {
        Objects.requireNonNull(ratePlans, "ratePlans");
        ratePlans = List.copyOf(ratePlans);
    }
}
