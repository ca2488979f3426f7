package com.subscriptionsuite.domain.pricing;

/** The amounts of one billing period ({@code OneTime} for one-time charges). */
public record PeriodPrice(String billingPeriod, Amounts amounts) {
}
