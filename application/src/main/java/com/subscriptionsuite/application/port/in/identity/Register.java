package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/**
 * Creates a customer of the tenant and signs them in (seed POST /register). {@code redirectUrl}
 * and {@code language} go into the welcome mail; {@code client} (the caller's address) is limited to
 * a number of registrations per window.
 */
public interface Register {
    Either<IdentityFailure, SignedIn> register(RegisterCommand command);

    record RegisterCommand(long tenantId, String email, String password, String redirectUrl, String language,
            String client) {
    }
}
