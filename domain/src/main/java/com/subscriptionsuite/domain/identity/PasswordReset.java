package com.subscriptionsuite.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A password-reset key sent by mail: stored only as its SHA-256, single use, valid for one hour
 * (product decision).
 */
public record PasswordReset(String keyHash, long tenantId, long userId, Instant createdAt, Instant expiresAt,
        Instant usedAt) {
    public static final Duration LIFETIME = Duration.ofHours(1);

    public PasswordReset {
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static PasswordReset issue(String keyHash, User user, Instant now) {
        return new PasswordReset(keyHash, user.tenantId(), user.id(), now, now.plus(LIFETIME), null);
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
