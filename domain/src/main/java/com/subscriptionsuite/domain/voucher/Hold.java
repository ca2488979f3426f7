package com.subscriptionsuite.domain.voucher;

import java.time.Instant;
import java.util.Objects;

/** A code held for a user until {@code expiresAt}; afterwards it is free again without any job running. */
public record Hold(long tenantId, String code, long campaignId, long userId, Instant heldAt, Instant expiresAt) {
    public Hold {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
