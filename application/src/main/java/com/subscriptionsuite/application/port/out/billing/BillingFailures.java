package com.subscriptionsuite.application.port.out.billing;

/** The stable error codes of billing failures, the same in every use case's failure family. */
public final class BillingFailures {
    public static final String UNAVAILABLE = "billing_unavailable";
    public static final String RATE_LIMITED = "billing_rate_limited";
    public static final String REJECTED = "billing_rejected";

    private BillingFailures() {
    }

    /**
     * {@code billing_unavailable} (503), {@code billing_rate_limited} (429, with the retry-after) or
     * {@code billing_rejected} (502): a refusal by the billing system, and an object the engine links
     * to that the billing system no longer has (a broken link is the billing system's answer, not the
     * caller's mistake).
     */
    public static String code(BillingFailure failure) {
        if (failure instanceof BillingFailure.Unavailable) {
            return UNAVAILABLE;
        }
        if (failure instanceof BillingFailure.RateLimited) {
            return RATE_LIMITED;
        }
        return REJECTED;
    }
}
