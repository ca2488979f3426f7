package com.subscriptionsuite.domain.pricing;

import java.util.List;

/** A rate plan's charges and their totals per billing period. */
public record RatePlanPrice(long id, long quantity, List<PeriodPrice> prices, List<ChargePrice> charges) {
    public RatePlanPrice {
        prices = List.copyOf(prices);
        charges = List.copyOf(charges);
    }
}
