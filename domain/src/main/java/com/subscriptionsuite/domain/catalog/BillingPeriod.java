package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** Zuora's billing periods (the values of {@code billingPeriod} on a product rate plan charge). */
public enum BillingPeriod implements WireNamed {
    MONTH("Month", 1, false),
    QUARTER("Quarter", 3, false),
    SEMI_ANNUAL("Semi_Annual", 6, false),
    ANNUAL("Annual", 12, false),
    EIGHTEEN_MONTHS("Eighteen_Months", 18, false),
    TWO_YEARS("Two_Years", 24, false),
    THREE_YEARS("Three_Years", 36, false),
    FIVE_YEARS("Five_Years", 60, false),
    SPECIFIC_MONTHS("Specific_Months", 0, true),
    SUBSCRIPTION_TERM("Subscription_Term", 0, false),
    WEEK("Week", 0, false),
    SPECIFIC_WEEKS("Specific_Weeks", 0, true),
    SPECIFIC_DAYS("Specific_Days", 0, true);

    private final String wireName;
    private final int months;
    private final boolean needsLength;

    BillingPeriod(String wireName, int months, boolean needsLength) {
        this.wireName = wireName;
        this.months = months;
        this.needsLength = needsLength;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Length in months for month-based periods, 0 otherwise. */
    public int months() {
        return months;
    }

    /** Specific_* periods need a length ({@code specific_billing_period}). */
    public boolean needsLength() {
        return needsLength;
    }

    public static Option<BillingPeriod> fromWireName(String name) {
        return WireNamed.parse(BillingPeriod.class, name);
    }
}
