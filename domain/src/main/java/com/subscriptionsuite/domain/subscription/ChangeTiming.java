package com.subscriptionsuite.domain.subscription;

/** When a change takes effect: the seed's {@code *_mode} codes (domain-rules §5). */
public enum ChangeTiming {
    /** 0: on the request date (plus the notice period for a cancel), prorated. */
    IMMEDIATELY(0, "immediately"),
    /** 1: at the end of the current billing period, no proration. */
    END_OF_BILLING_PERIOD(1, "end_of_billing_period"),
    /** 2: at the end of the current term, no proration. */
    END_OF_TERM(2, "end_of_term");

    private final int code;
    private final String wireName;

    ChangeTiming(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The timing of a seed code. The tenant loader refuses any other code, so another one here is a
     * bug, not a business case.
     */
    public static ChangeTiming of(int code) {
        for (ChangeTiming t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("a change mode is 0, 1 or 2; found " + code);
    }
}
