package com.subscriptionsuite.domain.pricing;

import java.util.List;

/** A suite product of the cart: its rate plans and its totals per billing period. */
public record SuiteProductPrice(long id, long quantity, int orderPos, List<PeriodPrice> prices,
        List<RatePlanPrice> ratePlans) {
    public SuiteProductPrice {
        prices = List.copyOf(prices);
        ratePlans = List.copyOf(ratePlans);
    }
}
