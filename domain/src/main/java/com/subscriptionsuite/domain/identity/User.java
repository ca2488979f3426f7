package com.subscriptionsuite.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of a tenant's shop. Customers have an email and a password hash; guests have neither.
 * {@code guid} is the public id the API shows; {@code id} the internal one.
 */
public record User(long tenantId, long id, String guid, UserKind kind, EmailAddress email, String passwordHash,
        String crmId, String language, Instant createdAt) {
    public User {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == UserKind.CUSTOMER && (email == null || passwordHash == null)) {
            throw new IllegalArgumentException("a customer has an email and a password hash");
        }
    }

    public boolean guest() {
        return kind == UserKind.GUEST;
    }
}
