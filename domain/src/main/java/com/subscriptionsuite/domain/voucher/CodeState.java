package com.subscriptionsuite.domain.voucher;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * What the rules need to know about one code at one moment, from one user's point of view: its
 * campaign, the active (unexpired, unconsumed) holds on it, its redemptions, and the caller's own
 * active hold and redemptions.
 */
public record CodeState(Campaign campaign, String code, int activeHolds, long redemptions, Option<Hold> callerHold,
        long callerRedemptions) {
    public CodeState {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(callerHold, "callerHold");
    }

    /** Active holds of other users. */
    public int othersHolds() {
        return activeHolds - (callerHold.isDefined() ? 1 : 0);
    }
}
