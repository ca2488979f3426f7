package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * The outbound ports of customer identity on one fresh, empty store, with the {@link Tenants} of
 * that store: a database adapter may require a user's tenant (and a session's user) to exist.
 */
public record IdentityStores(Tenants tenants, Users users, Sessions sessions, PasswordResets passwordResets,
        LoginAttempts loginAttempts) {
    public IdentityStores {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(passwordResets, "passwordResets");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
    }
}
