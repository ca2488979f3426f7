package com.subscriptionsuite.adapters.http.archviolation;

import com.subscriptionsuite.application.service.common.CartResolution;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.pricing.CartLine;
import java.util.List;

/** Test fixture only: an HTTP adapter class that applies a rule the services share. */
public class UsesASharedRule {
    List<CartLine> discounted(List<CartLine> lines, RatePlan discount) {
        return CartResolution.withDiscount(lines, discount);
    }
}
