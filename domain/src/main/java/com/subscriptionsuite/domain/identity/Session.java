package com.subscriptionsuite.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session: the SHA-256 of its bearer token (the token itself is never stored), bound
 * to one tenant and one user, with an expiry. Revoked at logout, at a password reset, or never.
 */
public record Session(String tokenHash, long tenantId, long userId, UserKind kind, Instant issuedAt,
        Instant expiresAt, Instant revokedAt) {

    /** Product decisions: a customer session lasts 7 days; a guest session 12 hours (seed). */
    public static final Duration CUSTOMER_LIFETIME = Duration.ofDays(7);
    public static final Duration GUEST_LIFETIME = Duration.ofHours(12);

    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Session start(String tokenHash, User user, Instant now) {
        Duration lifetime = user.guest() ? GUEST_LIFETIME : CUSTOMER_LIFETIME;
        return new Session(tokenHash, user.tenantId(), user.id(), user.kind(), now, now.plus(lifetime), null);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
