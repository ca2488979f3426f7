package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/**
 * A guest session of 12 hours with a user of its own (seed POST /login/guest), if the tenant allows
 * guests; {@code client} (the caller's address) is limited to a number of guests per window.
 */
public interface LogInAsGuest {
    Either<IdentityFailure, SignedIn> logInAsGuest(long tenantId, String client);
}
