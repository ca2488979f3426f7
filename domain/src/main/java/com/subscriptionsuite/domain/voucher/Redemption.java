package com.subscriptionsuite.domain.voucher;

import java.time.Instant;
import java.util.Objects;

/** A code redeemed by a user: what a consumed hold becomes, exactly once. */
public record Redemption(long tenantId, String code, long campaignId, long userId, Instant redeemedAt) {
    public Redemption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
    }
}
