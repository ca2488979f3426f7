package com.subscriptionsuite.domain.subscription;

/** Who may make a change: the seed's {@code *_behaviour} codes (domain-rules §5). */
public enum ChangeBehaviour {
    /** 0: the change is not offered at all. */
    NOT_ALLOWED(0),
    /** 1: the customer makes it in the customer center. */
    SELF_SERVICE(1),
    /** 2: only the seller makes it ("contact us"; {@code has_contact_us_link} tells the UI). */
    CONTACT_US(2);

    private final int code;

    ChangeBehaviour(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The behaviour of a seed code. The tenant loader refuses any other code, so another one here is a
     * bug, not a business case.
     */
    public static ChangeBehaviour of(int code) {
        for (ChangeBehaviour b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        throw new IllegalArgumentException("a change behaviour is 0, 1 or 2; found " + code);
    }
}
