package com.subscriptionsuite.domain.pricing;

import java.math.BigDecimal;
import org.joda.money.BigMoney;

/**
 * One priced charge line. Usage charges have no known quantity at preview: they carry their
 * {@code unitPrice} unrounded (0.002 per call stays 0.002), zero amounts, and are excluded from totals ({@code usage} true). Discount
 * charges carry zero amounts: their effect is folded into the lines they reduce.
 */
public record ChargePrice(long id, BigDecimal quantity, String billingPeriod, Amounts amounts,
        boolean usage, BigMoney unitPrice) {
}
