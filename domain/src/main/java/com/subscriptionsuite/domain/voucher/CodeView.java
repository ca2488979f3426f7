package com.subscriptionsuite.domain.voucher;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * One code as one user sees it, without the code's counts: its campaign, the caller's active hold
 * and how often the caller redeemed it. Enough to decide a hold or a consume; the code's limits are
 * not decided on a read at all but by the store's reservation ({@link VoucherRules#reservedLimit}),
 * so this view is read without any lock.
 */
public record CodeView(Campaign campaign, String code, Option<Hold> callerHold, long callerRedemptions) {
    public CodeView {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(callerHold, "callerHold");
    }
}
